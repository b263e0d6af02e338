// Fitting the built-in judge on evaluation pairs: its relevance model, its stance model (held
// towards each contradiction cue's prior) and the verdict thresholds under which the product's
// verdicts reach the best macro F1.
import { STANCE_INPUTS } from '../verify/support-scorer.ts';
import { fitLogistic, type LogisticFit, logisticScore, macroF1 } from './logistic-fit.ts';
import { productVerdictsOf, stanceOfVerdict, type VerdictThresholds } from './product-verdicts.ts';
import { VERIFY_EVAL_DEFAULTS } from './verify-eval-defaults.ts';
import { truthOf } from './verify-figures.ts';
import { type EvalPair, isEvidence } from './verify-pairs.ts';

/** The judge's models and thresholds, as fitted on some pairs. */
export type JudgeFit = {
  relevance: LogisticFit;
  stance: LogisticFit;
  thresholds: { relevant: number; contradicted: number };
};

/**
 * What each contradiction cue is worth before any data (log-odds): the fit moves a weight away from
 * it only as far as the pairs show. Cues that the collections rarely hold (always / never, "exceed
 * 10%" vs "less than 1%") keep about these weights.
 */
export const STANCE_PRIOR = {
  negationMismatch: 1,
  scopedNegation: 1,
  nullFindingMismatch: 1,
  directionConflict: 2,
  directionAgree: -1,
  prefixAntonym: 1.5,
  antonymConflict: 1,
  deniedAlternative: 2,
  comparisonConflict: 2,
  requirementConflict: 2,
  quantifierConflict: 3,
  quantityConflict: 3,
  quantityAgree: -1,
} as const;

/** The thresholds tried when fitting (0.05 to 0.95). */
export const THRESHOLD_GRID = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

// Weights that give each class (or group of pairs) the same total weight.
function balanced<T>(labels: readonly T[]): number[] {
  const counts = new Map<T, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return labels.map((label) => labels.length / (counts.size * counts.get(label)!));
}

/**
 * What a fitted judge makes of one pair: relevance, the chance it contradicts, and their products;
 * for a citation read with the grouped-citation prior, also the contradiction without it (as the
 * product's SupportResult `priorFreeContradiction`).
 */
export type Prediction = {
  relevance: number;
  contradicting: number;
  support: number;
  contradiction: number;
  priorFreeContradiction?: number;
};

// Where the stance input `groupedCitation` (the prior from how papers cite) sits in a pair's stance inputs.
const GROUPED_CITATION = (STANCE_INPUTS as readonly string[]).indexOf('groupedCitation');

/** The fitted judge's scores for `pair` (all 0 where the scorer found nothing to weigh, as the product gives). */
export function predict(fit: Pick<JudgeFit, 'relevance' | 'stance'>, pair: EvalPair): Prediction {
  if (!pair.reading.scored) return { relevance: 0, contradicting: 0, support: 0, contradiction: 0 };
  const relevance = logisticScore(fit.relevance, pair.relevance);
  const contradicting = logisticScore(fit.stance, pair.stance);
  // The same features with the prior at 0, read as the product reads it (SupportScorer.score).
  const grouped = GROUPED_CITATION >= 0 && (pair.stance[GROUPED_CITATION] ?? 0) !== 0;
  const withoutPrior = grouped
    ? {
        priorFreeContradiction: relevance * logisticScore(fit.stance, pair.stance.with(GROUPED_CITATION, 0)),
      }
    : {};
  return {
    relevance,
    contradicting,
    support: relevance * (1 - contradicting),
    contradiction: relevance * contradicting,
    ...withoutPrior,
  };
}

/** The least relevance score that a judge fitted here calls fully `supported` (when above its `relevant` threshold). */
export const SUPPORTED_THRESHOLD = 0.5;

/** The thresholds the product reads from a fit (as --fit writes them to judge/builtin-weights.json). */
export function verdictThresholdsOf(
  fit: Pick<JudgeFit, 'thresholds'>,
  supported = SUPPORTED_THRESHOLD,
): VerdictThresholds {
  const { relevant, contradicted } = fit.thresholds;
  return { relevant, supported: Math.max(supported, relevant), contradicted };
}

/**
 * The pairs the relevance model learns from: all but a cited document that is the evidence of
 * another claim of the same group. Check-COVID's unverifiable variants of a news claim cite the
 * very abstract that supports or refutes their siblings; the paper bears on the topic, so as a
 * negative it only teaches the model noise. (Held-out figures still count every pair.)
 */
export function relevanceTrainingPairs(pairs: readonly EvalPair[]): EvalPair[] {
  const evidence = new Set(pairs.filter(isEvidence).map((p) => `${p.group}\u0000${p.docId}`));
  return pairs.filter((p) => p.kind !== 'cited' || !evidence.has(`${p.group}\u0000${p.docId}`));
}

/** Fits the relevance model, the stance model and the verdict thresholds on some pairs. */
export function fitJudge(
  pairs: readonly EvalPair[],
  l2 = VERIFY_EVAL_DEFAULTS.l2,
  relevanceL2 = VERIFY_EVAL_DEFAULTS.relevanceL2,
): JudgeFit {
  const groupOf = (pair: EvalPair) => (isEvidence(pair) ? 'evidence' : pair.kind);
  const relevant = relevanceTrainingPairs(pairs);
  const relevance = fitLogistic(
    relevant.map((p) => p.relevance),
    relevant.map((p) => (isEvidence(p) ? 1 : 0)),
    balanced(relevant.map(groupOf)),
    relevanceL2,
  );
  const evidence = pairs.filter(isEvidence);
  const stance = fitLogistic(
    evidence.map((p) => p.stance),
    evidence.map((p) => (p.kind === 'contradict' ? 1 : 0)),
    balanced(evidence.map((p) => p.kind)),
    l2,
    STANCE_INPUTS.map((name) => STANCE_PRIOR[name as keyof typeof STANCE_PRIOR] ?? 0),
  );
  return { relevance, stance, thresholds: fitThresholds({ relevance, stance }, pairs) };
}

/**
 * The verdict thresholds, for fitted models, under which the product's verdicts on the real
 * citations (evidence and cited without evidence) reach the best macro F1: its rules after the
 * models (a named conflict, the contradiction without the grouped-citation prior, unmentioned
 * words) decide the class as `citelens verify` does. The first best in grid order wins, so the
 * choice is deterministic.
 */
export function fitThresholds(
  models: Pick<JudgeFit, 'relevance' | 'stance'>,
  pairs: readonly EvalPair[],
): JudgeFit['thresholds'] {
  const cited = pairs.filter((p) => p.kind !== 'random');
  const verdicts = cited.map((p) => productVerdictsOf(predict(models, p), p.reading));
  const truth = cited.map((p) => truthOf(p.kind));
  let best = { relevant: 0.5, contradicted: 0.5, f1: -1 };
  for (const relevant of THRESHOLD_GRID) {
    for (const contradicted of THRESHOLD_GRID) {
      const thresholds = verdictThresholdsOf({ thresholds: { relevant, contradicted } });
      const f1 = macroF1(
        truth,
        verdicts.map((verdictAt) => stanceOfVerdict(verdictAt(thresholds))),
      );
      if (f1 > best.f1 + 1e-12) best = { relevant, contradicted, f1 };
    }
  }
  return { relevant: best.relevant, contradicted: best.contradicted };
}
