// The features that tell support from contradiction once a claim is aligned with its evidence
// sentences: negation and its scope, opposite directions of effect attached to the same words,
// quantifiers, quantities, species scope and hedges. Each is 0 or 1 (or a share), so a small
// logistic model (builtin-weights.json) can weigh them.
import { limitDenied, mayNameAlternative } from './comparisons.ts';
import { coverageConflict } from './coverage.ts';
import { directionVoteOf, type VoteSentence, voteSentencesOf } from './direction-vote.ts';
import { readsAsFinding } from './finding-sentence.ts';
import { kindMismatch } from './kinds.ts';
import { negatesUnnamed } from './negation-focus.ts';
import { onlyAgainstList } from './only-against-list.ts';
import { onlyVersusMulti } from './only-versus-multi.ts';
import { compareQuantities, statesOnlyShare } from './quantities.ts';
import {
  anchoredDirections,
  antonymConflict,
  comparisonConflict,
  deniedAlternative,
  negatedTermsOf,
  prefixAntonymsOfReadings,
  quantitiesOfReading,
  termsOfReading,
} from './reading-facts.ts';
import { lackingAlike, mayLackPhrase, requirementConflict } from './requirements.ts';
import { pairedTerms, partsSwapped, rolesSwapped } from './roles.ts';
import { readSentence, type SentenceReading, STANCE_MAX_CHARS } from './stance-reading.ts';

export {
  directionVote,
  directionVoteOf,
  VOTE_MAX_SENTENCES,
  type VoteSentence,
  voteSentencesOf,
} from './direction-vote.ts';
export { isFinding } from './finding-sentence.ts';
export { STANCE_MAX_CHARS } from './stance-reading.ts';

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
] as const;

export type StanceFeatureName = (typeof STANCE_FEATURE_NAMES)[number];
/**
 * The features the stance model weighs, and one the verdict reads beside them: `negatesUnnamed` is 1
 * when the claim negates a thing the paper never names (negation-focus.ts): no conflict the model
 * weighs, yet no support either, so the verdict lists it as a negation the evidence does not share.
 */
export type StanceFeatures = Record<StanceFeatureName, number> & { negatesUnnamed?: number };

const NO_STANCE = Object.freeze(Object.fromEntries(STANCE_FEATURE_NAMES.map((name) => [name, 0])) as StanceFeatures);

export function emptyStanceFeatures(): StanceFeatures {
  return { ...NO_STANCE };
}

// The content terms of the evidence that the claim has too (in the evidence's order: the order is
// never read), from the claim's kept term set.
function sharedTerms(claim: SentenceReading, evidence: SentenceReading): Set<string> {
  const inClaim = termsOfReading(claim);
  const shared = new Set<string>();
  for (const word of evidence.words) if (word.term !== null && inClaim.has(word.term)) shared.add(word.term);
  return shared;
}

// Whether every place a reading negates a term is only a denied alternative's reach.
const onlyDenied = (reading: SentenceReading, term: string) =>
  reading.words.every((word) => word.term !== term || !word.negated || word.denied);

function sharesAny(terms: ReadonlySet<string>, shared: ReadonlySet<string>): boolean {
  for (const term of terms) if (shared.has(term)) return true;
  return false;
}

/**
 * The stance features of a claim against one evidence sentence; `paper`: the paper's sentences,
 * where what a negating claim negates may be named when the evidence sentence does not name it.
 */
export function stanceFeatures(
  claim: SentenceReading,
  evidence: SentenceReading,
  paper: readonly VoteSentence[] = [],
): StanceFeatures {
  const features = emptyStanceFeatures();
  const shared = sharedTerms(claim, evidence);
  // The evidence's negations and null findings count in the clauses that share what the claim is about.
  const relevant = evidence.clauses.filter((c) => sharesAny(c.terms, shared));
  const evidenceNegated = relevant.length > 0 ? relevant.some((c) => c.negated) : evidence.negated;
  const evidenceNull = relevant.length > 0 ? relevant.some((c) => c.nullFinding) : evidence.nullFinding;
  // A side that denies an alternative and the other side negating the same shared terms agree,
  // whatever else either negates: "a structural artefact rather than a semantic signal" against
  // "carries no semantic meaning".
  const denies = claim.alternatives.length > 0 || evidence.alternatives.length > 0;
  let negatedAlike = false;
  // Sides that say a thing is without the same phrase agree, whether the one says it with "no" (a
  // negation) and the other with "without" (read as a condition, of shorter reach).
  const lackedAlike = lackingAlike(claim.requirements, evidence.requirements);
  const lackedTerms = lackedAlike ? new Set(claim.requirements.lacking.flat()) : null;
  const sameDenial = claim.alternatives.some((a) => evidence.alternatives.some((b) => a.denied === b.denied));
  if (shared.size > 0) {
    const negatedInClaim = negatedTermsOf(claim);
    const negatedInEvidence = negatedTermsOf(evidence);
    let differing = 0;
    let alike = 0;
    for (const term of shared) {
      if (lackedTerms?.has(term)) {
        alike++;
        continue;
      }
      const inClaim = negatedInClaim.has(term);
      const inEvidence = negatedInEvidence.has(term);
      // Both sides set the same alternative aside ("rather than fixing K", "instead of using a fixed
      // K"): a term one side reaches with that denial and the other does not is no disagreement.
      if (inClaim !== inEvidence && sameDenial && onlyDenied(inClaim ? claim : evidence, term)) continue;
      if (inClaim !== inEvidence) differing++;
      else if (inClaim) alike++;
    }
    features.scopedNegation = differing / shared.size;
    negatedAlike = denies && differing === 0 && alike > 0;
  }
  if (lackedAlike) negatedAlike = true;
  // Two null findings agree however each words its negation ("no significant difference in
  // survival" against "survival …, with no significant difference between arms").
  if (claim.nullFinding && evidenceNull) {
    negatedAlike = true;
    features.scopedNegation = 0;
  }
  // A claim that negates something the evidence sentence never names ("leaves benchmark accuracy
  // unchanged" against "the weights stay untouched", and accuracy named nowhere in the paper) is not
  // contradicted by it: it is about another thing, which the paper does not back either.
  const claimOnly = (claim.negated && !evidenceNegated) || (claim.nullFinding && !evidenceNull);
  // "without", "no" and "none" in the evidence may deny what the claim does in other words ("with no
  // fine-tuning" against "without any training"), so they leave the rule alone.
  const evidenceDenies = /\b(?:without|no|none)\b/iu.test(evidence.text);
  const elsewhere = claimOnly && !evidenceDenies && negatesUnnamed(claim, evidence, paper);
  features.negationMismatch = claim.negated !== evidenceNegated && !negatedAlike && !elsewhere ? 1 : 0;
  features.nullFindingMismatch = claim.nullFinding !== evidenceNull && !elsewhere ? 1 : 0;
  if (elsewhere) features.negatesUnnamed = 1;
  const claimDirections = anchoredDirections(claim);
  const evidenceDirections = anchoredDirections(evidence);
  let agreeing = 0;
  for (const [term, direction] of claimDirections) {
    const other = evidenceDirections.get(term);
    if (other === undefined) continue;
    if (other === direction) agreeing++;
    else features.directionConflict = 1;
  }
  features.prefixAntonym = prefixAntonymsOfReadings(claim, evidence) ? 1 : 0;
  // "only briefly" against "in depth" is an opposite too, read as phrases (coverage.ts).
  features.antonymConflict =
    antonymConflict(claim, evidence) ||
    coverageConflict(claim.text, evidence.text) ||
    onlyVersusMulti(claim.text, evidence.text)
      ? 1
      : 0;
  // Agreement on the cause ("more faithful") does not outweigh a reversed effect ("reduces
  // leakage"), nor an opposite word ("larger tumours were benign" against "… malignant").
  features.directionAgree = agreeing > 0 && features.directionConflict === 0 && features.antonymConflict === 0 ? 1 : 0;
  features.evidenceFinding = readsAsFinding(evidence) ? 1 : 0;
  // Without a quantity in the claim there is nothing to compare (the evidence's are not read).
  const claimQuantities = quantitiesOfReading(claim);
  features.quantifierConflict =
    (claim.quantifier * evidence.quantifier < 0 && !statesOnlyShare(claimQuantities, evidence.text)) ||
    onlyAgainstList(claim, evidence)
      ? 1
      : 0;
  const quantities =
    claimQuantities.length > 0
      ? compareQuantities(claimQuantities, quantitiesOfReading(evidence))
      : { agree: false, conflict: false };
  features.quantityConflict = quantities.conflict && !quantities.agree ? 1 : 0;
  features.quantityAgree = quantities.agree ? 1 : 0;
  features.speciesMismatch = claim.species && evidence.species && claim.species !== evidence.species ? 1 : 0;
  features.evidenceHedged = evidence.hedged && !claim.hedged ? 1 : 0;
  features.evidenceContrast = evidence.contrastive ? 1 : 0;
  features.claimNegated = claim.negated ? 1 : 0;
  features.evidenceNegated = evidenceNegated ? 1 : 0;
  return features;
}

/**
 * The stance features of a claim against its best evidence sentences: each conflict or agreement
 * counts when any of the sentences shows it (a finding is often spread over two sentences). The
 * direction vote is read over `allSentences` (every text sentence of the paper) when given.
 */
export function stanceOfEvidence(
  fullClaim: string,
  fullSentences: readonly string[],
  allSentences: readonly string[] = [],
): StanceFeatures {
  return stanceOfEvidenceVoting(fullClaim, fullSentences, voteSentencesOf(allSentences));
}

/** The cues of one sentence that a reader is shown as a conflict with the claim. */
const SENTENCE_CONFLICTS = [
  'negationMismatch',
  'scopedNegation',
  'nullFindingMismatch',
  'directionConflict',
  'antonymConflict',
  'prefixAntonym',
  'quantityConflict',
  'quantifierConflict',
  'speciesMismatch',
] as const satisfies ReadonlyArray<keyof StanceFeatures>;

/**
 * Of the sentences a stance was read on (best aligned first), the first that conflicts with the
 * claim on its own, or 0 when none does: when the best-aligned sentence agrees and the next
 * reverses the claim, the reversal is the evidence a reader should see.
 */
export function conflictingSentence(fullClaim: string, fullSentences: readonly string[]): number {
  const claim = readSentence(fullClaim.slice(0, STANCE_MAX_CHARS));
  const at = fullSentences.findIndex((full) => {
    const reading = readSentence(full.slice(0, STANCE_MAX_CHARS));
    const features = stanceFeatures(claim, reading);
    return SENTENCE_CONFLICTS.some((name) => features[name] > 0) || sidesReversed(claim, [reading]);
  });
  return Math.max(0, at);
}

/**
 * The vote sentence that denies what the claim states ("…instead of using a fixed K" against "a fixed
 * number"), when none of the sentences the stance was read on does by itself; null otherwise.
 */
export function denyingSentence(
  fullClaim: string,
  read: readonly string[],
  voters: readonly VoteSentence[],
): number | null {
  const claim = readSentence(fullClaim.slice(0, STANCE_MAX_CHARS));
  const denies = (text: string) => deniesClaim(claim, [], [readSentence(text.slice(0, STANCE_MAX_CHARS))]);
  if (read.some(denies)) return null;
  const at = voters.findIndex((v) => mayNameAlternative(v.text) && denies(v.text));
  return at >= 0 ? at : null;
}

/**
 * The vote sentence that says a thing is without what the claim says it has ("These tokens are
 * without any semantic content" against "carry clear semantic content"), when none of the sentences
 * the stance was read on says so by itself; null otherwise.
 */
export function lackingSentence(
  fullClaim: string,
  read: readonly string[],
  voters: readonly VoteSentence[],
): number | null {
  const claim = readSentence(fullClaim.slice(0, STANCE_MAX_CHARS)).requirements;
  const lacks = (text: string) =>
    mayLackPhrase(text) && requirementConflict(claim, [], [readSentence(text.slice(0, STANCE_MAX_CHARS)).requirements]);
  if (read.some(lacks)) return null;
  const at = voters.findIndex((v) => lacks(v.text));
  return at >= 0 ? at : null;
}

// The evidence denies what the claim states, or what the claim keeps to with "only" ("grades only the
// final answer" against "… rather than only the final answer").
const deniesClaim = (claim: SentenceReading, readings: SentenceReading[], elsewhere: SentenceReading[]) =>
  deniedAlternative(claim, readings, elsewhere) || limitDenied(claim, [...readings, ...elsewhere]);

// The evidence ranks the claim's sides the other way round, or swaps their roles.
const sidesReversed = (claim: SentenceReading, readings: readonly SentenceReading[]) =>
  comparisonConflict(claim, readings) || rolesSwapped(claim, readings);

/** stanceOfEvidence with the paper's text sentences already as the vote reads them (voteSentencesOf). */
export function stanceOfEvidenceVoting(
  fullClaim: string,
  fullSentences: readonly string[],
  voters: readonly VoteSentence[],
): StanceFeatures {
  // A sentence longer than this is not a claim a reader can check; reading only its start keeps a
  // pasted 100 KB "sentence" from costing seconds per cited paper.
  const claimText = fullClaim.slice(0, STANCE_MAX_CHARS);
  const claim = readSentence(claimText);
  const combined = emptyStanceFeatures();
  const readings = fullSentences.map((full) => readSentence(full.slice(0, STANCE_MAX_CHARS)));
  readings.forEach((reading, i) => {
    const features = stanceFeatures(claim, reading, voters);
    for (const name of STANCE_FEATURE_NAMES) {
      // The claim's own cues and the best sentence's negation are read on the best sentence only.
      if (i > 0 && (name === 'negationMismatch' || name === 'evidenceNegated' || name === 'claimNegated')) continue;
      combined[name] = Math.max(combined[name], features[name]);
    }
    if (i === 0 && features.negatesUnnamed === 1) combined.negatesUnnamed = 1;
  });
  combined.directionVote = directionVoteOf(claim, voters);
  const elsewhere = voters.filter((v) => mayNameAlternative(v.text)).map((v) => readSentence(v.text));
  combined.deniedAlternative = deniesClaim(claim, readings, elsewhere) ? 1 : 0;
  // The best-aligned sentences are read as clauses; parallel parts are paired over whole sentences,
  // read only where they name two of the terms the claim's parts pair.
  const paired = pairedTerms(claim);
  const pairing =
    paired.length === 0
      ? []
      : voters.filter((v) => paired.filter((t) => v.terms.has(t)).length >= 2).map((v) => readSentence(v.text));
  combined.comparisonConflict = sidesReversed(claim, readings) || partsSwapped(claim, pairing) ? 1 : 0;
  combined.kindMismatch = kindMismatch(claim, readings, voters) ? 1 : 0;
  // What the claim says a thing has, the paper may say it is without in any sentence.
  const lackingElsewhere =
    claim.requirements.held.length > 0
      ? voters.filter((v) => mayLackPhrase(v.text)).map((v) => readSentence(v.text).requirements)
      : [];
  combined.requirementConflict = requirementConflict(
    claim.requirements,
    readings.map((r) => r.requirements),
    lackingElsewhere,
  )
    ? 1
    : 0;
  return combined;
}
