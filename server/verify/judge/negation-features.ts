// How a claim and one evidence sentence agree on negation: the share of their shared terms that one
// negates and the other does not, a negation or null finding on one side only, and a claim that
// negates what the paper never names. Part of the stance features (stance-features.ts).
import { tokenize } from '../../../indexer/text/analyze.ts';
import { antonymsOf } from './antonyms.ts';
import { deficientAlike } from './deficiency-phrases.ts';
import type { VoteSentence } from './direction-vote.ts';
import { negatedPastReach, negatesUnnamed } from './negation-focus.ts';
import { negatedTermsOf, termsOfReading } from './reading-facts.ts';
import { lackingAlike } from './requirements.ts';
import type { StanceFeatures } from './stance-feature-names.ts';
import type { SentenceReading } from './stance-reading.ts';

/** The negation features of a claim against one evidence sentence, and what the others read of them. */
export type NegationFeatures = Pick<StanceFeatures, 'scopedNegation' | 'negationMismatch' | 'nullFindingMismatch'> & {
  /** The claim negates a thing the paper never names (negation-focus.ts): no mismatch, and no support. */
  negatesUnnamed: boolean;
  /** The evidence is negated in a clause that shares what the claim is about (or anywhere, when none does). */
  evidenceNegated: boolean;
};

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

// Whether a reading negates a thing and no finding ("requires no training", "without any training").
const negatesOnlyThings = (reading: SentenceReading) =>
  reading.deniesThing && (!reading.negated || reading.negatesOnlyThings);

// Opposites that deny the word they oppose, as lexicon stems: "dispensable" is "not needed", "absent"
// "not present"; a contrary such as "specific" for "general" denies nothing.
const DENYING_OPPOSITE = /^(?:dispens|absent)$/u;
const NEGATING_PREFIX = ['un', 'in', 'im', 'ir', 'il', 'non', 'dis'];
const denies = (opposite: string, word: string) =>
  DENYING_OPPOSITE.test(opposite) || NEGATING_PREFIX.some((prefix) => opposite === `${prefix}${word}`);

// Words that end what an opposite is said of where its clause runs on ("dispensable for T cell
// survival only when …", "dispensable for A unless …").
const CONTRAST = /^(?:but|unlike|except|whereas|while|only|unless|although|though)$/u;

// Pronouns the analyzer keeps as terms ("not needed for its activity"), which name nothing by themselves.
const PRONOUN = /^(?:it|its|they|them|their|this|these|those)$/u;

// The terms of the stretch of a reading's clause from `from` (its start when undefined) to its end or
// a contrast word, the word at `at` left out.
function stretchTerms(reading: SentenceReading, at: number, from?: number): Set<string> {
  const tokens = tokenize(reading.text);
  const clause = reading.words[at]!.clause;
  let start = from ?? at;
  if (from === undefined) while (start > 0 && reading.words[start - 1]!.clause === clause) start--;
  const terms = new Set<string>();
  for (let j = start; j < reading.words.length && reading.words[j]!.clause === clause; j++) {
    if (j > at && CONTRAST.test(tokens[j]?.word ?? '')) break;
    const term = reading.words[j]!.term;
    if (j !== at && term && !PRONOUN.test(tokens[j]?.word ?? '')) terms.add(term);
  }
  return terms;
}

// Whether one side negates a word whose denying opposite the other states plainly, and not the word
// itself, of the same thing: "not needed for wound closure" against "dispensable for wound closure",
// "not effective" against "ineffective" say one finding in two wordings ("not effective" against "A
// was effective, B ineffective" does not; nor "not needed for wound closure in knockout mice" against
// "dispensable for wound closure in wild-type mice but not in knockout mice"). What follows the
// negated word in its clause (pronouns aside) must be named in the stretch of the clause the
// opposite stands in.
function negatedAsOpposite(negating: SentenceReading, stating: SentenceReading): boolean {
  const stated = new Map<string, number[]>();
  stating.words.forEach((word, k) => {
    if (word.polar && !word.negated) stated.set(word.polar, [...(stated.get(word.polar) ?? []), k]);
  });
  return negating.words.some((word, i) => {
    if (!word.negated || !word.polar || stated.has(word.polar)) return false;
    const polar = word.polar;
    const opposites = [...antonymsOf(polar)].filter((opposite) => stated.has(opposite) && denies(opposite, polar));
    if (opposites.length === 0) return false;
    const what = stretchTerms(negating, i, i + 1);
    return opposites.some((opposite) =>
      stated.get(opposite)!.some((k) => {
        // An opposite that ends its clause is said of what the clause before it names ("A was required
        // for activity, whereas B was dispensable"), which the clause read may have left out.
        if (stretchTerms(stating, k, k + 1).size === 0) return true;
        const said = stretchTerms(stating, k);
        return [...what].every((t) => said.has(t));
      }),
    );
  });
}

function sharesAny(terms: ReadonlySet<string>, shared: ReadonlySet<string>): boolean {
  for (const term of terms) if (shared.has(term)) return true;
  return false;
}

/**
 * The negation features of a claim against one evidence sentence; `paper`: the paper's sentences,
 * where what a negating claim negates may be named when the evidence sentence does not name it.
 */
export function negationFeatures(
  claim: SentenceReading,
  evidence: SentenceReading,
  paper: readonly VoteSentence[],
): NegationFeatures {
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
  let scopedNegation = 0;
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
      // "cells lacking IRF-9" against "cells defective in IRF-9": one deficiency in two wordings.
      if (inClaim !== inEvidence && deficientAlike(inClaim ? claim : evidence, inClaim ? evidence : claim, term)) {
        alike++;
        continue;
      }
      // Both negate the clause it stands in; the one's negation only stops short of it.
      if (inClaim !== inEvidence && negatedPastReach(inClaim ? evidence : claim, term)) {
        alike++;
        continue;
      }
      if (inClaim !== inEvidence) differing++;
      else if (inClaim) alike++;
    }
    scopedNegation = differing / shared.size;
    negatedAlike = denies && differing === 0 && alike > 0;
  }
  if (lackedAlike) negatedAlike = true;
  // Two null findings agree however each words its negation ("no significant difference in
  // survival" against "survival …, with no significant difference between arms").
  if (claim.nullFinding && evidenceNull) {
    negatedAlike = true;
    scopedNegation = 0;
  }
  if (
    claim.negated !== evidenceNegated &&
    (claim.negated ? negatedAsOpposite(claim, evidence) : negatedAsOpposite(evidence, claim))
  ) {
    negatedAlike = true;
    scopedNegation = 0;
  }
  // A claim that negates something the evidence sentence never names ("leaves benchmark accuracy
  // unchanged" against "the weights stay untouched", and accuracy named nowhere in the paper) is not
  // contradicted by it: it is about another thing, which the paper does not back either.
  // An evidence sentence that negates a thing ("without any training") may negate what a claim that
  // negates only things does in other words ("with no fine-tuning"): that claim's negation is not the
  // claim's alone. A claim that negates a finding ("leaves accuracy unchanged") keeps the rule,
  // whatever thing the evidence does without ("is training-free").
  // A claim's "A but not B" negates no finding of its own: what it denies of B is read term by term (scopedNegation).
  const deniedTerms = claim.words.filter((w) => w.denied && w.term !== null).map((w) => w.term!);
  const evidenceTerms = termsOfReading(evidence);
  const statesDenied = deniedTerms.length > 0 && deniedTerms.every((t) => evidenceTerms.has(t));
  const claimNegated = claim.negated && !(claim.deniesOnlyAlternative && !statesDenied);
  const claimOnly =
    ((claimNegated && !evidenceNegated) || (claim.nullFinding && !evidenceNull)) &&
    !(evidence.deniesThing && negatesOnlyThings(claim));
  const elsewhere = claimOnly && negatesUnnamed(claim, evidence, paper);
  // Sides that each negate only things ("with no fine-tuning" against "without any training") differ
  // in no negation of a finding, so long as no shared term is negated on one side alone: "offered no
  // protection" against "offered strong protection, with no serious adverse events" differ.
  const thingsAlike = negatesOnlyThings(claim) && negatesOnlyThings(evidence) && scopedNegation === 0;
  return {
    scopedNegation,
    negationMismatch: claimNegated !== evidenceNegated && !negatedAlike && !thingsAlike && !elsewhere ? 1 : 0,
    nullFindingMismatch: claim.nullFinding !== evidenceNull && !elsewhere ? 1 : 0,
    negatesUnnamed: elsewhere,
    evidenceNegated,
  };
}
