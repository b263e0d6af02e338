// eval-ask's k-fold by question: which fold each question falls in, the abstention threshold and
// the bottom-line settings fitted on the other folds, and the figures measured on the held-out fold.
import { createSeededRandom } from '../../core/seeded-random.ts';
import { BOTTOM_LINE_DEFAULTS, type BottomLineOptions, verdictOf } from '../answer/bottom-line.ts';
import type { InDomainQuestion, OffTopicQuestion, Outcome } from './answer-outcomes.ts';

/** A figure over folds: its mean and standard deviation. */
export type Figure = { mean: number; sd: number };

/** One way of answering's held-out figures (each a mean ± sd over folds). */
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

const answeredAt = (o: Outcome, t: number) => !o.forced && o.score >= t;
const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const figure = (xs: readonly number[]): Figure => {
  const m = mean(xs);
  return { mean: m, sd: Math.sqrt(mean(xs.map((x) => (x - m) ** 2))) };
};

/**
 * The fold of each of `n` questions: ranked by a seeded random key, then dealt out in turn, so the
 * folds differ in size by at most one and the same seed gives the same folds.
 */
export function assignFolds(n: number, folds: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const keys = Array.from({ length: n }, () => random.uniform());
  const ranks = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  const fold = new Array<number>(n);
  ranks.forEach((i, r) => {
    fold[i] = r % folds;
  });
  return fold;
}

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

/**
 * The held-out figures of the system or the baseline: for each fold, the threshold (and, for the
 * system, the bottom-line settings) fitted on the other folds, and the figures measured on it.
 */
export function foldFigures(
  folds: number,
  foldOf: (i: number) => number,
  offFoldOf: (i: number) => number,
  inDomain: readonly InDomainQuestion[],
  offTopic: readonly OffTopicQuestion[],
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
    const decision = (q: InDomainQuestion) => decisionAt(q[pick], fitted);
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

/** The accuracy, on each held-out fold, of always giving the training folds' majority decision. */
export function majorityFigure(
  folds: number,
  foldOf: readonly number[],
  inDomain: readonly InDomainQuestion[],
): Figure {
  const majority: number[] = [];
  for (let f = 0; f < folds; f++) {
    const counts = new Map<string, number>();
    inDomain.forEach((q, i) => {
      if (foldOf[i] !== f) counts.set(q.decision, (counts.get(q.decision) ?? 0) + 1);
    });
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'yes';
    const test = inDomain.filter((_, i) => foldOf[i] === f);
    majority.push(mean(test.map((q) => (q.decision === top ? 1 : 0))));
  }
  return figure(majority);
}
