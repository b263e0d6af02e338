// Verify study, step 4: an honest figure for a set of added relevance features chosen by looking
// at held-out deltas. Inside each of eval-verify's five folds, the features are chosen on the
// training claims alone (each kept when an inner five-fold by claim lifts evidence vs cited by at
// least --min), then the judge is fitted with them on those claims and measured on the held-out fold.
// Usage: npx tsx bench/verify-study/nested-selection.mts <dump-file> [--min 0.002] [--only name,name]

import { fitLogistic, logisticScore } from '../../server/eval/logistic-fit.ts';
import {
  type EvalPair,
  foldOf,
  heldOutFigures,
  relevanceTrainingPairs,
  rocAuc,
} from '../../server/eval/verify-eval.ts';
import { VERIFY_EVAL_DEFAULTS } from '../../server/eval/verify-eval-defaults.ts';
import type { Figures } from '../../server/eval/verify-figures.ts';
import { isEvidence } from '../../server/eval/verify-pairs.ts';
import { CANDIDATES } from './candidate-features.mts';
import { loadCollection } from './study-collection.mts';

const args = process.argv.slice(2);
const option = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const least = Number(option('--min') ?? 0.002);
const only = option('--only')?.split(',');
const candidates = CANDIDATES.filter((c) => !c.artifact && (!only || only.includes(c.name)));
const collection = loadCollection(args[0]!, candidates);
const { folds, seed, l2, relevanceL2 } = VERIFY_EVAL_DEFAULTS;

// Each pair with the chosen features appended to its relevance inputs.
const withFeatures = (indices: readonly number[], names: readonly string[]): EvalPair[] =>
  indices.map((i) => {
    const pair = collection.pairs[i]!;
    return { ...pair, relevance: [...pair.relevance, ...names.map((n) => collection.values.get(n)![i]!)] };
  });

// Class-balanced weights by group (evidence, cited, random), as judge-fit.ts weighs the relevance model.
function balanced(pairs: readonly EvalPair[]): number[] {
  const groupOf = (p: EvalPair) => (isEvidence(p) ? 'evidence' : p.kind);
  const counts = new Map<string, number>();
  for (const p of pairs) counts.set(groupOf(p), (counts.get(groupOf(p)) ?? 0) + 1);
  return pairs.map((p) => pairs.length / (counts.size * counts.get(groupOf(p))!));
}

// Evidence vs cited of the relevance model alone (what the figure ranks by), fitted on `training`.
function evidenceVsCited(training: readonly EvalPair[], heldOut: readonly EvalPair[]): number {
  const fitOn = relevanceTrainingPairs(training);
  const fit = fitLogistic(
    fitOn.map((p) => p.relevance),
    fitOn.map((p) => (isEvidence(p) ? 1 : 0)),
    balanced(fitOn),
    relevanceL2,
  );
  const score = (p: EvalPair) => (p.reading.scored ? logisticScore(fit, p.relevance) : 0);
  return rocAuc(heldOut.filter(isEvidence).map(score), heldOut.filter((p) => p.kind === 'cited').map(score));
}

// Mean inner five-fold evidence vs cited on some pairs (by index) with `names` added.
function innerFigure(indices: readonly number[], names: readonly string[]): number {
  const pairs = withFeatures(indices, names);
  const fold = foldOf(pairs, folds, seed + 1);
  let sum = 0;
  for (let k = 0; k < folds; k++)
    sum += evidenceVsCited(
      pairs.filter((p) => fold.get(p.group) !== k),
      pairs.filter((p) => fold.get(p.group) === k),
    );
  return sum / folds;
}

const all = collection.pairs.map((_, i) => i);
const outer = foldOf(collection.pairs, folds, seed);
const plain: Figures[] = [];
const chosen: Figures[] = [];
for (let k = 0; k < folds; k++) {
  const training = all.filter((i) => outer.get(collection.pairs[i]!.group) !== k);
  const heldOut = all.filter((i) => outer.get(collection.pairs[i]!.group) === k);
  const base = innerFigure(training, []);
  const names = candidates.map((c) => c.name).filter((name) => innerFigure(training, [name]) - base >= least);
  plain.push(heldOutFigures(withFeatures(training, []), withFeatures(heldOut, []), l2, relevanceL2).judge);
  chosen.push(heldOutFigures(withFeatures(training, names), withFeatures(heldOut, names), l2, relevanceL2).judge);
  console.log(
    `fold ${k}: chose ${names.join(', ') || 'nothing'}; evidence vs cited ${plain[k]!.evidenceVsCited.toFixed(3)} → ${chosen[k]!.evidenceVsCited.toFixed(3)}`,
  );
}
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
for (const figure of ['evidenceVsCited', 'evidenceVsRandom', 'supportVsContradict', 'macroF1'] as const)
  console.log(
    `${collection.name} ${figure}: ${mean(plain.map((f) => f[figure])).toFixed(3)} → ${mean(chosen.map((f) => f[figure])).toFixed(3)}`,
  );
