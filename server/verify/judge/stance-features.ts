// The features that tell support from contradiction once a claim is aligned with its evidence
// sentences: negation and its scope (negation-features.ts), opposite directions of effect attached to
// the same words, quantifiers, quantities, species scope and hedges, over one sentence and over the
// paper. Their names and meaning are in stance-feature-names.ts.

import { stem } from '../../../indexer/text/analyze.ts';
import { limitDenied, mayNameAlternative } from './alternatives.ts';
import { polarStem } from './antonyms.ts';
import { worthAgainstAmount, worthOfLessIsBetter } from './change-scales.ts';
import { comparisonConflict, turnedComparatives } from './comparison-conflicts.ts';
import { compoundOpposites } from './compound-opposites.ts';
import { coverageConflict } from './coverage.ts';
import { deniedAlternative } from './denied-alternatives.ts';
import { type AnchorWord, anchoredDirections, anchorWordsOf } from './direction-anchors.ts';
import { directionVoteOf, type VoteSentence, voteSentencesOf } from './direction-vote.ts';
import { restrictionDropped, restrictionDroppedIn } from './dropped-restrictions.ts';
import { readsAsFinding } from './finding-sentence.ts';
import { kindMismatch } from './kinds.ts';
import { negationFeatures } from './negation-features.ts';
import { onlyAgainstList } from './only-against-list.ts';
import { onlyVersusMulti } from './only-versus-multi.ts';
import { antonymConflict, prefixAntonymsOfReadings } from './opposite-words.ts';
import { compareQuantities, statesOnlyShare } from './quantities.ts';
import { quantitiesOfReading } from './reading-facts.ts';
import { mayLackPhrase, requirementConflict } from './requirements.ts';
import { pairedTerms, partsSwapped, rolesSwapped } from './roles.ts';
import { emptyStanceFeatures, STANCE_FEATURE_NAMES, type StanceFeatures } from './stance-feature-names.ts';
import { readSentence, type SentenceReading, STANCE_MAX_CHARS } from './stance-reading.ts';

export {
  directionVote,
  directionVoteOf,
  VOTE_MAX_SENTENCES,
  type VoteSentence,
  voteSentencesOf,
} from './direction-vote.ts';
export { isFinding } from './finding-sentence.ts';
export {
  emptyStanceFeatures,
  STANCE_FEATURE_NAMES,
  type StanceFeatureName,
  type StanceFeatures,
} from './stance-feature-names.ts';
export { STANCE_MAX_CHARS } from './stance-reading.ts';

// Whether two sides direct a term alike in their own words: by different words of change, at least
// one of which stands before it (the term is what changes, not a subject before its verb).
const reworded = (claim: AnchorWord | undefined, evidence: AnchorWord | undefined) =>
  claim !== undefined && evidence !== undefined && claim.cue !== evidence.cue && (claim.before || evidence.before);

/**
 * How many times as many terms as a reversal reverses the two sides must direct alike, each in its
 * own words, for the reversal to be read as a word hung on another word of change (stanceFeatures):
 * a real reversal often reverses one term (the object) while its subject agrees ("N348I mutations
 * reduce resistance" against "N348I decreased susceptibility"), so a narrow majority decides nothing.
 */
const REWORDED_OUTVOTE = 3;

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
  const negation = negationFeatures(claim, evidence, paper);
  features.scopedNegation = negation.scopedNegation;
  features.negationMismatch = negation.negationMismatch;
  features.nullFindingMismatch = negation.nullFindingMismatch;
  if (negation.negatesUnnamed) features.negatesUnnamed = 1;
  const claimDirections = anchoredDirections(claim);
  const evidenceDirections = anchoredDirections(evidence);
  let agreeing = 0;
  let conflicting = 0;
  // Terms the two sides direct alike in their own words ("dampens" and "attenuates").
  let rewording = 0;
  // Terms each side directs by a word of change before it ("raised triglycerides" against "reduced
  // triglycerides"): a plain reversal of the thing changed, which no rewording outvotes.
  let firm = 0;
  const claimWorth = worthOfLessIsBetter(claim);
  const evidenceWorth = worthOfLessIsBetter(evidence);
  // "non-smokers had more lung capacity than smokers" against "smokers had less … than non-smokers":
  // the comparatives of one ranking named from either side direct its terms oppositely, and agree.
  const turned = turnedComparatives(claim, evidence);
  const byTurned = (claimAnchor: AnchorWord | undefined, evidenceAnchor: AnchorWord | undefined) =>
    turned !== null && claimAnchor?.cue === stem(turned.claim) && evidenceAnchor?.cue === stem(turned.evidence);
  for (const [term, direction] of claimDirections) {
    const other = evidenceDirections.get(term);
    if (other === undefined) continue;
    const claimAnchor = anchorWordsOf(claim).get(term);
    const evidenceAnchor = anchorWordsOf(evidence).get(term);
    // "improved mortality" against "reduced mortality" directs it alike, each in its own words.
    const alike =
      other === direction ||
      byTurned(claimAnchor, evidenceAnchor) ||
      worthAgainstAmount(term, claimAnchor?.cue ?? '', evidenceAnchor?.cue ?? '', claimWorth, evidenceWorth);
    if (alike) {
      agreeing++;
      if (reworded(claimAnchor, evidenceAnchor)) rewording++;
    } else {
      conflicting++;
      if (claimAnchor?.before && evidenceAnchor?.before) firm++;
    }
  }
  // A term takes the direction of the nearest word of change, so one wording may hang a term on
  // another such word than the other does ("PKR, which phosphorylates eIF2α and dampens the
  // translation" against "phosphorylation and activation of PKR, which inhibits eIF2α and attenuates
  // translation"): a reversal outvoted by terms the two sides direct alike in their own words is read
  // as that, not as opposite findings. Terms both direct by the same word ("DUSP4 downregulation")
  // say nothing of the finding, and do not outvote it ("… deactivates" against "… activates"); nor do
  // subjects, which take the direction of the verb after them ("glaciers lost mass more slowly"
  // against "glaciers lost mass faster").
  features.directionConflict = firm > 0 || (conflicting > 0 && rewording < REWORDED_OUTVOTE * conflicting) ? 1 : 0;
  features.prefixAntonym = prefixAntonymsOfReadings(claim, evidence) ? 1 : 0;
  // "only briefly" against "in depth" is an opposite too, read as phrases (coverage.ts).
  features.antonymConflict =
    antonymConflict(claim, evidence, turned ? [polarStem(turned.claim), polarStem(turned.evidence)] : []) ||
    coverageConflict(claim.text, evidence.text) ||
    onlyVersusMulti(claim.text, evidence.text) ||
    compoundOpposites(claim.text, evidence.text)
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
    onlyAgainstList(claim, evidence) ||
    restrictionDropped(claim, evidence)
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
  features.evidenceNegated = negation.evidenceNegated ? 1 : 0;
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
  // A limit the claim drops may stand in another clause of a read sentence, or in another sentence.
  if (restrictionDroppedIn(claim, fullSentences, voters)) combined.quantifierConflict = 1;
  const elsewhere = voters.filter((v) => mayNameAlternative(v.text)).map((v) => readSentence(v.text));
  combined.deniedAlternative = deniesClaim(claim, readings, elsewhere) ? 1 : 0;
  // The best-aligned sentences are read as clauses; parallel parts are paired over whole sentences,
  // read only where they name two of the terms the claim's parts pair.
  const paired = pairedTerms(claim);
  const pairing =
    paired.length === 0
      ? []
      : voters.filter((v) => paired.filter((t) => v.terms.has(t)).length >= 2).map((v) => readSentence(v.text));
  // A comparison may span the clauses a sentence was read in ("A scored 83% while B scored 92%"):
  // the whole sentences the read clauses come from are read for it too.
  const spanning =
    claim.comparisons.length === 0
      ? []
      : voters
          .filter((v) =>
            fullSentences.some((clause) => clause.length > 0 && v.text !== clause && v.text.includes(clause)),
          )
          .map((v) => readSentence(v.text.slice(0, STANCE_MAX_CHARS)));
  combined.comparisonConflict =
    sidesReversed(claim, [...readings, ...spanning]) || partsSwapped(claim, pairing) ? 1 : 0;
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
