// The names and meaning of the features that tell support from contradiction (stance-features.ts
// reads them off a claim and its evidence): each is 0 or 1 (or a share), weighed by a small logistic model.

/** The stance features, by name (builtin-weights.json keeps a weight for each, the stance model reads them in this order). */
export const STANCE_FEATURE_NAMES = [
  /** Exactly one of claim and evidence is negated anywhere. */
  'negationMismatch',
  /** Share of the shared terms that lie in a negation's scope in one but not the other. */
  'scopedNegation',
  /** The evidence reports a null finding ("no significant difference") and the claim does not, or the other way round. */
  'nullFindingMismatch',
  /** A shared term carries opposite directions of effect ("reduces leakage" vs "higher leakage"). */
  'directionConflict',
  /** Every shared term that carries a direction carries the same one in both (and at least one does). */
  'directionAgree',
  /**
   * Over every text sentence, the claim's directed terms vote: (opposite − same) / (opposite + same),
   * −1 to 1, 0 when no sentence gives them a direction. A finding is often restated (results, then
   * conclusions), and the sentence that aligns best may be the aim that carries no direction.
   */
  'directionVote',
  /** A word one side negates by a prefix and the other states ("unrelated" vs "related"). */
  'prefixAntonym',
  /** The evidence states a WordNet antonym of a claim word, and not the word ("benign" vs "malignant"). */
  'antonymConflict',
  /** One side denies what the other states, in favour of something it does not ("GPUs rather than CPUs" against "CPUs"). */
  'deniedAlternative',
  /**
   * The evidence ranks the claim's two sides the other way round ("A more effective than B" against
   * "B more effective than A"), or gives them each other's roles ("A inhibits B" against "B inhibits A").
   */
  'comparisonConflict',
  /** One side needs what the other does without ("requires training" against "without any training"). */
  'requirementConflict',
  /** "always" against "never", "every" against "rarely". */
  'quantifierConflict',
  /** The evidence states the claim's unit (%, a rate, mg…) but never a value the claim allows. */
  'quantityConflict',
  /** The evidence states a value the claim allows. */
  'quantityAgree',
  /** The claim is about animals and the evidence about people, or the other way round. */
  'speciesMismatch',
  /** The claim names another kind of the evidence's thing, by a modifier the paper never uses ("vision-language model" against "Data Language Model"). */
  'kindMismatch',
  /** The evidence hedges ("may", "suggests") and the claim does not. */
  'evidenceHedged',
  /** The evidence sets itself against something ("however", "in contrast", "unlike"). */
  'evidenceContrast',
  'claimNegated',
  'evidenceNegated',
  /** The sentence reads as a finding (results, conclusions, "we found") rather than an aim or background. */
  'evidenceFinding',
  /**
   * The citation is one of a group ("[3–7]", "(Lin, 2020; Wu, 2021)"): a prior from how papers cite
   * (a paper cited among others is more often cited for more than it says), not a reading of the text.
   */
  'groupedCitation',
] as const;

export type StanceFeatureName = (typeof STANCE_FEATURE_NAMES)[number];
/**
 * The features the stance model weighs, and one the verdict reads beside them: `negatesUnnamed` is 1
 * when the claim negates a thing the paper never names (negation-focus.ts): no conflict the model
 * weighs, yet no support either, so the verdict lists it as a negation the evidence does not share.
 */
export type StanceFeatures = Record<StanceFeatureName, number> & { negatesUnnamed?: number };

const NO_STANCE = Object.freeze(Object.fromEntries(STANCE_FEATURE_NAMES.map((name) => [name, 0])) as StanceFeatures);

/** A fresh set of stance features, every one 0. */
export function emptyStanceFeatures(): StanceFeatures {
  return { ...NO_STANCE };
}
