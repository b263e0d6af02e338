// What a sentence asserts about the things it names, word by word: which words lie in the scope of
// a negation ("not associated with X"), which direction of effect is attached to each word
// ("reduces leakage" vs "higher leakage"), whether it reports a null finding ("no significant
// difference"), its quantifiers (always / never), species scope and hedges. What is read off a
// reading and compared between two is in reading-facts.ts (scopes, quantities), direction-anchors.ts,
// opposite-words.ts, denied-alternatives.ts and comparison-conflicts.ts;
// the negation words are in negation-words.ts, negations of a thing ("without any training") in thing-negations.ts,
// and those that restrict the subject ("a robot with no tactile sensors") in restrictions.ts.
import { tokenize } from '../../../indexer/text/analyze.ts';
import { caseless } from '../caseless-pattern.ts';
import {
  ALTERNATIVE_REACH,
  type Alternative,
  alternativesOf,
  carriesDenial,
  endsAlternativeMarker,
  keptToTermsOf,
  limitsDenial,
} from './alternatives.ts';
import { idiomaticAt } from './antonyms.ts';
import { asideAt } from './clause-asides.ts';
import { type Comparison, comparisonsOf } from './comparisons.ts';
import { directionlessAt } from './directionless.ts';
import { butNotAt, hyphenated, notANegation } from './negation-words.ts';
import { NULL_FINDING, weakNullAt } from './null-findings.ts';
import { namesCondition, populationPhrases } from './population-phrases.ts';
import { type Requirements, requirementsOf } from './requirements.ts';
import { PREDICATE_ADVERB, restrictionsOf } from './restrictions.ts';
import { thingNegationsOf } from './thing-negations.ts';
import { ADVERB, CONDITION_NEGATION, classOf, polarOfWord, relationSign, startsPredicate } from './word-classes.ts';

export type { Alternative } from './alternatives.ts';
export type { Comparison } from './comparisons.ts';

/** How much of a claim or evidence sentence the stance is read on. */
export const STANCE_MAX_CHARS = 2_000;

/** One word of a sentence as the judge reads it. */
export type ReadWord = {
  /** Stemmed term, or null for a stop word. */
  term: string | null;
  /** Whether a negation before it, in the same clause, reaches it. */
  negated: boolean;
  /** Whether what negates it is only a denied alternative ("rather than fixing K"). */
  denied: boolean;
  /** Whether what negates it is only a condition ("mice lacking SIRT1": SIRT1). */
  conditioned: boolean;
  /** +1 / −1 for a word of increase / decrease, 0 otherwise. */
  direction: -1 | 0 | 1;
  /** Index of its clause (commas, semicolons and "but"/"whereas" start a new one). */
  clause: number;
  /** Its stem in the antonym lexicon ("higher" → "high"), or null when the lexicon has no opposite for it. */
  polar: string | null;
};

/** One clause: its content terms, and whether it is negated or reports a null finding. */
export type ClauseReading = { terms: Set<string>; negated: boolean; nullFinding: boolean };

export type SentenceReading = {
  /** The sentence read. */
  text: string;
  words: ReadWord[];
  /** A negation of a predicate anywhere ("not", "no", "never", "fails"); "mice lacking X" is not one. */
  negated: boolean;
  /** Every negation that makes it `negated` is the "not" of "A but not B", which denies B beside A and no finding. */
  deniesOnlyAlternative: boolean;
  /** A thing is negated: "without (any) training", "with no fine-tuning", "lacks a GPU", "training-free" (thing-negations.ts). */
  deniesThing: boolean;
  /** Every negation that makes it `negated` is of a thing ("requires no training"; not "did not improve"). */
  negatesOnlyThings: boolean;
  nullFinding: boolean;
  clauses: ClauseReading[];
  /** +1 for "always", "every", "routinely"; −1 for "never", "rarely"; 0 for neither or both. */
  quantifier: -1 | 0 | 1;
  /** Who or what the finding is about: 'animal' (in vivo), 'human', 'cells' (in vitro), or null when none or more than one. */
  species: 'animal' | 'human' | 'cells' | null;
  hedged: boolean;
  contrastive: boolean;
  /** What the sentence prefers to what ("consumer GPUs rather than CPUs": gpu over cpu). */
  alternatives: Alternative[];
  /** The terms it keeps to with "only", "just" ("grades only the final answer": final, answer). */
  keptTo: string[];
  /** What it ranks above what ("A is more effective than B"). */
  comparisons: Comparison[];
  /** What it says is needed ("requires training") and what is done without ("without any training"). */
  requirements: Requirements;
};

const CONDITION_REACH = 3;
const NEGATION_REACH = 8;
// Negations that can close a clause and so negate what came before them ("… was lacking", "… was
// absent", "… was not found"), when at most this many words follow them in the clause.
const POSTPOSED_NEGATION = /^(?:lacking|lacked|absent)$/u;
const POSTPOSED_TAIL = 2;
// "only a chosen subset", "only some", "only a fraction of", "a chosen subset of", "only 39-77% of the
// time": a part where "every", "all" or "always" claims the whole.
const ONLY_A_PART = caseless(
  /\bonly\s+(?:an?\s+)?(?:(?:small|chosen|selected|limited|tiny)\s+)?(?:subset|some|few|part|portion|minority|fraction|handful)\b|\ban?\s+(?:(?:small|chosen|selected|limited|tiny)\s+)?subset\s+of\b|\bonly\s+(?:about\s+|around\s+|roughly\s+)?\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*(?:%|percent\b)/iu,
);
const ANIMAL = caseless(
  /\b(?:mice|mouse|murine|rats?|rodents?|animals?|zebrafish|drosophila|flies|worms|elegans|in\s+vivo|yeast|primates?|monkeys?|pigs?|dogs?)\b/iu,
);
// Findings in cells grown outside an organism: "in vitro" against "in vivo" or "in mice" is a change of scope.
const CELLS = caseless(/\b(?:in\s+vitro|cell\s+lines?|cultured\s+cells|cell\s+cultures?)\b/iu);
const HUMAN = caseless(
  /\b(?:patients?|humans?|people|adults?|children|women|men|participants?|subjects?|individuals?|clinical|volunteers?)\b/iu,
);
const HEDGE = caseless(
  /\b(?:may|might|could|suggest\w*|possibl\w*|potential\w*|likely|appear\w*|putative|hypothes\w*|speculat\w*)\b/iu,
);
const CONTRAST = caseless(
  /\b(?:however|but|whereas|contrary|in\s+contrast|unlike|rather\s+than|instead|surprisingly|paradoxically)\b/iu,
);

// A claim is read once per paper it is scored against (a verify request scores each claim against
// its cited paper and ten suggestion candidates) and a paper's sentences again on every request
// that cites it, so readings are kept, least recently used first out. Readings are never mutated.
const READINGS_KEPT = 2_048;
const readings = new Map<string, SentenceReading>();

/** Reads one sentence (a claim or an evidence sentence); the result is shared, so do not mutate it. */
export function readSentence(text: string): SentenceReading {
  const kept = readings.get(text);
  if (kept) {
    readings.delete(text);
    readings.set(text, kept);
    return kept;
  }
  const reading = readSentenceNow(text);
  readings.set(text, reading);
  if (readings.size > READINGS_KEPT) readings.delete(readings.keys().next().value!);
  return reading;
}

const CLAUSE_PUNCTUATION = /[,;:()]/u;

function readSentenceNow(text: string): SentenceReading {
  const tokens = tokenize(text);
  const population = populationPhrases(text, tokens);
  // "A robot with no tactile sensors grasps…": a condition of who or what, reaching its noun phrase only.
  const restrictions = restrictionsOf(text, tokens, (j) => startsPredicate(classOf(tokens[j]!.word), tokens[j]!.word));
  const words: ReadWord[] = [];
  const clauseStarts = [0];
  // Whether each clause holds a negation word ("not only" adds, it does not negate).
  const clauseNegated = [false];
  let clause = 0;
  // The index of the token its clause starts at, and of the last aside read ("…, however, …").
  let clauseFrom = 0;
  let aside = -2;
  let reach = 0;
  // Whether the reach is a denial's ("rather than only scoring outcomes"), which carrying words extend.
  let denying = false;
  // Whether the reach is a condition's ("without comorbidities"), and the content words it has reached.
  let conditioning = false;
  let conditioned = 0;
  // Whether a negation other than the "not" of "A but not B" negates a predicate.
  let predicateNegated = false;
  let negated = false;
  let always = false;
  let never = false;
  tokens.forEach((token, i) => {
    const kind = classOf(token.word);
    if (clauseNegated[clause] && asideAt(text, tokens, i, clauseFrom)) aside = i;
    const breaks = (i > 0 && CLAUSE_PUNCTUATION.test(text.slice(tokens[i - 1]!.end, token.start))) || kind.clauseWord;
    if (breaks && aside !== i && aside !== i - 1) {
      clause++;
      clauseFrom = i;
      clauseStarts.push(token.start);
      clauseNegated.push(false);
      reach = 0;
    }
    const restricting = restrictions?.markers.has(i) === true;
    // "SHH-independent groups", "CRACM1-deficient mice": a compound names a kind and negates nothing.
    const compound = (kind.negation || kind.condition) && hyphenated(text, tokens, i);
    const negating =
      !restricting && !compound && ((kind.negation && !notANegation(tokens, i)) || weakNullAt(tokens, i));
    if (negating) clauseNegated[clause] = true;
    const condition = (kind.condition && !compound) || restricting;
    // "…a structural artefact rather than a semantic signal" denies the words just after the
    // marker, without making the sentence a negative one.
    const butNot = negating && butNotAt(tokens, i);
    const denial = endsAlternativeMarker(tokens, i) || butNot;
    const negation = negating || (condition && !notANegation(tokens, i)) || denial;
    if (negation) {
      if (!condition && !denial) predicateNegated = true;
      if (butNot) negated = true;
      // "but not" denies the whole phrase after it ("but not by many high-passage strains"), as far as "not" reaches.
      reach = condition ? CONDITION_REACH : denial && token.word !== 'not' ? ALTERNATIVE_REACH : NEGATION_REACH;
      denying = (denial && !negating && !condition) || butNot;
      conditioning = condition && !negating && !denial;
      conditioned = 0;
    } else if (restrictions?.ends.has(i) || (conditioning && conditioned > 0 && startsPredicate(kind, token.word))) {
      // "patients without comorbidities improved steadily": a condition names a thing, not what is found of it.
      reach = 0;
    } else if (denying && limitsDenial(token.word) && endsAlternativeMarker(tokens, i - 1)) {
      // "rather than only the final answer" grades the final answer too: the denial reaches no further.
      reach = 0;
    } else if (reach > 0 && !(denying && carriesDenial(token.word))) reach--;
    if (kind.always) always = true;
    if (kind.never) never = true;
    // Only a content word that is no negation, nor part of an idiom ("in light of"), is looked up in the antonym lexicon.
    const polar = negation || !token.term || idiomaticAt(tokens, i) ? null : polarOfWord(kind, token.word);
    // A population phrase says who, not what: its condition is no change, and no negation reaches it.
    const reached = !negation && reach > 0 && population?.[i] !== true;
    if (reached && token.term) conditioned++;
    words.push({
      term: negation ? null : token.term,
      negated: reached,
      denied: reached && denying,
      conditioned: reached && conditioning,
      direction:
        directionlessAt(text, tokens, i) || namesCondition(tokens, i, population)
          ? 0
          : kind.direction || relationSign(tokens, i),
      clause,
      polar,
    });
  });
  // A negation that closes its clause ("evidence that X causes Y was lacking", "Y was not
  // observed") reaches back over the clause it closes.
  let postposed = false;
  tokens.forEach((token, i) => {
    if (!POSTPOSED_NEGATION.test(token.word) || words[i]!.term !== null) return;
    const clauseOf = words[i]!.clause;
    let tail = 0;
    for (let j = i + 1; j < words.length && words[j]!.clause === clauseOf; j++) tail++;
    if (tail > POSTPOSED_TAIL) return;
    predicateNegated = true;
    postposed = true;
    for (let j = i - 1; j >= 0 && words[j]!.clause === clauseOf; j--) {
      words[j]!.negated = true;
      words[j]!.denied = false;
      words[j]!.conditioned = false;
    }
  });
  // A negation of a thing reaches its noun phrase past "any" or "the" ("without any large-scale
  // training"), and "-free" the words it follows ("training-free"), as "no training" does; it stops
  // short of a word with a direction or an adverb, which starts the predicate ("models lacking
  // instruction tuning improve accuracy", "in the absence of serum proliferated slowly", "cells
  // lacking BAX still underwent…").
  const things = thingNegationsOf(
    text,
    tokens,
    (j) =>
      words[j]!.direction !== 0 ||
      ADVERB.test(tokens[j]!.word) ||
      PREDICATE_ADVERB.test(tokens[j]!.word) ||
      restrictions?.ends.has(j) === true,
  );
  for (const at of things.reached) {
    const word = words[at]!;
    if (word.term === null || population?.[at] === true) continue;
    // What "lacking", "without" or "absence" reaches is a condition ("mice lacking TLR4 survived
    // polymicrobial sepsis"), as in the reading above, unless a negation of a predicate reached it first.
    if (!word.negated && CONDITION_NEGATION.has(things.markerOf.get(at) ?? '')) word.conditioned = true;
    word.negated = true;
  }
  // A clause's tokens are the sentence's tokens from its start to the next clause's (clauses start
  // at a token), so its terms and negations are read off the words already read.
  const clauseTerms = clauseStarts.map(() => new Set<string>());
  for (const word of words) if (word.term) clauseTerms[word.clause]!.add(word.term);
  const clauses: ClauseReading[] = clauseStarts.map((start, k) => ({
    terms: clauseTerms[k]!,
    negated: clauseNegated[k]!,
    nullFinding: NULL_FINDING.test(text.slice(start, clauseStarts[k + 1] ?? text.length)),
  }));
  const animal = ANIMAL.test(text);
  const human = HUMAN.test(text);
  const cells = CELLS.test(text);
  negated ||= predicateNegated;
  return {
    text,
    words,
    negated,
    deniesOnlyAlternative: negated && !predicateNegated,
    deniesThing: things.reached.size > 0,
    negatesOnlyThings: negated && things.onlyThings && !postposed,
    nullFinding: NULL_FINDING.test(text),
    clauses,
    quantifier: always === (never || ONLY_A_PART.test(text)) ? 0 : always ? 1 : -1,
    species: cells ? (animal || human ? null : 'cells') : animal === human ? null : animal ? 'animal' : 'human',
    hedged: HEDGE.test(text),
    contrastive: CONTRAST.test(text),
    alternatives: alternativesOf(text, tokens),
    keptTo: keptToTermsOf(text, tokens),
    comparisons: comparisonsOf(text, tokens),
    requirements: requirementsOf(text, tokens),
  };
}
