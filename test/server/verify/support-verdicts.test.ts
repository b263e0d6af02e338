import { describe, expect, it } from 'vitest';
import { emptyStanceFeatures, STANCE_FEATURE_NAMES } from '../../../server/verify/judge/stance-features.ts';
import { FEATURE_NAMES, type SupportFeatures } from '../../../server/verify/support-features.ts';
import {
  conflictsOf,
  contradictionProbability,
  JUDGE_THRESHOLDS,
  judgeVerdictOf,
  STANCE_INPUTS,
  STANCE_MODEL,
} from '../../../server/verify/support-verdicts.ts';

const noFeatures = () =>
  Object.fromEntries(
    [...FEATURE_NAMES, 'abstractCosine', 'bm25', 'rareCoverage', 'numbersMissing', 'directionMismatch'].map((n) => [
      n,
      0,
    ]),
  ) as SupportFeatures;
const evidence = { field: 'abstract' as const, start: 0, end: 4, text: 'Text' };

describe('support-verdicts', () => {
  it('weighs the stance inputs exactly as logistic weights over one record of the relevance and stance features', () => {
    const values = (names: readonly string[], offset: number) =>
      Object.fromEntries(names.map((name, i) => [name, ((i * 7 + offset) % 11) / 10]));
    const features = values(FEATURE_NAMES, 3) as Parameters<typeof contradictionProbability>[1];
    const stance = values(STANCE_FEATURE_NAMES, 5) as Parameters<typeof contradictionProbability>[0];
    const merged: Record<string, number> = { ...features, ...stance };
    let z = STANCE_MODEL.bias;
    for (const name of STANCE_INPUTS) z += STANCE_MODEL.weights[name] * merged[name]!;
    expect(contradictionProbability(stance, features)).toBe(1 / (1 + Math.exp(-z)));
  });

  it('gives a verdict by the thresholds: not bearing, contradicted, supported, and partial when a conflict remains', () => {
    const { relevant, supported, contradicted } = JUDGE_THRESHOLDS;
    const verdict = (score: number, contradicting: number, conflicts: ReturnType<typeof conflictsOf> = []) =>
      judgeVerdictOf({
        score,
        support: score * (1 - contradicting),
        contradiction: score * contradicting,
        conflicts,
        evidence,
      });
    expect(verdict(relevant / 2, 0)).toBe('not_supported');
    expect(verdict(Math.max(supported, relevant) + 0.01, contradicted + 0.01)).toBe('contradicted');
    expect(verdict(Math.max(supported, relevant) + 0.01, 0)).toBe('supported');
    expect(verdict(Math.max(supported, relevant) + 0.01, 0, ['scope'])).toBe('partially_supported');
    expect(judgeVerdictOf({ score: 1, support: 1, contradiction: 0, conflicts: [], evidence: null })).toBe(
      'not_supported',
    );
  });

  it('shows another species or another named kind as a scope conflict', () => {
    expect(conflictsOf(noFeatures(), emptyStanceFeatures())).toEqual([]);
    expect(conflictsOf(noFeatures(), { ...emptyStanceFeatures(), speciesMismatch: 1 })).toEqual(['scope']);
    expect(conflictsOf(noFeatures(), { ...emptyStanceFeatures(), kindMismatch: 1 })).toEqual(['scope']);
  });
});
