// What one question gives in eval-ask, before any threshold is applied: Citelens's extractive answer
// and the plain baseline's (the best TF-IDF sentence of the top BM25 result), each scored as an Outcome.
import type { IndexReader } from '../../indexer/index.ts';
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { tokenize } from '../../indexer/text/analyze.ts';
import type { ParsedAskRequest } from '../answer/answer.schema.ts';
import { answerQuestion } from '../answer/answer.service.ts';
import { findingBalance } from '../answer/bottom-line.ts';
import { lengthAllowance } from '../answer/selection-settings.ts';
import { afterFirstAim } from '../answer/sentence-position.ts';
import { searchPlainWords } from '../search/search.service.ts';
import { tfidfCosine } from '../verify/support-features.ts';
import { statisticsOfIndex } from '../verify/term-statistics.ts';
import { questionAsAsked } from './ask-eval.ts';

/** One question's outcome, for the system and the baseline, before any threshold is applied. */
export type Outcome = {
  /** Score compared with the threshold: concept coverage (system) or top BM25 score (baseline). */
  score: number;
  /** Abstained whatever the threshold (no usable sentence). */
  forced: boolean;
  citesSource: boolean;
  sentences: number;
  sentencesCitingSource: number;
  f1: number;
  /** yes / no / maybe as predicted with the default bottom-line settings. */
  decision: string;
  /** The cited findings' balance (yes/no questions answered by the system), from which each fold's fitted settings decide. */
  balance: { net: number; yes: number[]; no: number[] } | null;
};

/** An in-domain question's outcomes, with the experts' decision. */
export type InDomainQuestion = { id: string; decision: string; system: Outcome; baseline: Outcome };

/** An off-topic question's outcomes (asked of a library on another subject). */
export type OffTopicQuestion = { id: string; system: Outcome; baseline: Outcome };

/** Token F1 of two texts (lowercased words, as a bag). */
export function tokenF1(predicted: string, reference: string): number {
  const count = (text: string) => {
    const bag = new Map<string, number>();
    for (const t of tokenize(text)) bag.set(t.word, (bag.get(t.word) ?? 0) + 1);
    return bag;
  };
  const a = count(predicted);
  const b = count(reference);
  let common = 0;
  for (const [word, n] of a) common += Math.min(n, b.get(word) ?? 0);
  const na = [...a.values()].reduce((x, y) => x + y, 0);
  const nb = [...b.values()].reduce((x, y) => x + y, 0);
  if (common === 0 || na === 0 || nb === 0) return 0;
  const precision = common / na;
  const recall = common / nb;
  return (2 * precision * recall) / (precision + recall);
}

const request = (question: string, k: number): ParsedAskRequest => ({
  question: questionAsAsked(question),
  k,
  mode: 'hybrid',
  filters: {},
  generate: false,
  unsupported: 'flag',
  maxSentences: 4,
});

/**
 * Citelens's answer to a question from `k` retrieved passages, with the abstention threshold at 0 so
 * that its score (key-concept coverage, in the units of minConceptCoverage) can be thresholded later.
 * `source` is the paper that holds the answer (null off-topic); `reference` the experts' long answer.
 */
export async function systemOutcome(
  reader: IndexReader,
  question: string,
  source: string | null,
  reference: string,
  k: number,
): Promise<Outcome> {
  let coverage = 0;
  const response = await answerQuestion(reader, request(question, k), {
    selection: { minConceptCoverage: 0 },
    onSelection: (selection) => {
      // In the units of minConceptCoverage: a long question's share is measured against what it needs.
      coverage = selection.conceptCoverage / lengthAllowance(selection.conceptCount);
    },
  });
  const sentences = response.answer.sentences;
  const papers = sentences.map((s) => s.citations.map((c) => c.paperId));
  const verdict = response.bottomLine?.verdict;
  const abstracts = new Map(response.sources.map((s) => [s.n, s.paper.abstract]));
  const balance = response.bottomLine
    ? findingBalance(
        question,
        sentences.map((s) => {
          const c = s.citations[0]!;
          return {
            n: c.n,
            text: s.text,
            afterAim: c.field === 'abstract' && afterFirstAim(abstracts.get(c.n) ?? '', c.start),
          };
        }),
      )
    : null;
  return {
    // With the threshold at 0 the only abstentions left are forced ones (no usable sentence).
    score: coverage,
    forced: response.abstained,
    citesSource: source !== null && papers.some((p) => p.includes(source)),
    sentences: sentences.length,
    sentencesCitingSource: source === null ? 0 : papers.filter((p) => p.includes(source)).length,
    f1: tokenF1(sentences.map((s) => s.text).join(' '), reference),
    decision: verdict === 'yes' || verdict === 'no' ? verdict : 'maybe',
    balance,
  };
}

/**
 * The baseline's answer: the abstract sentence of the top keyword (BM25) result with the highest
 * TF-IDF cosine to the question, scored by that result's BM25 score; it always says yes.
 */
export async function baselineOutcome(
  reader: IndexReader,
  question: string,
  source: string | null,
  reference: string,
): Promise<Outcome> {
  const top = (await searchPlainWords(reader, { query: questionAsAsked(question), mode: 'keyword', k: 1 })).results[0];
  if (!top)
    return {
      score: 0,
      forced: true,
      citesSource: false,
      sentences: 0,
      sentencesCitingSource: 0,
      f1: 0,
      decision: 'maybe',
      balance: null,
    };
  const statistics = statisticsOfIndex(reader);
  let best = '';
  let bestScore = -1;
  for (const { start, end } of sentenceSpans(top.paper.abstract)) {
    const text = top.paper.abstract.slice(start, end);
    const score = tfidfCosine(question, text, statistics);
    if (score > bestScore) {
      bestScore = score;
      best = text;
    }
  }
  const cites = source !== null && top.paper.id === source;
  return {
    score: top.score,
    forced: best === '',
    citesSource: cites,
    sentences: 1,
    sentencesCitingSource: cites ? 1 : 0,
    f1: tokenF1(best, reference),
    decision: 'yes',
    balance: null,
  };
}
