// The verdict `citelens verify` would give a pair under some fitted weights: the fitted models'
// scores read through the built-in judge's own verdict rules (judgeVerdictOf), so a claim whose
// specific words the paper never mentions is not supported and a citation is contradicted only with
// a conflict the judge can name, never by the grouped-citation prior alone. What those rules read
// besides the scores does not depend on the weights, so it is read once per pair (PairReading) and
// reused by every fold.
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import { emptyStanceFeatures } from '../verify/judge/stance-features.ts';
import {
  type JudgeVerdict,
  judgeVerdictOf,
  type SupportConflict,
  type SupportResult,
} from '../verify/support-verdicts.ts';
import type { Unaddressed } from '../verify/unaddressed-words.ts';
import type { Stance } from './verify-figures.ts';

/** What the verdict rules read of one pair besides its scores. */
export type PairReading = {
  /** False when the scorer found nothing to weigh (no claim term, no sentence): the product scores 0 there. */
  scored: boolean;
  /** The sentence the judge quotes (the product says not_supported without one). */
  evidence: EvidenceSentence | null;
  /** What in the evidence disagrees with the claim: without one the built-in judge contradicts nothing. */
  conflicts: SupportConflict[];
  /** The claim's specific words the paper never mentions, read at any score. */
  unaddressed: Unaddressed;
  /** The stance and antonym coverage the named-conflict rules read (they do not depend on the weights). */
  stance?: SupportResult['stance'];
  antonymCoverage?: number;
};

// judgeVerdictOf reads only whether a result carries the built-in stance features (then a
// contradiction needs a named conflict); a model judge's result carries none.
const BUILTIN_STANCE = emptyStanceFeatures();

/**
 * The scores of a pair under some weights (judge-fit.ts `predict`); `priorFreeContradiction` is the
 * contradiction without the grouped-citation prior, given where that prior was read.
 */
export type Scores = { relevance: number; support: number; contradiction: number; priorFreeContradiction?: number };

/** Verdict thresholds as the product reads them (judge/builtin-weights.json `thresholds`). */
export type VerdictThresholds = { relevant: number; supported: number; contradicted: number };

/** The reading of a pair from the scorer's result and the claim's unmentioned words (SupportScorer.unaddressed). */
export function readingOf(
  result: Pick<SupportResult, 'score' | 'evidence' | 'conflicts' | 'stance' | 'antonymCoverage'>,
  unaddressed: Unaddressed,
): PairReading {
  // score() returns exactly 0 only when it found nothing to weigh; a logistic score is never 0.
  return {
    scored: result.score > 0,
    evidence: result.evidence,
    conflicts: result.conflicts,
    unaddressed,
    stance: result.stance,
    antonymCoverage: result.antonymCoverage ?? 0,
  };
}

/**
 * The built-in judge's verdict on a pair with these scores under any thresholds: what its rules read
 * besides the thresholds is gathered once, so fitting the thresholds can read each pair at every
 * point of its grid.
 */
export function productVerdictsOf(
  scores: Scores,
  reading: PairReading,
): (thresholds: VerdictThresholds) => JudgeVerdict {
  const result = {
    score: scores.relevance,
    support: scores.support,
    contradiction: scores.contradiction,
    // As the product: the prior alone never makes a verdict contradicted.
    ...(scores.priorFreeContradiction === undefined ? {} : { priorFreeContradiction: scores.priorFreeContradiction }),
    conflicts: reading.conflicts,
    evidence: reading.evidence,
    unaddressed: reading.unaddressed,
    stance: reading.stance ?? BUILTIN_STANCE,
    antonymCoverage: reading.antonymCoverage ?? 0,
  };
  return (thresholds) => judgeVerdictOf(result, thresholds);
}

/** The built-in judge's verdict on a pair with these scores (the same rules `citelens verify` applies). */
export function productVerdictOf(scores: Scores, reading: PairReading, thresholds: VerdictThresholds): JudgeVerdict {
  return productVerdictsOf(scores, reading)(thresholds);
}

/** The class a verdict is scored as: supported or partially supported, contradicted, or neither. */
export const stanceOfVerdict = (verdict: JudgeVerdict): Stance =>
  verdict === 'contradicted' ? 'contradicts' : verdict === 'not_supported' ? 'neither' : 'supports';
