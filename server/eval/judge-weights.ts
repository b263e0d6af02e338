// The built-in judge's weights file (server/verify/judge/builtin-weights.json): the fitted models
// and thresholds, rounded, written atomically.
import fs from 'node:fs';
import path from 'node:path';
import { RELEVANCE_FEATURES } from '../verify/support-features.ts';
import { STANCE_INPUTS } from '../verify/support-scorer.ts';
import { SUPPORTED_THRESHOLD, verdictThresholdsOf } from './judge-fit.ts';
import type { JudgeFit } from './verify-eval.ts';

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The judge fitted on all pairs given, as the JSON shipped in server/verify/judge/builtin-weights.json. */
export function judgeWeightsOf(fit: JudgeFit, fittedBy: string, supportedThreshold = SUPPORTED_THRESHOLD) {
  return {
    fittedBy,
    relevance: {
      bias: round(fit.relevance.bias),
      weights: Object.fromEntries(RELEVANCE_FEATURES.map((name, j) => [name, round(fit.relevance.weights[j]!)])),
    },
    stance: {
      bias: round(fit.stance.bias),
      weights: Object.fromEntries(STANCE_INPUTS.map((name, j) => [name, round(fit.stance.weights[j]!)])),
    },
    thresholds: verdictThresholdsOf(fit, supportedThreshold),
  };
}

/** Writes the weights file atomically (a temporary file, then a rename). */
export function writeJudgeWeights(file: string, weights: ReturnType<typeof judgeWeightsOf>): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, `${JSON.stringify(weights, null, 2)}\n`);
  fs.renameSync(temporary, file);
}
