// The post-check of a generated answer: splits it into sentences and each sentence into clauses
// (at ";" and after a marker that more words follow), removes citations to sources that were not
// given, judges every citation on its own against its clause, and flags (or drops) a sentence when
// any of its citations does not back what it is attached to.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { citedClauses } from '../verify/cited-clauses.ts';
import { sentencesOfPassages } from '../verify/evidence-sentences.ts';
import { parseCitations } from '../verify/parse-citations.ts';
import type { AnswerCitation, AnswerSentence } from './answer.schema.ts';
import { type AnswerJudge, backs } from './answer-judge.ts';
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
export async function checkGenerated(
  text: string,
  sources: readonly NumberedSource[],
  judge: AnswerJudge,
  unsupported: 'flag' | 'drop',
): Promise<CheckedAnswer> {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.replace(/[.\s]/gu, '') === NO_ANSWER) {
    return { noAnswer: trimmed !== '', sentences: [], unknownCitations: [], dropped: 0 };
  }
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  const unknown = new Set<number>();

  const spans = sentenceSpans(trimmed);
  const citations = parseCitations(trimmed).filter((c) => c.target.kind === 'numeric');
  const numberOf = (c: (typeof citations)[number]) => (c.target.kind === 'numeric' ? c.target.n : 0);
  const withoutMarkers = (start: number, end: number) => {
    let clean = '';
    let position = start;
    for (const c of citations.filter((c) => c.start >= start && c.end <= end)) {
      clean += trimmed.slice(position, c.start);
      position = c.end;
    }
    return (clean + trimmed.slice(position, end))
      .replace(/\s+([.,;:!?])/gu, '$1')
      .replace(/\s+/gu, ' ')
      .trim();
  };
  const drafts: Array<{ text: string; clauses: Array<{ text: string; numbers: number[] }> }> = [];
  spans.forEach((span, index) => {
    // A marker right after a sentence's full stop ("… effect. [2]") belongs to that sentence.
    const next = spans[index + 1];
    const mine = citations.filter(
      (c) => c.start >= span.start && c.start < span.end && !(index > 0 && c.start === span.start),
    );
    const trailing = next ? citations.filter((c) => c.start === next.start) : [];
    const clean = withoutMarkers(span.start, span.end);
    if (!/[\p{L}\p{N}]/u.test(clean)) return;
    for (const n of [...mine, ...trailing].map(numberOf)) if (!byNumber.has(n)) unknown.add(n);
    const clauses = citedClauses(trimmed, span, mine, trailing).map((clause) => ({
      text: withoutMarkers(clause.start, clause.end).replace(/[;,]$/u, ''),
      numbers: [...new Set(clause.citations.map(numberOf))].filter((n) => byNumber.has(n)),
    }));
    drafts.push({ text: clean, clauses });
  });

  // Every citation is judged on its own, against the clause it is attached to, in one batch.
  const requests = drafts.flatMap((d) =>
    d.clauses.flatMap((clause) =>
      clause.numbers.map((n) => ({ claim: clause.text, sentences: sentencesOfPassages(byNumber.get(n)!.passages) })),
    ),
  );
  const judgements = await judge.judgeMany(requests);
  let next = 0;
  const sentences: AnswerSentence[] = [];
  let dropped = 0;
  for (const draft of drafts) {
    const cited: AnswerCitation[] = [];
    let support = draft.clauses.length > 0 ? 1 : 0;
    let supported = draft.clauses.length > 0;
    for (const clause of draft.clauses) {
      let best = 0;
      let clauseBacked = false;
      if (clause.numbers.length === 0) supported = false;
      for (const n of clause.numbers) {
        const source = byNumber.get(n)!;
        const judgement = judgements[next++]!;
        // A citation nothing backs still points at the source's best passage.
        const best0 = source.passages[0];
        const evidence =
          judgement.evidence ??
          (best0 ? { passageId: best0.id, field: best0.field, start: best0.start, end: best0.end } : null);
        if (evidence?.passageId !== undefined && !cited.some((c) => c.n === n && c.start === evidence.start)) {
          cited.push({
            n,
            paperId: source.paper.id,
            passageId: evidence.passageId,
            field: evidence.field,
            start: evidence.start,
            end: evidence.end,
          });
        }
        best = Math.max(best, judgement.support);
        if (backs(judgement)) clauseBacked = true;
        else supported = false;
      }
      if (!clauseBacked) supported = false;
      support = Math.min(support, best);
    }
    if (!supported && unsupported === 'drop') {
      dropped++;
      continue;
    }
    sentences.push({ text: draft.text, support, supported, citations: cited });
  }
  return { noAnswer: false, sentences, unknownCitations: [...unknown].sort((a, b) => a - b), dropped };
}
