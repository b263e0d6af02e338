// Measuring on held-out pairs: the judge fitted on the training pairs and scored by the verdicts the
// product gives with those weights (its verdict rules after the fitted models), the TF-IDF cosine with
// its threshold fitted there too, and the training pairs' majority class, all on the same held-out pairs.
import type { QuoteCheck } from './evidence-quotes.ts';
import { fitJudge, predict, THRESHOLD_GRID, verdictThresholdsOf } from './judge-fit.ts';
import { macroF1 } from './logistic-fit.ts';
import { productVerdictOf, stanceOfVerdict } from './product-verdicts.ts';
import { VERIFY_EVAL_DEFAULTS } from './verify-eval-defaults.ts';
import { type Figures, figuresOf, type Stance, truthOf } from './verify-figures.ts';
import type { EvalPair } from './verify-pairs.ts';

/** What one held-out measurement gives: the judge's figures, the baseline's, and the majority class's macro F1. */
export type HeldOutFigures = { judge: Figures; baseline: Figures; majority: number };

// The TF-IDF cosine above which a citation counts as supporting: the one with the best macro F1.
function tfidfThreshold(pairs: readonly EvalPair[]): number {
  const cited = pairs.filter((p) => p.kind !== 'random');
  const truth = cited.map((p) => truthOf(p.kind));
  let best = { threshold: 0, f1: -1 };
  for (const threshold of THRESHOLD_GRID.map((g) => g / 2)) {
    const f1 = macroF1(
      truth,
      cited.map((p) => (p.baseline >= threshold ? 'supports' : 'neither')),
    );
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}

function majorityOf(pairs: readonly EvalPair[]): Stance {
  const counts = new Map<Stance, number>();
  for (const p of pairs) if (p.kind !== 'random') counts.set(truthOf(p.kind), (counts.get(truthOf(p.kind)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'neither';
}

/**
 * The judge's figures, the TF-IDF baseline's and the majority class's on held-out pairs, given
 * training pairs. The judge's classes are the product's verdicts under the fitted weights; its ROC
 * AUCs rank by the scores the product returns (`score`, `support` − `contradiction`), which the
 * verdict rules do not change. A quote counts only where the verdict shows one: the product quotes
 * nothing for `not_supported`, and the baseline, likewise, nothing below its threshold.
 */
export function heldOutFigures(
  training: readonly EvalPair[],
  heldOut: readonly EvalPair[],
  l2 = VERIFY_EVAL_DEFAULTS.l2,
  relevanceL2 = VERIFY_EVAL_DEFAULTS.relevanceL2,
): HeldOutFigures {
  const fit = fitJudge(training, l2, relevanceL2);
  const thresholds = verdictThresholdsOf(fit);
  const predictions = heldOut.map((p) => predict(fit, p));
  const stances = heldOut.map((p, i) => stanceOfVerdict(productVerdictOf(predictions[i]!, p.reading, thresholds)));
  const figures = (
    relevance: (i: number) => number,
    signed: (i: number) => number,
    stance: (i: number) => Stance,
    quoted: (quote: QuoteCheck) => boolean,
  ) =>
    figuresOf(
      heldOut.map((p, i) => ({
        kind: p.kind,
        relevance: relevance(i),
        signed: signed(i),
        stance: stance(i),
        ...(p.quoted ? { quoted: stance(i) !== 'neither' && quoted(p.quoted) } : {}),
      })),
    );
  const threshold = tfidfThreshold(training);
  const majority = majorityOf(training);
  const cited = heldOut.filter((p) => p.kind !== 'random');
  return {
    judge: figures(
      (i) => predictions[i]!.relevance,
      (i) => predictions[i]!.support - predictions[i]!.contradiction,
      (i) => stances[i]!,
      (quote) => quote.judge,
    ),
    baseline: figures(
      (i) => heldOut[i]!.baseline,
      (i) => heldOut[i]!.baseline,
      (i) => (heldOut[i]!.baseline >= threshold ? 'supports' : 'neither'),
      (quote) => quote.baseline,
    ),
    majority: macroF1(
      cited.map((p) => truthOf(p.kind)),
      cited.map(() => majority),
    ),
  };
}
