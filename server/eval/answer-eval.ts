// `citelens eval-ask`: cited answers on a question collection (PubMedQA form) and abstention on other
// collections' questions both ways, k-fold by question (answer-folds.ts), beside a BM25 baseline.
import { assignFolds, type Figure, type FoldFigures, foldFigures, majorityFigure } from './answer-folds.ts';
import { baselineOutcome, type InDomainQuestion, type OffTopicQuestion, systemOutcome } from './answer-outcomes.ts';
import { readLabelledCollection, withTemporaryLibrary } from './answer-sets.ts';

/** Defaults of `evaluateAnswers`. */
export const ANSWER_EVAL_DEFAULTS = {
  folds: 5,
  seed: 13,
  /** Passages retrieved per answer. */
  k: 8,
  /** Share of the training folds' in-domain questions the fitted threshold must still answer. */
  minAnswered: 0.98,
};

/** What `evaluateAnswers` measures: the collections, and the held-out figures of the system, the baseline and the majority decision. */
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

/** What `evaluateAnswers` is asked to measure. */
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
  const k = ANSWER_EVAL_DEFAULTS.k;
  const main = readLabelledCollection(options.folder);
  const others = options.offTopicFolders.map((folder) => readLabelledCollection(folder));
  const inDomain: InDomainQuestion[] = [];
  const offTopic: OffTopicQuestion[] = [];
  const report = (stage: string, done: number, total: number) => options.onProgress?.(stage, done, total);
  await withTemporaryLibrary(main.corpusFile, async (reader) => {
    for (const [i, q] of main.questions.entries()) {
      inDomain.push({
        id: q.id,
        decision: q.decision,
        system: await systemOutcome(reader, q.text, q.source, q.longAnswer, k),
        baseline: await baselineOutcome(reader, q.text, q.source, q.longAnswer),
      });
      report(main.name, i + 1, main.questions.length);
    }
    for (const other of others) {
      for (const [i, q] of other.questions.entries()) {
        offTopic.push({
          id: `${other.name}:${q.id}`,
          system: await systemOutcome(reader, q.text, null, '', k),
          baseline: await baselineOutcome(reader, q.text, null, ''),
        });
        report(`${other.name} questions`, i + 1, other.questions.length);
      }
    }
  });
  for (const other of others) {
    await withTemporaryLibrary(other.corpusFile, async (reader) => {
      for (const [i, q] of main.questions.entries()) {
        offTopic.push({
          id: `${main.name}@${other.name}:${q.id}`,
          system: await systemOutcome(reader, q.text, null, '', k),
          baseline: await baselineOutcome(reader, q.text, null, ''),
        });
        report(`${main.name} questions on ${other.name}`, i + 1, main.questions.length);
      }
    });
  }
  const seed = options.seed ?? ANSWER_EVAL_DEFAULTS.seed;
  const inFolds = assignFolds(inDomain.length, folds, seed);
  const offFolds = assignFolds(offTopic.length, folds, seed);
  const min = ANSWER_EVAL_DEFAULTS.minAnswered;
  const figuresOf = (pick: 'system' | 'baseline') =>
    foldFigures(
      folds,
      (i) => inFolds[i]!,
      (i) => offFolds[i]!,
      inDomain,
      offTopic,
      pick,
      min,
    );
  return {
    collection: main.name,
    questions: main.questions.length,
    offTopic: others.flatMap((o) => [
      { collection: o.name, library: main.name, questions: o.questions.length },
      { collection: main.name, library: o.name, questions: main.questions.length },
    ]),
    folds,
    system: figuresOf('system'),
    baseline: figuresOf('baseline'),
    majorityYesNo: majorityFigure(folds, inFolds, inDomain),
    seconds: (performance.now() - started) / 1000,
  };
}
