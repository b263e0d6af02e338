// The claim–evidence scorer shared by ask (support of each answer sentence) and verify (support of
// each citation): features of the claim against each candidate sentence, a logistic model fitted on
// SciFact, and the verdict rules that add what the evidence sentence says about negation,
// direction of effect and numbers.
import type { Paper } from '../../indexer/index.ts';
import { type EvidenceSentence, sentencesOfPaper } from './evidence-sentences.ts';
import { FEATURE_NAMES, profileClaim, type SupportFeatures, supportFeatures } from './support-features.ts';
import type { TermStatistics } from './term-statistics.ts';

/**
 * Logistic weights over the features. Fitted with `citelens eval-verify <scifact-folder> --tune`
 * on the even-id SciFact training claims (evidence documents against cited documents without
 * evidence and random documents, classes weighted equally); the odd-id claims are held out.
 */
export const SUPPORT_MODEL = {
  bias: -4.33,
  weights: {
    sentenceCoverage: 1.07,
    windowCoverage: 1.58,
    sentenceCosine: 1.2,
    bigramCoverage: 0.77,
    documentCoverage: 1.95,
    documentCosine: 0.89,
    titleCoverage: 0.45,
    rareMissing: -0.66,
    softCoverage: 1.67,
    keyCoverage: 2.28,
  },
} satisfies { bias: number; weights: Record<(typeof FEATURE_NAMES)[number], number> };

export type SupportModel = typeof SUPPORT_MODEL;

/** Score bands of the verdicts: at least `supported` backs the claim, at least `partial` backs part of it. */
export const SUPPORT_THRESHOLDS = { supported: 0.5, partial: 0.3 } as const;

/** What in the evidence sentence disagrees with the claim. */
export type SupportConflict = 'negation' | 'direction' | 'numbers';

export type SupportResult = {
  /** 0–1: how strongly the candidates hold evidence for this exact claim. */
  score: number;
  /** The sentence that backs the claim best, or null when there were no candidates. */
  evidence: EvidenceSentence | null;
  /** Disagreements between the claim and its evidence that the score alone does not show. */
  conflicts: SupportConflict[];
  features: SupportFeatures;
};

export type Verdict = 'supported' | 'partially_supported' | 'not_supported';

/** The calibrated 0–1 score of a feature vector under a model. */
export function supportProbability(features: SupportFeatures, model: SupportModel = SUPPORT_MODEL): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/**
 * The verdict of a scored claim: a high score with a conflict (a negation or direction the
 * evidence does not share, a number it does not state) is only partial support.
 */
export function verdictOf(result: Pick<SupportResult, 'score' | 'conflicts'>): Verdict {
  if (result.score >= SUPPORT_THRESHOLDS.supported && result.conflicts.length === 0) return 'supported';
  if (result.score >= SUPPORT_THRESHOLDS.partial) return 'partially_supported';
  return 'not_supported';
}

/** Scores claims against evidence, weighting words by the library's term statistics. */
export class SupportScorer {
  constructor(
    private readonly statistics: TermStatistics,
    private readonly model: SupportModel = SUPPORT_MODEL,
  ) {}

  /** How well the candidate sentences (one paper's, or the passages a sentence cites) back the claim. */
  score(claim: string, sentences: readonly EvidenceSentence[]): SupportResult {
    const profile = profileClaim(claim, this.statistics);
    const { features, best } = supportFeatures(profile, sentences, this.statistics);
    if (best < 0 || profile.totalWeight === 0)
      return { score: 0, evidence: sentences[best] ?? null, conflicts: [], features };
    const conflicts: SupportConflict[] = [];
    if (features.negationMismatch > 0) conflicts.push('negation');
    if (features.directionMismatch > 0) conflicts.push('direction');
    if (features.numbersMissing > 0) conflicts.push('numbers');
    return { score: supportProbability(features, this.model), evidence: sentences[best]!, conflicts, features };
  }

  /** How well a paper (its title and abstract) backs the claim. */
  scorePaper(claim: string, paper: Pick<Paper, 'title' | 'abstract'>): SupportResult {
    return this.score(claim, sentencesOfPaper(paper));
  }
}
