import { describe, expect, it } from 'vitest';
import { type JudgeFit, predict } from '../../../server/eval/judge-fit.ts';
import type { EvalPair } from '../../../server/eval/verify-pairs.ts';
import { RELEVANCE_FEATURES } from '../../../server/verify/support-features.ts';
import { STANCE_INPUTS } from '../../../server/verify/support-scorer.ts';

const GROUPED = STANCE_INPUTS.indexOf('groupedCitation');
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
});
