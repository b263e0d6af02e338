import { describe, expect, it } from 'vitest';
import { fitJudge, fitThresholds, type JudgeFit, predict, THRESHOLD_GRID } from '../../../server/eval/judge-fit.ts';
import { macroF1 } from '../../../server/eval/logistic-fit.ts';
import { type PairReading, productVerdictOf, stanceOfVerdict } from '../../../server/eval/product-verdicts.ts';
import { truthOf } from '../../../server/eval/verify-figures.ts';
import type { EvalPair } from '../../../server/eval/verify-pairs.ts';
import { RELEVANCE_FEATURES } from '../../../server/verify/support-features.ts';
import { STANCE_INPUTS } from '../../../server/verify/support-scorer.ts';

const GROUPED = STANCE_INPUTS.indexOf('groupedCitation');
const DIRECTION = STANCE_INPUTS.indexOf('directionConflict');
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

// Relevance ≈ sigmoid(2); the stance reads a bias of −1 and the grouped-citation prior at +3.
const FIT: JudgeFit = {
  relevance: { bias: 2, weights: RELEVANCE_FEATURES.map(() => 0) },
  stance: { bias: -1, weights: STANCE_INPUTS.map((_, i) => (i === GROUPED ? 3 : 0)) },
  thresholds: { relevant: 0.5, contradicted: 0.5 },
};

function pairOf(grouped: boolean): EvalPair {
  return {
    group: 'g',
    kind: 'cited',
    docId: 'd',
    relevance: RELEVANCE_FEATURES.map(() => 0),
    stance: STANCE_INPUTS.map((_, i) => (i === GROUPED && grouped ? 1 : 0)),
    reading: {
      scored: true,
      evidence: null,
      conflicts: [],
      unaddressed: { words: [], share: 0, claimTerms: 4 },
    },
    baseline: 0,
  };
}

const reading = (overrides: Partial<PairReading> = {}): PairReading => ({
  scored: true,
  evidence: { field: 'abstract', start: 0, end: 10, text: 'A finding.' },
  conflicts: [],
  unaddressed: { words: [], share: 0, claimTerms: 4 },
  ...overrides,
});

// A pair whose first relevance input is `relevance` and whose stance inputs are `stance` (by name).
function pair(
  id: string,
  kind: EvalPair['kind'],
  relevance: number,
  stance: Partial<Record<(typeof STANCE_INPUTS)[number], number>> = {},
  overrides: Partial<PairReading> = {},
): EvalPair {
  return {
    group: id,
    kind,
    docId: `${id}-${kind}`,
    relevance: RELEVANCE_FEATURES.map((_, j) => (j === 0 ? relevance : 0)),
    stance: STANCE_INPUTS.map((name) => stance[name] ?? 0),
    reading: reading(kind === 'contradict' ? { conflicts: ['direction'], ...overrides } : overrides),
    baseline: 0,
  };
}

// The macro F1 of the product's verdicts on the real citations among `pairs` under a fit.
function productMacroF1(fit: JudgeFit, pairs: readonly EvalPair[]): number {
  const cited = pairs.filter((p) => p.kind !== 'random');
  const thresholds = { ...fit.thresholds, supported: Math.max(0.5, fit.thresholds.relevant) };
  return macroF1(
    cited.map((p) => truthOf(p.kind)),
    cited.map((p) => stanceOfVerdict(productVerdictOf(predict(fit, p), p.reading, thresholds))),
  );
}

describe('judge-fit', () => {
  it('predicts a grouped citation’s contradiction both with the prior and without it, as the product reads it', () => {
    const pair = pairOf(true);
    const prediction = predict(FIT, pair);
    expect(prediction.contradiction).toBeCloseTo(sigmoid(2) * sigmoid(2), 10);
    expect(prediction.priorFreeContradiction).toBeCloseTo(sigmoid(2) * sigmoid(-1), 10);
    // The pair's own features are left as they were.
    expect(pair.stance[GROUPED]).toBe(1);
  });

  it('gives no prior-free contradiction for a citation read without the prior', () => {
    expect(predict(FIT, pairOf(false))).not.toHaveProperty('priorFreeContradiction');
  });

  it('chooses a contradiction threshold that a grouped citation reaches without the prior, where the product compares it', () => {
    // Every citation is one of a group. Contradicting evidence: 0.98 with the prior, 0.73 without;
    // supporting evidence names a conflict too (so only the prior-free reading keeps it from
    // `contradicted`): 0.88 with the prior, 0.27 without.
    const models = {
      relevance: { bias: 3, weights: RELEVANCE_FEATURES.map((_, j) => (j === 0 ? 6 : 0)) },
      stance: { bias: -1, weights: STANCE_INPUTS.map((_, i) => (i === GROUPED ? 3 : i === DIRECTION ? 2 : 0)) },
    };
    const pairs = Array.from({ length: 5 }, (_, i) => [
      pair(`g${i}`, 'support', 0, { groupedCitation: 1 }, { conflicts: ['negation'] }),
      pair(`g${i}`, 'contradict', 0, { groupedCitation: 1, directionConflict: 1 }),
      pair(`g${i}`, 'cited', -1, { groupedCitation: 1 }),
    ]).flat();
    const thresholds = fitThresholds(models, pairs);
    expect(thresholds.contradicted).toBeLessThanOrEqual(sigmoid(1));
    expect(productMacroF1({ ...models, thresholds }, pairs)).toBe(1);
  });

  it('chooses the relevance threshold on the product’s verdicts, which never support a paper that does not mention the claim’s words', () => {
    // Strong evidence, weak evidence, cited papers without evidence, and cited papers more relevant
    // than the weak evidence that never mention the claim's specific words (the product: not supported).
    const unmentioned = { unaddressed: { words: ['Taobao'], share: 0.8, claimTerms: 5 } };
    const pairs = Array.from({ length: 20 }, (_, i) => [
      pair(`g${i}`, 'support', 3, { directionAgree: 1 }),
      pair(`g${i}`, 'contradict', 3, { directionConflict: 1 }),
      pair(`g${i}`, 'cited', -2),
      pair(`g${i}`, 'random', -2),
      ...(i < 6 ? [pair(`w${i}`, 'support', 1, { directionAgree: 1 })] : []),
      ...(i < 12 ? [pair(`u${i}`, 'cited', 1.5, {}, unmentioned)] : []),
    ]).flat();
    const fit = fitJudge(pairs);
    // The weak evidence is relevant under the chosen threshold: the unmentioned papers need no higher one.
    const weak = pairs.filter((p) => p.group.startsWith('w'));
    for (const p of weak) expect(predict(fit, p).relevance).toBeGreaterThanOrEqual(fit.thresholds.relevant);
    // No point of the grid gives the product's verdicts a better macro F1 on these pairs.
    const best = Math.max(
      ...THRESHOLD_GRID.flatMap((relevant) =>
        THRESHOLD_GRID.map((contradicted) => productMacroF1({ ...fit, thresholds: { relevant, contradicted } }, pairs)),
      ),
    );
    expect(productMacroF1(fit, pairs)).toBeCloseTo(best, 12);
  });
});
