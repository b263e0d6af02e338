// The post-check of a generated answer: splits it into sentences, removes citations to sources
// that were not given, scores each sentence against the passages it cites, and flags (or drops)
// the ones they do not support.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { sentencesOfPassages } from '../verify/evidence-sentences.ts';
import { parseCitations } from '../verify/parse-citations.ts';
import { type SupportResult, SupportScorer, verdictOf } from '../verify/support-scorer.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';
import type { AnswerCitation, AnswerSentence } from './answer.schema.ts';
import type { NumberedSource } from './answer-sources.ts';
import { NO_ANSWER } from './prompt.ts';

export type CheckedAnswer = {
  /** The model said the sources hold no answer. */
  noAnswer: boolean;
  sentences: AnswerSentence[];
  /** Source numbers the model cited that were not given (removed). */
  unknownCitations: number[];
  /** Sentences dropped as unsupported (with `unsupported: 'drop'`). */
  dropped: number;
};

/** Splits generated text into sentences and their [n] citations, and checks each against its sources. */
export function checkGenerated(
  text: string,
  sources: readonly NumberedSource[],
  statistics: TermStatistics,
  unsupported: 'flag' | 'drop',
): CheckedAnswer {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.replace(/[.\s]/gu, '') === NO_ANSWER) {
    return { noAnswer: trimmed !== '', sentences: [], unknownCitations: [], dropped: 0 };
  }
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  const scorer = new SupportScorer(statistics);
  const unknown = new Set<number>();
  const sentences: AnswerSentence[] = [];
  let dropped = 0;

  const spans = sentenceSpans(trimmed);
  const citations = parseCitations(trimmed).filter((c) => c.target.kind === 'numeric');
  spans.forEach((span, index) => {
    // A marker right after a sentence's full stop ("… effect. [2]") belongs to that sentence.
    const next = spans[index + 1];
    const mine = citations.filter(
      (c) => c.start >= span.start && c.start < span.end && !(index > 0 && c.start === span.start),
    );
    if (next) mine.push(...citations.filter((c) => c.start === next.start));
    let clean = '';
    let position = span.start;
    for (const c of citations.filter((c) => c.start >= span.start && c.end <= span.end)) {
      clean += trimmed.slice(position, c.start);
      position = c.end;
    }
    clean = (clean + trimmed.slice(position, span.end))
      .replace(/\s+([.,;:!?])/gu, '$1')
      .replace(/\s+/gu, ' ')
      .trim();
    if (!/[\p{L}\p{N}]/u.test(clean)) return;

    const numbers = [...new Set(mine.map((c) => (c.target.kind === 'numeric' ? c.target.n : 0)))];
    const given = numbers.filter((n) => byNumber.has(n));
    for (const n of numbers) if (!byNumber.has(n)) unknown.add(n);

    let best: SupportResult | undefined;
    const cited: AnswerCitation[] = [];
    for (const n of given) {
      const source = byNumber.get(n)!;
      const result = scorer.score(clean, sentencesOfPassages(source.passages));
      const evidence = result.evidence;
      if (evidence?.passageId !== undefined) {
        cited.push({
          n,
          paperId: source.paper.id,
          passageId: evidence.passageId,
          field: evidence.field,
          start: evidence.start,
          end: evidence.end,
        });
      }
      if (!best || result.score > best.score) best = result;
    }
    const support = best?.score ?? 0;
    const supported = best !== undefined && verdictOf(best) !== 'not_supported';
    if (!supported && unsupported === 'drop') {
      dropped++;
      return;
    }
    sentences.push({ text: clean, support, supported, citations: cited });
  });
  return { noAnswer: false, sentences, unknownCitations: [...unknown].sort((a, b) => a - b), dropped };
}
