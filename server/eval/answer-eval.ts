// Measures cited answers on a question-answering collection (PubMedQA in BEIR form: corpus.jsonl,
// queries.jsonl with `decision` and `long_answer`, qrels/test.tsv naming each question's source)
// and abstention on other collections' questions. The one tuned setting, the abstention threshold
// on key-concept coverage, is chosen by k-fold over questions: each fold's threshold is fitted on
// the other folds and its figures are measured on the fold. A plain baseline is run the same way:
// the best TF-IDF sentence of the top keyword (BM25) result, abstaining below a fitted BM25 score.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSeededRandom } from '../../core/seeded-random.ts';
import { type IndexReader, indexPapers, openIndex } from '../../indexer/index.ts';
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { tokenize } from '../../indexer/text/analyze.ts';
import type { ParsedAskRequest } from '../answer/answer.schema.ts';
import { answerQuestion } from '../answer/answer.service.ts';
import { BOTTOM_LINE_DEFAULTS, type BottomLineOptions, findingBalance, verdictOf } from '../answer/bottom-line.ts';
import { lengthAllowance } from '../answer/select-sentences.ts';
import { searchPlainWords } from '../search/search.service.ts';
import { tfidfCosine } from '../verify/support-features.ts';
import { statisticsOfIndex } from '../verify/term-statistics.ts';
import { questionAsAsked } from './ask-eval.ts';
import { readBeirCollection } from './beir.ts';

export const ANSWER_EVAL_DEFAULTS = { folds: 5, seed: 13, k: 8, minAnswered: 0.98 };

/** One question's outcome, for the system and the baseline, before any threshold is applied. */
type Outcome = {
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

type InDomain = { id: string; decision: string; system: Outcome; baseline: Outcome };
type OffTopic = { id: string; system: Outcome; baseline: Outcome };

export type Figure = { mean: number; sd: number };

export type FoldFigures = {
  answered: Figure;
  sourceCited: Figure;
  sentencesCitingSource: Figure;
  tokenF1: Figure;
  offTopicAbstained: Figure;
  yesNoAccuracy: Figure;
  /** Share of answered yes/no questions whose bottom line commits to yes or no. */
  committed: Figure;
  /** Accuracy of the committed bottom lines against the experts' decisions. */
  committedAccuracy: Figure;
  /** The majority decision of the training folds, on the same committed questions. */
  committedMajority: Figure;
  threshold: Figure;
  /** The fitted bottom-line settings: net findings for a yes, net findings against a no (99 = never). */
  minNetFor: Figure;
  minNetAgainst: Figure;
};

export type AnswerEvalReport = {
  collection: string;
  questions: number;
  offTopic: Array<{ collection: string; library: string; questions: number }>;
  folds: number;
  system: FoldFigures;
  baseline: FoldFigures;
  /** The majority decision of the training folds, applied to the held-out fold. */
  majorityYesNo: Figure;
  seconds: number;
};

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

const request = (question: string): ParsedAskRequest => ({
  question: questionAsAsked(question),
  k: ANSWER_EVAL_DEFAULTS.k,
  mode: 'hybrid',
  filters: {},
  generate: false,
  unsupported: 'flag',
  maxSentences: 4,
});

async function systemOutcome(
  reader: IndexReader,
  question: string,
  source: string | null,
  reference: string,
): Promise<Outcome> {
  let coverage = 0;
  const response = await answerQuestion(reader, request(question), {
    selection: { minConceptCoverage: 0 },
    onSelection: (selection) => {
      // In the units of minConceptCoverage: a long question's share is measured against what it needs.
      coverage = selection.conceptCoverage / lengthAllowance(selection.conceptCount);
    },
  });
  const sentences = response.answer.sentences;
  const papers = sentences.map((s) => s.citations.map((c) => c.paperId));
  const verdict = response.bottomLine?.verdict;
  const balance = response.bottomLine
    ? findingBalance(
        question,
        sentences.map((s) => ({ n: s.citations[0]!.n, text: s.text })),
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

async function baselineOutcome(
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

async function withLibrary<T>(corpusFile: string, use: (reader: IndexReader) => Promise<T>): Promise<T> {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-answer-eval-'));
  let reader: IndexReader | undefined;
  try {
    await indexPapers({
      indexDir: temporary,
      files: [corpusFile],
      format: 'jsonl',
      embedder: 'builtin',
      skipInvalid: true,
    });
    reader = await openIndex(temporary);
    return await use(reader);
  } finally {
    reader?.close();
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

type Labelled = { id: string; text: string; source: string; decision: string; longAnswer: string };

function readLabelled(folder: string): { name: string; corpusFile: string; questions: Labelled[] } {
  const collection = readBeirCollection(folder, 'test');
  const extra = new Map<string, { decision: string; longAnswer: string }>();
  for (const line of fs.readFileSync(path.join(collection.folder, 'queries.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as { _id: string; decision?: unknown; long_answer?: unknown };
    extra.set(String(value._id), {
      decision: typeof value.decision === 'string' ? value.decision : 'maybe',
      longAnswer: typeof value.long_answer === 'string' ? value.long_answer : '',
    });
  }
  return {
    name: collection.name,
    corpusFile: collection.corpusFile,
    questions: collection.queries.map((q) => ({
      id: q.id,
      text: q.text,
      source: [...q.judgments].find(([, grade]) => grade > 0)![0],
      decision: extra.get(q.id)?.decision ?? 'maybe',
      longAnswer: extra.get(q.id)?.longAnswer ?? '',
    })),
  };
}

const answeredAt = (o: Outcome, t: number) => !o.forced && o.score >= t;
const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const figure = (xs: readonly number[]): Figure => {
  const m = mean(xs);
  return { mean: m, sd: Math.sqrt(mean(xs.map((x) => (x - m) ** 2))) };
};

// The threshold that abstains most on off-topic questions while answering at least minAnswered in-domain.
function fitThreshold(inDomain: readonly Outcome[], offTopic: readonly Outcome[], minAnswered: number): number {
  const candidates = [...new Set([0, ...inDomain.map((o) => o.score)])].sort((a, b) => a - b);
  let best = 0;
  let bestAbstained = -1;
  for (const t of candidates) {
    const answered = inDomain.filter((o) => answeredAt(o, t)).length / Math.max(1, inDomain.length);
    if (answered < minAnswered) break;
    const abstained = offTopic.filter((o) => !answeredAt(o, t)).length / Math.max(1, offTopic.length);
    if (abstained > bestAbstained) {
      bestAbstained = abstained;
      best = t;
    }
  }
  return best;
}

/** Bottom-line settings tried per fold; 99 stands for "never commit that way". */
const NET_GRID = [1, 2, 3, 99];

// The decision a question's outcome gives with some bottom-line settings (maybe when uncommitted).
function decisionAt(o: Pick<Outcome, 'decision' | 'balance'>, settings: BottomLineOptions | null): string {
  if (!settings || !o.balance) return o.decision;
  const verdict = verdictOf(o.balance, settings);
  return verdict === 'yes' || verdict === 'no' ? verdict : 'maybe';
}

/**
 * The bottom-line settings that maximise correct minus wrong commitments on training questions (an
 * uncommitted bottom line scores 0): it commits only where its findings beat a coin's odds.
 */
export function fitBottomLine(
  train: ReadonlyArray<{ decision: string; outcome: Pick<Outcome, 'decision' | 'balance'> }>,
): BottomLineOptions {
  let best: BottomLineOptions = BOTTOM_LINE_DEFAULTS;
  let bestNet = Number.NEGATIVE_INFINITY;
  for (const minNetFor of NET_GRID) {
    for (const minNetAgainst of NET_GRID) {
      const settings = { minNetFor, minNetAgainst };
      let net = 0;
      for (const { decision, outcome } of train) {
        const predicted = decisionAt(outcome, settings);
        if (predicted !== 'maybe') net += predicted === decision ? 1 : -1;
      }
      if (net > bestNet) {
        bestNet = net;
        best = settings;
      }
    }
  }
  return best;
}

function foldFigures(
  folds: number,
  foldOf: (i: number) => number,
  offFoldOf: (i: number) => number,
  inDomain: readonly InDomain[],
  offTopic: readonly OffTopic[],
  pick: 'system' | 'baseline',
  minAnswered: number,
): FoldFigures {
  const rows: Record<keyof FoldFigures, number[]> = {
    answered: [],
    sourceCited: [],
    sentencesCitingSource: [],
    tokenF1: [],
    offTopicAbstained: [],
    yesNoAccuracy: [],
    committed: [],
    committedAccuracy: [],
    committedMajority: [],
    threshold: [],
    minNetFor: [],
    minNetAgainst: [],
  };
  for (let f = 0; f < folds; f++) {
    const train = inDomain.filter((_, i) => foldOf(i) !== f).map((q) => q[pick]);
    const trainOff = offTopic.filter((_, i) => offFoldOf(i) !== f).map((q) => q[pick]);
    const t = fitThreshold(train, trainOff, minAnswered);
    const test = inDomain.filter((_, i) => foldOf(i) === f);
    const testOff = offTopic.filter((_, i) => offFoldOf(i) === f).map((q) => q[pick]);
    const answered = test.filter((q) => answeredAt(q[pick], t));
    const fitted =
      pick === 'system'
        ? fitBottomLine(
            inDomain
              .filter((q, i) => foldOf(i) !== f && answeredAt(q[pick], t))
              .map((q) => ({ decision: q.decision, outcome: q[pick] })),
          )
        : null;
    const decision = (q: InDomain) => decisionAt(q[pick], fitted);
    rows.threshold.push(t);
    if (fitted) {
      rows.minNetFor.push(fitted.minNetFor);
      rows.minNetAgainst.push(fitted.minNetAgainst);
    }
    rows.answered.push(answered.length / Math.max(1, test.length));
    rows.sourceCited.push(mean(answered.map((q) => (q[pick].citesSource ? 1 : 0))));
    const sentences = answered.reduce((n, q) => n + q[pick].sentences, 0);
    rows.sentencesCitingSource.push(
      answered.reduce((n, q) => n + q[pick].sentencesCitingSource, 0) / Math.max(1, sentences),
    );
    rows.tokenF1.push(mean(answered.map((q) => q[pick].f1)));
    rows.offTopicAbstained.push(testOff.filter((o) => !answeredAt(o, t)).length / Math.max(1, testOff.length));
    const counts = new Map<string, number>();
    for (const q of inDomain.filter((_, i) => foldOf(i) !== f))
      counts.set(q.decision, (counts.get(q.decision) ?? 0) + 1);
    const majority = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'yes';
    const committed = answered.filter((q) => decision(q) !== 'maybe');
    rows.committed.push(committed.length / Math.max(1, answered.length));
    rows.committedAccuracy.push(mean(committed.map((q) => (decision(q) === q.decision ? 1 : 0))));
    rows.committedMajority.push(mean(committed.map((q) => (q.decision === majority ? 1 : 0))));
    rows.yesNoAccuracy.push(
      mean(test.map((q) => ((answeredAt(q[pick], t) ? decision(q) : 'maybe') === q.decision ? 1 : 0))),
    );
  }
  return Object.fromEntries(Object.entries(rows).map(([k, xs]) => [k, figure(xs)])) as FoldFigures;
}

export type AnswerEvalOptions = {
  folder: string;
  /** Collections whose questions the library must abstain on, and whose libraries must abstain on its questions. */
  offTopicFolders: string[];
  folds?: number;
  seed?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
};

/** Indexes the libraries in temporary folders, answers every question and reports k-fold figures. */
export async function evaluateAnswers(options: AnswerEvalOptions): Promise<AnswerEvalReport> {
  const started = performance.now();
  const folds = options.folds ?? ANSWER_EVAL_DEFAULTS.folds;
  const main = readLabelled(options.folder);
  const others = options.offTopicFolders.map((folder) => readLabelled(folder));
  const inDomain: InDomain[] = [];
  const offTopic: OffTopic[] = [];
  const report = (stage: string, done: number, total: number) => options.onProgress?.(stage, done, total);
  await withLibrary(main.corpusFile, async (reader) => {
    for (const [i, q] of main.questions.entries()) {
      inDomain.push({
        id: q.id,
        decision: q.decision,
        system: await systemOutcome(reader, q.text, q.source, q.longAnswer),
        baseline: await baselineOutcome(reader, q.text, q.source, q.longAnswer),
      });
      report(main.name, i + 1, main.questions.length);
    }
    for (const other of others) {
      for (const [i, q] of other.questions.entries()) {
        offTopic.push({
          id: `${other.name}:${q.id}`,
          system: await systemOutcome(reader, q.text, null, ''),
          baseline: await baselineOutcome(reader, q.text, null, ''),
        });
        report(`${other.name} questions`, i + 1, other.questions.length);
      }
    }
  });
  for (const other of others) {
    await withLibrary(other.corpusFile, async (reader) => {
      for (const [i, q] of main.questions.entries()) {
        offTopic.push({
          id: `${main.name}@${other.name}:${q.id}`,
          system: await systemOutcome(reader, q.text, null, ''),
          baseline: await baselineOutcome(reader, q.text, null, ''),
        });
        report(`${main.name} questions on ${other.name}`, i + 1, main.questions.length);
      }
    });
  }
  const order = (n: number) => {
    const random = createSeededRandom(options.seed ?? ANSWER_EVAL_DEFAULTS.seed);
    const keys = Array.from({ length: n }, () => random.uniform());
    const ranks = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
    const fold = new Array<number>(n);
    ranks.forEach((i, r) => {
      fold[i] = r % folds;
    });
    return fold;
  };
  const inFolds = order(inDomain.length);
  const offFolds = order(offTopic.length);
  const min = ANSWER_EVAL_DEFAULTS.minAnswered;
  const majority: number[] = [];
  for (let f = 0; f < folds; f++) {
    const counts = new Map<string, number>();
    inDomain.forEach((q, i) => {
      if (inFolds[i] !== f) counts.set(q.decision, (counts.get(q.decision) ?? 0) + 1);
    });
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'yes';
    const test = inDomain.filter((_, i) => inFolds[i] === f);
    majority.push(mean(test.map((q) => (q.decision === top ? 1 : 0))));
  }
  return {
    collection: main.name,
    questions: main.questions.length,
    offTopic: others.flatMap((o) => [
      { collection: o.name, library: main.name, questions: o.questions.length },
      { collection: main.name, library: o.name, questions: main.questions.length },
    ]),
    folds,
    system: foldFigures(
      folds,
      (i) => inFolds[i]!,
      (i) => offFolds[i]!,
      inDomain,
      offTopic,
      'system',
      min,
    ),
    baseline: foldFigures(
      folds,
      (i) => inFolds[i]!,
      (i) => offFolds[i]!,
      inDomain,
      offTopic,
      'baseline',
      min,
    ),
    majorityYesNo: figure(majority),
    seconds: (performance.now() - started) / 1000,
  };
}
