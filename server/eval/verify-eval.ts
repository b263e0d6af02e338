// Measures the built-in judge on claim-verification collections, honestly: features of every
// (claim, cited or random document) pair are computed once (verify-pairs.ts), then the judge's two
// models and its thresholds are refitted on k−1 folds of claims (judge-fit.ts) and the verdicts the
// product gives with them, its verdict rules included (product-verdicts.ts), are measured on the
// held-out fold (held-out-figures.ts; folds by claim group), beside a TF-IDF cosine baseline and
// the majority class. With several collections it also fits on the others and measures on each one
// left out. `fitJudge` fits on everything given, for judge/builtin-weights.json.
import { createSeededRandom } from '../../core/seeded-random.ts';
import { type HeldOutFigures, heldOutFigures } from './held-out-figures.ts';
import { type LabelCeilings, labelCeilingsOf } from './label-ceilings.ts';
import { VERIFY_EVAL_DEFAULTS } from './verify-eval-defaults.ts';
import { type PairKind, type Spread, type SpreadFigures, spreadFigures, spreadOf } from './verify-figures.ts';
import type { EvalPair } from './verify-pairs.ts';
import type { VerifySet } from './verify-sets.ts';

export { heldOutFigures } from './held-out-figures.ts';
export { fitJudge, type JudgeFit, relevanceTrainingPairs, STANCE_PRIOR } from './judge-fit.ts';
export { rocAuc } from './logistic-fit.ts';
export { VERIFY_EVAL_DEFAULTS } from './verify-eval-defaults.ts';
export { type EvalPair, type PairRef, pairRefsOf, pairsOf, sentencesOf, statisticsOfSet } from './verify-pairs.ts';

export type SetReport = {
  name: string;
  folder: string;
  claims: number;
  pairs: Record<PairKind, number>;
  folds: number;
  judge: SpreadFigures;
  baseline: SpreadFigures;
  majorityMacroF1: Spread;
  /** Fitted on the other collections given, measured on this one (absent with one collection). */
  leftOut?: HeldOutFigures;
  /** Inputs the collection repeats with different labels, and the figures no judge can beat because of them. */
  ceilings: LabelCeilings;
};

/** Assigns claim groups to folds in a seeded random order. */
export function foldOf(pairs: readonly EvalPair[], folds: number, seed: number): Map<string, number> {
  const groups = [...new Set(pairs.map((p) => p.group))].sort();
  const random = createSeededRandom(seed).uniform;
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  return new Map(groups.map((group, i) => [group, i % folds]));
}

/** K-fold figures for each collection, and leave-one-collection-out figures when there are several. */
export function evaluateSets(
  sets: ReadonlyArray<{ set: VerifySet; pairs: readonly EvalPair[] }>,
  options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {},
): SetReport[] {
  const { folds, seed, l2, relevanceL2 } = { ...VERIFY_EVAL_DEFAULTS, ...options };
  return sets.map(({ set, pairs }, index) => {
    const fold = foldOf(pairs, folds, seed);
    const results = Array.from({ length: folds }, (_, k) =>
      heldOutFigures(
        pairs.filter((p) => fold.get(p.group) !== k),
        pairs.filter((p) => fold.get(p.group) === k),
        l2,
        relevanceL2,
      ),
    );
    const counts = { support: 0, contradict: 0, cited: 0, random: 0 } satisfies Record<PairKind, number>;
    for (const p of pairs) counts[p.kind]++;
    const others = sets.filter((_, i) => i !== index).flatMap((s) => s.pairs);
    return {
      name: set.name,
      folder: set.folder,
      claims: new Set(pairs.map((p) => p.group)).size,
      pairs: counts,
      folds,
      judge: spreadFigures(results.map((r) => r.judge)),
      baseline: spreadFigures(results.map((r) => r.baseline)),
      majorityMacroF1: spreadOf(results.map((r) => r.majority)),
      ceilings: labelCeilingsOf(set),
      ...(others.length > 0 ? { leftOut: heldOutFigures(others, pairs, l2, relevanceL2) } : {}),
    };
  });
}
