// What a support score amounts to: the judge's two fitted logistic models (does the text bear on
// the claim; given that it does, does it contradict it) and the verdicts with their thresholds
// (the conflicts a reader is shown are support-conflicts.ts). Both models and the thresholds live in
// judge/builtin-weights.json, refitted by `citelens eval-verify --fit`; the scorer that computes the
// features is support-scorer.ts.
import type { EvidenceSentence } from './evidence-sentences.ts';
import WEIGHTS from './judge/builtin-weights.json' with { type: 'json' };
import { STANCE_FEATURE_NAMES, type StanceFeatureName, type StanceFeatures } from './judge/stance-features.ts';
import type { ClaimUnaddressed } from './predicate-unaddressed.ts';
import type { SupportConflict } from './support-conflicts.ts';
import {
  FEATURE_NAMES,
  RELEVANCE_FEATURES,
  type RelevanceFeature,
  type RelevanceFeatures,
  relevanceInputsOf,
  type SupportFeatures,
} from './support-features.ts';
import type { Unaddressed } from './unaddressed-words.ts';

// The conflicts moved to support-conflicts.ts; the judges, the evaluation and the tests import them from here.
export { conflictsOf, type SupportConflict, shownPrefixAntonym } from './support-conflicts.ts';

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

export type SupportResult = {
  /** 0–1: how strongly the candidates bear on this exact claim (evidence for or against it), read on its context when it has one. */
  score: number;
  /** 0–1: the probability that the candidates back the claim (score × (1 − contradicting)). */
  support: number;
  /** 0–1: the probability that the candidates contradict the claim (score × contradicting). */
  contradiction: number;
  /**
   * `contradiction` read without the grouped-citation prior (stance input `groupedCitation` at 0);
   * present only when that prior was read. A prior from how papers cite may lower the support, but
   * judgeVerdictOf contradicts only where this reading contradicts too.
   */
  priorFreeContradiction?: number;
  /** The sentence that bears on the claim best (never the title), or null when there were no text sentences. */
  evidence: EvidenceSentence | null;
  /** Disagreements between the claim and its evidence that the score alone does not show. */
  conflicts: SupportConflict[];
  /** The claim's features against the candidates (what the stance model and the conflicts read). */
  features: SupportFeatures;
  /** The features the score was read on: the claim's, or its context's when it was scored with one. */
  relevanceFeatures: RelevanceFeatures;
  stance: StanceFeatures;
  /** The text sentences that align best with the claim, best first (where a model judge reads the stance). */
  aligned: EvidenceSentence[];
  /**
   * The claim's specific words the text never mentions, and their share of what it says of the paper
   * (read only when the score reaches JUDGE_THRESHOLDS.relevant).
   */
  unaddressed: ClaimUnaddressed;
  /**
   * How much of the claim the stance sentence an opposite word was read on covers (the highest, when
   * several were), or 0 when none was: the built-in scorer's reading for the antonym rule of judgeVerdictOf.
   */
  antonymCoverage?: number;
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
      (FROM_STANCE[i] ? stance[name as StanceFeatureName] : features[name as keyof SupportFeatures]);
  });
  return 1 / (1 + Math.exp(-z));
}

/**
 * When a text does not address a claim for the words it never mentions: they hold at least `share`
 * of the content weight of what the claim says of the paper (ClaimUnaddressed.predicate, the paper's
 * name left out: every text about the paper names it), and that is short, at most `claimTerms`
 * distinct terms: one assertion, which rests on them ("SOW improves the FID of generated images"
 * against a paper that never names FID). A longer sentence often cites a paper for one part of it,
 * and there, as for a smaller share down to `detail` (of the whole claim), the missing words are a
 * detail the text leaves out: partial support. Below `detail` they are read as the claim's own
 * wording ("minimal benefit" for "did not improve"). Chosen so that the judge as shipped keeps its
 * macro F1 on the evaluation collections: lower, the rule finds more unaddressed claims of a chat
 * tool but also calls real citing sentences unaddressed (their cited excerpt does not hold every
 * word of the sentence).
 */
export const UNADDRESSED = { share: 0.5, claimTerms: 10, detail: 0.3 } as const;

/**
 * The claim's specific words the text never mentions, when they decide a verdict of not_supported
 * (at least UNADDRESSED.detail of what it says of the paper, or of its weight when that was not
 * read) or partially_supported (at least UNADDRESSED.detail of its weight, with no conflict among
 * `conflicts`, the result's, which would decide it: "RecGPT-Mobile is deployed in 3 apps" is partial
 * for its number, not for "deployed"); a numbered name whose sibling the paper names (siblings) at any
 * share; else undefined.
 */
export function unmentionedOf(
  verdict: JudgeVerdict,
  unaddressed: (Pick<Unaddressed, 'words' | 'share'> & Pick<ClaimUnaddressed, 'predicate' | 'siblings'>) | undefined,
  conflicts: readonly SupportConflict[] = [],
): string[] | undefined {
  if (verdict !== 'not_supported' && verdict !== 'partially_supported') return undefined;
  if (!unaddressed || unaddressed.words.length === 0) return undefined;
  const read = verdict === 'not_supported' ? (unaddressed.predicate ?? unaddressed) : unaddressed;
  if (verdict === 'partially_supported' && conflicts.length > 0) return undefined;
  // A numbered name whose sibling the paper names ("CCR9" against "CCR4") is shown however little it weighs.
  if (read.share < UNADDRESSED.detail) return unaddressed.siblings?.length ? unaddressed.siblings : undefined;
  return unaddressed.words;
}

/**
 * Conflicts named plainly enough to decide a verdict the fitted models leave open. `hardFloor`: a
 * hard conflict (a quantity the paper states otherwise, an alternative it denies, a comparison it
 * ranks the other way) that the stance model finds contradicting with
 * at least `hardContradiction` still contradicts down to this relevance score, below
 * JUDGE_THRESHOLDS.relevant ("cuts memory by only 1.4x" against "14x lower memory": the paraphrase
 * scores low, the conflict is certain). `antonymCoverage`: an antonym contradicts when the sentence it
 * is read on covers this much of the claim (SupportResult.antonymCoverage: "late layers" against
 * "early layers" in a near-copy): the closer the copy, the more the one swapped word decides, where
 * the stance model's overlap inputs count the other way. An antonym in another sentence than the one
 * the claim restates ("earlier methods lose accuracy") decides nothing.
 */
export const NAMED_CONFLICT = { hardFloor: 0.28, hardContradiction: 0.8, antonymCoverage: 0.8 } as const;

// Whether the stance names a conflict that is hard (see NAMED_CONFLICT). A negation the evidence does
// not share is none: below the relevance threshold its sentence is mostly about something else
// ("no association with blood lipids" against "negatively associated with breast cancer").
const hardConflict = (stance: StanceFeatures) =>
  stance.quantityConflict > 0 || stance.deniedAlternative > 0 || stance.comparisonConflict > 0;

// Whether a conflict is one the evidence shows, which may license a contradiction: a number the text
// never states (SupportFeatures.numbersMissing) keeps a claim from support but contradicts nothing;
// only a quantity it states otherwise does ("by 5%" against an abstract without any number).
const shows = (conflict: SupportConflict, stance: StanceFeatures) =>
  conflict !== 'numbers' || stance.quantityConflict > 0;

// How likely the evidence contradicts the claim, given that it bears on it, as the verdicts read it:
// the lower of the reading shown and the one without the grouped-citation prior.
const contradictingOf = (result: Pick<SupportResult, 'score' | 'contradiction' | 'priorFreeContradiction'>) =>
  Math.min(result.contradiction, result.priorFreeContradiction ?? result.contradiction) / Math.max(result.score, 1e-9);

/**
 * The full verdict: below the relevance threshold the text does not bear on the claim; evidence
 * more likely contradicting than not (at the fitted threshold) contradicts it when a cue shows
 * where (a conflict: the built-in stance model's bias and overlap alone contradict nothing) and
 * when it does so without the grouped-citation prior too (`priorFreeContradiction`); a text that never
 * mentions the specific words the claim rests on does not address it; a high score with no
 * conflict and (nearly) no unmentioned word supports it; anything between is partial support.
 */
export function judgeVerdictOf(
  result: Pick<SupportResult, 'score' | 'support' | 'contradiction' | 'conflicts' | 'evidence'> &
    Partial<Pick<SupportResult, 'unaddressed' | 'stance' | 'antonymCoverage' | 'priorFreeContradiction'>>,
  thresholds: typeof JUDGE_THRESHOLDS = JUDGE_THRESHOLDS,
): JudgeVerdict {
  if (!result.evidence) return 'not_supported';
  // Contradicting only as both the reading shown and the one without a citation prior read it: a
  // prior from how papers cite names no conflict, so it never alone makes a contradiction.
  const ratio = contradictingOf(result);
  const { stance } = result;
  if (result.score < thresholds.relevant) {
    const certain =
      stance !== undefined &&
      result.conflicts.length > 0 &&
      hardConflict(stance) &&
      ratio >= NAMED_CONFLICT.hardContradiction &&
      result.score >= NAMED_CONFLICT.hardFloor;
    return certain ? 'contradicted' : 'not_supported';
  }
  const contradicting = ratio >= thresholds.contradicted;
  // The built-in stance model (a result with its stance features) contradicts only where a cue shows
  // it; a model judge's reading (the NLI judge's combined result) stands on its own.
  if (contradicting && (!stance || result.conflicts.some((conflict) => shows(conflict, stance)))) return 'contradicted';
  if (
    stance !== undefined &&
    stance.antonymConflict > 0 &&
    (result.antonymCoverage ?? 0) >= NAMED_CONFLICT.antonymCoverage
  )
    return 'contradicted';
  const unaddressed = result.unaddressed ?? { words: [], share: 0, claimTerms: 0 };
  // Read on what the claim says of the paper: the paper's name, which every text about it mentions,
  // neither dilutes the share nor lengthens the claim.
  const predicate = unaddressed.predicate ?? unaddressed;
  if (predicate.share >= UNADDRESSED.share && predicate.claimTerms <= UNADDRESSED.claimTerms) return 'not_supported';
  // A numbered name the paper never mentions, beside one of its siblings ("CCR9" where it names
  // "CCR4"), is a specific the paper does not state: partial support at most.
  const sibling = (unaddressed.siblings?.length ?? 0) > 0;
  if (
    result.score >= thresholds.supported &&
    result.conflicts.length === 0 &&
    unaddressed.share < UNADDRESSED.detail &&
    !sibling
  )
    return 'supported';
  return 'partially_supported';
}

/**
 * The verdict as answers read it: a high score with a conflict (a negation or direction the
 * evidence does not share, a number it does not state) is only partial support, and evidence
 * that contradicts the claim does not support it.
 */
export function verdictOf(
  result: Pick<SupportResult, 'score' | 'conflicts'> &
    Partial<Pick<SupportResult, 'support' | 'contradiction' | 'priorFreeContradiction'>>,
): Verdict {
  if (
    result.contradiction !== undefined &&
    result.score >= SUPPORT_THRESHOLDS.partial &&
    contradictingOf({ ...result, contradiction: result.contradiction }) >= JUDGE_THRESHOLDS.contradicted
  )
    return 'not_supported';
  if (result.score >= SUPPORT_THRESHOLDS.supported && result.conflicts.length === 0) return 'supported';
  if (result.score >= SUPPORT_THRESHOLDS.partial) return 'partially_supported';
  return 'not_supported';
}
