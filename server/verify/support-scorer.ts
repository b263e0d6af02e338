// The claim–evidence scorer shared by ask (support of each answer sentence) and verify (support of
// each citation): features of the claim against each candidate sentence give how strongly the text
// bears on the claim (a logistic model), and the stance features of its best evidence sentences
// (negation scope, direction of effect, quantities…) give how likely that evidence contradicts it.
// Both models and the verdict thresholds live in judge/builtin-weights.json, refitted by
// `citelens eval-verify --fit`.
import type { Paper } from '../../indexer/index.ts';
import { definedAbbreviations, expandAbbreviations } from '../../indexer/text/abbreviations.ts';
import { EvidenceProfile } from './evidence-profile.ts';
import { type EvidenceSentence, sentencesOfPaper } from './evidence-sentences.ts';
import WEIGHTS from './judge/builtin-weights.json' with { type: 'json' };
import {
  conflictingSentence,
  denyingSentence,
  emptyStanceFeatures,
  lackingSentence,
  STANCE_FEATURE_NAMES,
  type StanceFeatures,
  stanceOfEvidenceVoting,
} from './judge/stance-features.ts';
import {
  type ClaimProfile,
  FEATURE_NAMES,
  focusClause,
  profileClaim,
  RELEVANCE_FEATURES,
  type RelevanceFeature,
  type RelevanceFeatures,
  relevanceFeaturesOf,
  relevanceInputsOf,
  type SupportFeatures,
  supportFeaturesOf,
} from './support-features.ts';
import type { TermStatistics } from './term-statistics.ts';

/** A logistic model over named features. */
type Logistic<Name extends string> = { bias: number; weights: Record<Name, number> };

/**
 * Logistic weights over the relevance inputs (the square root of each relevance feature): does the text bear on the claim (evidence, for or
 * against) or not (a cited paper without evidence, a random paper)? Fitted with
 * `citelens eval-verify --fit` (see judge/builtin-weights.json for what it was fitted on).
 */
export const SUPPORT_MODEL: Logistic<RelevanceFeature> = WEIGHTS.relevance;

export type SupportModel = typeof SUPPORT_MODEL;

/**
 * What the stance model reads: the stance features, and the relevance features too (a citation that
 * misquotes or oversimplifies its source overlaps it less than one that restates it).
 */
export const STANCE_INPUTS = [...STANCE_FEATURE_NAMES, ...FEATURE_NAMES] as const;

/** Logistic weights over the stance inputs: given evidence, how likely it contradicts the claim. */
export const STANCE_MODEL: Logistic<(typeof STANCE_INPUTS)[number]> = WEIGHTS.stance;

export type StanceModel = typeof STANCE_MODEL;

/**
 * Verdict thresholds: `relevant` on the relevance score (below it the paper does not bear on the
 * claim), `supported` on the relevance score for full support, `contradicted` on the probability
 * that the evidence contradicts the claim.
 */
export const JUDGE_THRESHOLDS: { relevant: number; supported: number; contradicted: number } = WEIGHTS.thresholds;

/** Score bands of the verdicts: at least `supported` backs the claim, at least `partial` backs part of it. */
export const SUPPORT_THRESHOLDS = {
  supported: JUDGE_THRESHOLDS.supported,
  partial: JUDGE_THRESHOLDS.relevant,
} as const;

/** What in the evidence sentence disagrees with the claim. */
export type SupportConflict = 'negation' | 'direction' | 'numbers' | 'quantifier' | 'scope';

export type SupportResult = {
  /** 0–1: how strongly the candidates bear on this exact claim (evidence for or against it). */
  score: number;
  /** 0–1: the probability that the candidates back the claim (score × (1 − contradicting)). */
  support: number;
  /** 0–1: the probability that the candidates contradict the claim (score × contradicting). */
  contradiction: number;
  /** The sentence that bears on the claim best (never the title), or null when there were no text sentences. */
  evidence: EvidenceSentence | null;
  /** Disagreements between the claim and its evidence that the score alone does not show. */
  conflicts: SupportConflict[];
  features: SupportFeatures;
  stance: StanceFeatures;
  /** The text sentences that align best with the claim, best first (where a model judge reads the stance). */
  aligned: EvidenceSentence[];
};

/** The verdicts of the judge, from the most to the least backing. */
export type JudgeVerdict = 'supported' | 'partially_supported' | 'contradicted' | 'not_supported';

/** The verdict as answers read it: contradicted evidence does not support a sentence. */
export type Verdict = 'supported' | 'partially_supported' | 'not_supported';

function logistic<Name extends string>(names: readonly Name[], values: Record<Name, number>, model: Logistic<Name>) {
  let z = model.bias;
  for (const name of names) z += model.weights[name] * values[name];
  return 1 / (1 + Math.exp(-z));
}

/** The calibrated 0–1 relevance score of a feature vector under a model. */
export function supportProbability(features: RelevanceFeatures, model: SupportModel = SUPPORT_MODEL): number {
  return logistic(RELEVANCE_FEATURES, relevanceInputsOf(features), model);
}

// Which of the stance model's inputs are read from the stance features (the rest are relevance features).
const FROM_STANCE = STANCE_INPUTS.map((name) => (STANCE_FEATURE_NAMES as readonly string[]).includes(name));

/** The probability that evidence with these stance (and relevance) features contradicts the claim. */
export function contradictionProbability(
  stance: StanceFeatures,
  features: SupportFeatures,
  model: StanceModel = STANCE_MODEL,
): number {
  // As logistic() over { ...features, ...stance } (a stance feature wins over a relevance one of the
  // same name), without building that object for every claim–paper pair.
  let z = model.bias;
  STANCE_INPUTS.forEach((name, i) => {
    z +=
      model.weights[name] *
      (FROM_STANCE[i] ? stance[name as keyof StanceFeatures] : features[name as keyof SupportFeatures]);
  });
  return 1 / (1 + Math.exp(-z));
}

/**
 * The full verdict: below the relevance threshold the text does not bear on the claim; evidence
 * more likely contradicting than not (at the fitted threshold) contradicts it; a high score with
 * no conflict supports it; anything between is partial support.
 */
export function judgeVerdictOf(
  result: Pick<SupportResult, 'score' | 'support' | 'contradiction' | 'conflicts' | 'evidence'>,
  thresholds: typeof JUDGE_THRESHOLDS = JUDGE_THRESHOLDS,
): JudgeVerdict {
  if (!result.evidence || result.score < thresholds.relevant) return 'not_supported';
  if (result.contradiction / Math.max(result.score, 1e-9) >= thresholds.contradicted) return 'contradicted';
  if (result.score >= thresholds.supported && result.conflicts.length === 0) return 'supported';
  return 'partially_supported';
}

/**
 * The verdict as answers read it: a high score with a conflict (a negation or direction the
 * evidence does not share, a number it does not state) is only partial support, and evidence
 * that contradicts the claim does not support it.
 */
export function verdictOf(
  result: Pick<SupportResult, 'score' | 'conflicts'> & Partial<Pick<SupportResult, 'support' | 'contradiction'>>,
): Verdict {
  if (
    result.contradiction !== undefined &&
    result.score >= SUPPORT_THRESHOLDS.partial &&
    result.contradiction / Math.max(result.score, 1e-9) >= JUDGE_THRESHOLDS.contradicted
  )
    return 'not_supported';
  if (result.score >= SUPPORT_THRESHOLDS.supported && result.conflicts.length === 0) return 'supported';
  if (result.score >= SUPPORT_THRESHOLDS.partial) return 'partially_supported';
  return 'not_supported';
}

/** How many of the best-aligned sentences the stance is read on… */
const STANCE_SENTENCES = 2;
/** …counting a runner-up only when it aligns nearly as well as the best (else it is about something else). */
const STANCE_NEAR_BEST = 0.8;
/** How many best-aligned sentences a result lists for a model judge. */
const ALIGNED_SENTENCES = 3;
/** How much a finding sentence is preferred over an equally aligned aim or background sentence. */
const FINDING_PREFERENCE = 1.2;

function conflictsOf(features: SupportFeatures, stance: StanceFeatures): SupportConflict[] {
  const conflicts: SupportConflict[] = [];
  if (
    stance.negationMismatch > 0 ||
    stance.scopedNegation > 0 ||
    stance.nullFindingMismatch > 0 ||
    stance.deniedAlternative > 0 ||
    stance.requirementConflict > 0
  )
    conflicts.push('negation');
  // An antonym ("benign" against "malignant") points the other way as much as a reversed effect does.
  if (
    features.directionMismatch > 0 ||
    stance.directionConflict > 0 ||
    stance.antonymConflict > 0 ||
    stance.comparisonConflict > 0
  )
    conflicts.push('direction');
  if (features.numbersMissing > 0 || stance.quantityConflict > 0) conflicts.push('numbers');
  if (stance.quantifierConflict > 0) conflicts.push('quantifier');
  if (stance.speciesMismatch > 0) conflicts.push('scope');
  return conflicts;
}

/** A text as written, and read with the abbreviations it defines spelt out (the same profile when it defines none). */
type ReadTexts = { written: EvidenceProfile; spelt: EvidenceProfile };

// How many claim analyses a scorer keeps (a claim is scored as written and spelt out, in turn).
const CLAIMS_KEPT = 4;

/**
 * Scores claims against evidence, weighting words by the library's term statistics. A claim is
 * analyzed once for the candidates scored after it in a row (a request scores each claim against
 * its cited papers and suggestion candidates in turn), and a list of sentences once for as long as
 * the list is alive (pass the same list again to reuse it; lists are not changed after scoring).
 */
export class SupportScorer {
  // The last claims analyzed (as written, and read with a paper's abbreviations spelt out).
  private readonly claims = new Map<string, ClaimProfile>();
  private readonly evidence = new WeakMap<readonly EvidenceSentence[], ReadTexts>();

  constructor(
    private readonly statistics: TermStatistics,
    private readonly model: SupportModel = SUPPORT_MODEL,
    private readonly stanceModel: StanceModel = STANCE_MODEL,
  ) {}

  private profileOf(claim: string): ClaimProfile {
    let profile = this.claims.get(claim);
    if (!profile) {
      if (this.claims.size >= CLAIMS_KEPT) this.claims.delete(this.claims.keys().next().value!);
      profile = profileClaim(claim, this.statistics);
      this.claims.set(claim, profile);
    }
    return profile;
  }

  private evidenceOf(sentences: readonly EvidenceSentence[]): ReadTexts {
    let texts = this.evidence.get(sentences);
    if (!texts) {
      const written = new EvidenceProfile(sentences, this.statistics);
      const abbreviations = definedAbbreviations(sentences.map((s) => s.text).join('.\n'));
      const spelt =
        abbreviations.size === 0
          ? written
          : new EvidenceProfile(
              sentences.map((s) => ({ ...s, text: expandAbbreviations(s.text, abbreviations) })),
              this.statistics,
              abbreviations,
            );
      texts = { written, spelt };
      this.evidence.set(sentences, texts);
    }
    return texts;
  }

  /**
   * The score alone (`score(…).score`, without reading the stance): a verdict of 'supported' needs
   * at least JUDGE_THRESHOLDS.supported of it.
   */
  relevance(claim: string, sentences: readonly EvidenceSentence[]): number {
    const profile = this.profileOf(claim);
    const features = relevanceFeaturesOf(profile, this.evidenceOf(sentences).written);
    if (!features || profile.totalWeight === 0) return 0;
    return supportProbability(features, this.model);
  }

  /** How well the candidate sentences (one paper's, or the passages a sentence cites) back the claim. */
  score(written: string, sentences: readonly EvidenceSentence[]): SupportResult {
    const texts = this.evidenceOf(sentences);
    const {
      features,
      best: bestWritten,
      sentenceScores: writtenScores,
    } = supportFeaturesOf(this.profileOf(written), texts.written);
    if (bestWritten < 0 || this.profileOf(written).totalWeight === 0) {
      return {
        score: 0,
        evidence: sentences[bestWritten] ?? null,
        support: 0,
        contradiction: 0,
        conflicts: [],
        features,
        stance: emptyStanceFeatures(),
        aligned: [],
      };
    }
    // How much the paper bears on the claim is read on the words as written; which sentences are
    // the evidence, and what they say of the claim, on the text with its abbreviations spelt out
    // ("pyridostatin" in the claim meets "PDS reduces proliferation").
    const candidates = texts.spelt;
    const claim = expandAbbreviations(written, candidates.abbreviations);
    const profile = this.profileOf(claim);
    const scores = candidates === texts.written ? writtenScores : supportFeaturesOf(profile, candidates).sentenceScores;
    // The stance is read in the clause of each of the best-aligned text sentences that matches the claim.
    // A finding ("we found…", results, conclusions) is preferred to an aim or background sentence.
    const findings = candidates.findings;
    const ordered = scores
      .map((score, i) => ({ score: score * (findings[i] ? FINDING_PREFERENCE : 1), i }))
      .filter(({ i }) => sentences[i]!.field !== 'title')
      .sort((a, b) => b.score - a.score || a.i - b.i);
    const ranked = ordered
      .filter((candidate, rank) => rank === 0 || candidate.score >= STANCE_NEAR_BEST * ordered[0]!.score)
      .slice(0, STANCE_SENTENCES);
    const read = ranked.map(({ i }) => focusClause(profile, candidates.sentences[i]!.text, candidates.clauses(i)));
    const stance = stanceOfEvidenceVoting(claim, read, candidates.voteSentences);
    const conflicts = conflictsOf(features, stance);
    // The sentence quoted is the one that shows the conflict, when there is one.
    const quoted = conflicts.length > 0 && read.length > 1 ? conflictingSentence(claim, read) : 0;
    const denying =
      stance.deniedAlternative > 0
        ? denyingSentence(claim, read, candidates.voteSentences)
        : stance.requirementConflict > 0
          ? lackingSentence(claim, read, candidates.voteSentences)
          : null;
    const evidence =
      denying !== null
        ? sentences.filter((s) => s.field !== 'title')[denying]!
        : sentences[ranked[quoted]?.i ?? bestWritten]!;
    const score = supportProbability(features, this.model);
    const contradicting = contradictionProbability(stance, features, this.stanceModel);
    return {
      score,
      support: score * (1 - contradicting),
      contradiction: score * contradicting,
      evidence,
      conflicts,
      features,
      stance,
      aligned: ordered.slice(0, ALIGNED_SENTENCES).map(({ i }) => sentences[i]!),
    };
  }

  /** How well a paper (its title and abstract) backs the claim. */
  scorePaper(claim: string, paper: Pick<Paper, 'title' | 'abstract'>): SupportResult {
    return this.score(claim, sentencesOfPaper(paper));
  }
}
