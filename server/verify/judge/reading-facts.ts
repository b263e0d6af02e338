// What the stance features read off a sentence reading and compare between two: the direction of
// effect attached to each term, the terms in a negation's scope, opposite words (from the lexicon
// or by a negating prefix), alternatives one side denies, and quantities. Worked out on first use
// and kept with the reading.
import { tokenize } from '../../../indexer/text/analyze.ts';
import { antonymsOf, polarStem } from './antonyms.ts';
import type { Comparison } from './comparisons.ts';
import { withDegreePhrases } from './degree-phrases.ts';
import { type Quantity, quantitiesOf } from './quantities.ts';
import type { Alternative, ReadWord, SentenceReading } from './stance-reading.ts';
import { wordCountsOf } from './word-counts.ts';

const ANCHOR_REACH = 6;

// What the stance features read off a reading (its terms, negated terms, directions, opposites),
// worked out on first use and kept with it: a claim is compared with every paper of a request, and
// a kept evidence sentence with every claim that cites its paper. Most sentences have no negated
// term, no prefix negation and no quantity, and share one empty value then, so that the 2,048 kept
// readings hold little more than before. Shared, so never mutated.
type ReadingFacts = {
  terms?: ReadonlySet<string>;
  negated?: ReadonlySet<string>;
  directions?: ReadonlyMap<string, -1 | 1>;
  anchors?: ReadonlyMap<string, AnchorWord>;
  polar?: ReadonlyMap<string, boolean>;
  /** The lexicon stems of the words the sentence keeps to ("positive-only"). */
  keepsTo?: ReadonlySet<string>;
  prefixed?: PrefixedWords;
  quantities?: readonly Quantity[];
};
const facts = new WeakMap<SentenceReading, ReadingFacts>();
const NONE: ReadonlySet<string> = new Set();
const NO_POLAR: ReadonlyMap<string, boolean> = new Map();
const NO_DIRECTIONS: ReadonlyMap<string, -1 | 1> = new Map();
const NO_QUANTITIES: readonly Quantity[] = Object.freeze([]);

function factsOf(reading: SentenceReading): ReadingFacts {
  let known = facts.get(reading);
  if (!known) {
    known = {};
    facts.set(reading, known);
  }
  return known;
}

/**
 * The quantities a reading's sentence states (quantitiesOf, and the counts it writes in words:
 * wordCountsOf), read on first use: only a claim that
 * states one compares them with its evidence (shared: do not mutate).
 */
export function quantitiesOfReading(reading: SentenceReading): readonly Quantity[] {
  const known = factsOf(reading);
  if (!known.quantities) {
    const found = [...quantitiesOf(reading.text), ...wordCountsOf(reading.text)];
    known.quantities = found.length > 0 ? found : NO_QUANTITIES;
  }
  return known.quantities;
}

/** The distinct content terms of a reading, in order (shared: do not mutate). */
export function termsOfReading(reading: SentenceReading): ReadonlySet<string> {
  const known = factsOf(reading);
  if (!known.terms) {
    const found = new Set<string>();
    for (const word of reading.words) if (word.term !== null) found.add(word.term);
    known.terms = found;
  }
  return known.terms;
}

/** The content terms in a negation's scope (negationScope(reading).inside; shared: do not mutate). */
export function negatedTermsOf(reading: SentenceReading): ReadonlySet<string> {
  const known = factsOf(reading);
  if (!known.negated) {
    const inside = new Set<string>();
    for (const word of reading.words) if (word.term && word.negated) inside.add(word.term);
    known.negated = inside.size > 0 ? inside : NONE;
  }
  return known.negated;
}

/** The word of change a term takes its direction from: its term, and whether it stands before the term. */
export type AnchorWord = { cue: string; before: boolean };

// The word of change each content term takes its direction from (its first occurrence's nearest
// within ANCHOR_REACH in its clause), by term, and whether it stands before the term.
function anchorCuesOf(reading: SentenceReading): Map<string, { cue: ReadWord; before: boolean }> {
  const cues = new Map<string, { cue: ReadWord; before: boolean }>();
  const { words } = reading;
  words.forEach((word, i) => {
    if (!word.term || word.direction !== 0 || cues.has(word.term)) return;
    for (let distance = 1; distance <= ANCHOR_REACH; distance++) {
      // The word before wins over the word after at the same distance.
      let cue = words[i - distance];
      let before = true;
      if (!cue || cue.direction === 0 || cue.clause !== word.clause) {
        cue = words[i + distance];
        before = false;
      }
      if (cue && cue.direction !== 0 && cue.clause === word.clause) {
        cues.set(word.term, { cue, before });
        return;
      }
    }
  });
  return cues;
}

function anchoredDirectionsNow(reading: SentenceReading): Map<string, -1 | 1> {
  const anchored = new Map<string, -1 | 1>();
  for (const [term, { cue }] of anchorCuesOf(reading))
    anchored.set(term, (cue.negated ? -cue.direction : cue.direction) as -1 | 1);
  return anchored;
}

/**
 * The word of change each content term takes its direction from (its term, '' when it has none), and
 * whether it stands before the term, read when asked for (shared: do not mutate).
 */
export function anchorWordsOf(reading: SentenceReading): ReadonlyMap<string, AnchorWord> {
  const known = factsOf(reading);
  if (!known.anchors) {
    const found = new Map<string, AnchorWord>();
    for (const [term, { cue, before }] of anchorCuesOf(reading)) found.set(term, { cue: cue.term ?? '', before });
    known.anchors = found;
  }
  return known.anchors;
}

/**
 * The direction of effect attached to each content term: the nearest direction word within six
 * words in the same clause, flipped when the term lies in a negation's scope (shared: do not mutate).
 */
export function anchoredDirections(reading: SentenceReading): ReadonlyMap<string, -1 | 1> {
  const known = factsOf(reading);
  if (!known.directions) {
    const found = withDegreePhrases(reading, anchoredDirectionsNow(reading));
    known.directions = found.size > 0 ? found : NO_DIRECTIONS;
  }
  return known.directions;
}

const NEGATING_PREFIX = /^(?:un|in|im|non-?|dis|ir|il)(\p{L}{4,})$/u;

/**
 * Of a sentence's words, the words that those negating by a prefix negate ("related" of
 * "unrelated"), and all its words (read when asked for: only a pair where a side negates a word
 * by a prefix compares them).
 */
type PrefixedWords = { negating: ReadonlyArray<string>; words: () => ReadonlySet<string> };

const NO_WORDS: ReadonlyArray<string> = Object.freeze([]);

function prefixedWordsOf(words: () => ReadonlySet<string>): PrefixedWords {
  const negating: string[] = [];
  for (const word of words()) {
    const rest = NEGATING_PREFIX.exec(word)?.[1];
    if (rest !== undefined) negating.push(rest);
  }
  return { negating, words };
}

// Whether `from` negates by a prefix a word that `to` states and `from` does not.
const negatesByPrefix = (from: PrefixedWords, to: PrefixedWords) =>
  from.negating.some((rest) => to.words().has(rest) && !from.words().has(rest));

/**
 * Words that one sentence negates by a prefix and the other states plainly: "unrelated" against
 * "related", "ineffective" against "effective", "nonsignificant" against "significant".
 */
export function prefixAntonyms(a: string, b: string): boolean {
  const wordsOf = (text: string) => {
    const words = new Set(tokenize(text).map((t) => t.word));
    return () => words;
  };
  const first = prefixedWordsOf(wordsOf(a));
  const second = prefixedWordsOf(wordsOf(b));
  return negatesByPrefix(first, second) || negatesByPrefix(second, first);
}

/** prefixAntonyms of the texts two readings were read from. */
export function prefixAntonymsOfReadings(a: SentenceReading, b: SentenceReading): boolean {
  // Most sentences negate no word by a prefix: a pair of two such has nothing to compare, and the
  // words of a sentence are kept only while it has one (else read again when a pair needs them).
  const prefixed = (reading: SentenceReading) => {
    const known = factsOf(reading);
    if (!known.prefixed) {
      const words = new Set(tokenize(reading.text).map((t) => t.word));
      const found = prefixedWordsOf(() => words);
      known.prefixed =
        found.negating.length > 0
          ? found
          : { negating: NO_WORDS, words: () => new Set(tokenize(reading.text).map((t) => t.word)) };
    }
    return known.prefixed;
  };
  const first = prefixed(a);
  const second = prefixed(b);
  return negatesByPrefix(first, second) || negatesByPrefix(second, first);
}

// "rarely severe", "never mild", "were rarely, if ever, malignant": a word of never just before a
// lexicon word (past only forms of "be", "very" and "if ever") says it mostly does not hold; one
// that opens a noun phrase ("in never smokers, severe asthma…") says nothing of the word.
const NEVER_BEFORE = /^(?:never|rarely|seldom)$/u;
const BETWEEN_NEVER = /^(?:is|are|was|were|be|been|being|very|if|ever)$/u;
// "…generally mild, except when the infarct extended into the internal capsule": what an exception names.
const EXCEPTION = /\b(?:except|unless)\b([^,;.]*)/iu;

// Each lexicon word of a reading, first occurrence, with whether it lies in a negation's scope or
// just after a word of never ("rarely severe").
function polarWordsOf(reading: SentenceReading): ReadonlyMap<string, boolean> {
  const known = factsOf(reading);
  if (!known.polar) {
    const found = new Map<string, boolean>();
    const tokens = reading.words.some((word) => word.polar) ? tokenize(reading.text) : [];
    const neverBefore = (i: number) => {
      let j = i - 1;
      while (j >= 0 && BETWEEN_NEVER.test(tokens[j]!.word)) j--;
      return j >= 0 && NEVER_BEFORE.test(tokens[j]!.word);
    };
    reading.words.forEach((word, i) => {
      if (word.polar && !found.has(word.polar)) found.set(word.polar, word.negated || neverBefore(i));
    });
    known.polar = found.size > 0 ? found : NO_POLAR;
  }
  return known.polar;
}

// Whether the evidence states an exception ("except when…", "unless…") that the claim names, every
// word of it, without making an exception of its own: the claim speaks of the case where the
// evidence's opposite word does not hold.
function exceptionNamed(claim: SentenceReading, evidence: SentenceReading): boolean {
  const exception = EXCEPTION.exec(evidence.text)?.[1];
  if (!exception || EXCEPTION.test(claim.text)) return false;
  const wanted = tokenize(exception).flatMap((token) => (token.term ? [token.term] : []));
  if (wanted.length === 0) return false;
  const named = termsOfReading(claim);
  return wanted.every((term) => named.has(term));
}

/**
 * Whether the evidence states the opposite of a word of the claim: a claim word's antonym
 * ("benign" → "malignant", "increase" → "decrease") is in the evidence, the word itself is not,
 * and neither or both lie in a negation's scope ("not effective" against "ineffective" agrees; so
 * does "rarely severe" against "mild"). A claim naming the exception the evidence makes ("severe
 * when the infarct extended…" against "mild, except when the infarct extended…") is not opposed.
 */
export function antonymConflict(claim: SentenceReading, evidence: SentenceReading): boolean {
  const claimWords = polarWordsOf(claim);
  if (claimWords.size === 0) return false;
  const evidenceWords = polarWordsOf(evidence);
  if (evidenceWords.size === 0 || exceptionNamed(claim, evidence)) return false;
  for (const [word, negated] of claimWords) {
    if (evidenceWords.has(word)) continue;
    for (const opposite of antonymsOf(word)) {
      if (claimWords.has(opposite)) continue;
      if (evidenceWords.get(opposite) === negated) return true;
    }
  }
  return false;
}

// "X-only", "only X", "solely X", "exclusively X", "purely X" (not "not only X", "the only X"): the
// word a sentence keeps to.
const KEEPS_TO =
  /\b(\p{L}[\p{L}\p{N}]*)-only\b|(?<!\b(?:not|the|if)\s+)\b(?:only|solely|exclusively|purely)\s+(\p{L}[\p{L}\p{N}]*)/giu;

/**
 * Whether one side keeps to a word ("a positive-only update", "only positive samples") and the other
 * states the word together with one of its opposites ("positive and negative samples", "positive or
 * negative"). A side that states the opposite alone is the antonym cue's; one that keeps to the word
 * too, or sets the pair against something ("Unlike methods that need positive and negative pairs"),
 * denies nothing.
 */
function keptToDenied(keeping: SentenceReading, stating: SentenceReading): boolean {
  const kept = keptToWordsOf(keeping);
  if (kept.size === 0 || stating.contrastive) return false;
  const keptToo = keptToWordsOf(stating);
  const tokens = tokenize(stating.text);
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i + 1]!.word !== 'and' && tokens[i + 1]!.word !== 'or') continue;
    const first = polarStem(tokens[i]!.word);
    const second = polarStem(tokens[i + 2]!.word);
    if (first === undefined || second === undefined) continue;
    for (const [word, other] of [
      [first, second],
      [second, first],
    ] as const) {
      if (kept.has(word) && !keptToo.has(word) && antonymsOf(word).has(other)) return true;
    }
  }
  return false;
}

/** The lexicon stems of the words a sentence keeps to ("positive-only" → "posit"). */
function keptToWordsOf(reading: SentenceReading): ReadonlySet<string> {
  const known = factsOf(reading);
  if (!known.keepsTo) {
    const found = new Set<string>();
    for (const match of reading.text.matchAll(KEEPS_TO)) {
      const polar = polarStem((match[1] ?? match[2]!).toLowerCase());
      if (polar !== undefined) found.add(polar);
    }
    known.keepsTo = found.size > 0 ? found : NONE;
  }
  return known.keepsTo;
}

/**
 * Whether one side denies what the other states plainly, in favour of something the other does not
 * state: "runs on consumer GPUs rather than CPUs" against "runs on consumer CPUs". Both ways round.
 * The evidence is read as a whole: a paper that states both alternatives is not denied either.
 * `elsewhere`: the paper's other sentences that name an alternative ("…dynamically instead of using
 * a fixed K"), which deny what the claim states wherever they stand in the paper. A side that keeps
 * to a word ("positive-only") denies its opposites too, even beside the word ("positive and
 * negative samples"), read in the evidence sentences only.
 */
export function deniedAlternative(
  claim: SentenceReading,
  evidence: readonly SentenceReading[],
  elsewhere: readonly SentenceReading[] = [],
): boolean {
  const statedIn = (readings: readonly SentenceReading[]) =>
    new Set(readings.flatMap((r) => r.words.filter((w) => w.term && !w.negated).map((w) => w.term!)));
  const denies = (alternatives: readonly Alternative[], stated: ReadonlySet<string>) =>
    alternatives.some(({ preferred, denied }) => !stated.has(preferred) && stated.has(denied));
  if (claim.alternatives.length > 0 && denies(claim.alternatives, statedIn(evidence))) return true;
  if (evidence.some((reading) => keptToDenied(reading, claim) || keptToDenied(claim, reading))) return true;
  // Most evidence prefers nothing: then what the claim states need not be gathered.
  const denying = [...evidence, ...elsewhere].filter((reading) => reading.alternatives.length > 0);
  if (denying.length === 0) return false;
  const claimStates = statedIn([claim]);
  return denying.some((reading) => denies(reading.alternatives, claimStates));
}

/**
 * Whether the evidence ranks the claim's two sides the other way round: "A is more effective than B"
 * against "B was more effective than A", or against "A was less effective than B"; or sets alike
 * what the other side says differ widely ("A performs comparably to B" against "A outperforms B by
 * a wide margin", either way round; a plain "outperforms" may be a small difference, and is not
 * read so). Each side is known by a term only it names; a comparison whose sides the evidence does
 * not name is not read; nor a claim of worth ("outperforms") against two values or superlatives;
 * and when the evidence also keeps the ranking elsewhere (a ranking that differs by measure), a
 * reversal counts only in a sentence closer to the claim than every keeping one.
 */
export function comparisonConflict(claim: SentenceReading, evidence: readonly SentenceReading[]): boolean {
  if (claim.comparisons.length === 0) return false;
  const meets = (a: readonly string[], b: readonly string[]) => a.some((t) => b.includes(t));
  // How an evidence comparison reads the claim's: 'reversed', 'kept', or null (other sides, or a
  // measure the claim does not compare).
  const against = (c: Comparison, e: Comparison, reading: SentenceReading): 'reversed' | 'kept' | null => {
    let same = meets(c.left, e.left) && meets(c.right, e.right);
    let swapped = meets(c.left, e.right) && meets(c.right, e.left);
    // Sides that share their setting ("… in the early phase") are told apart by their heads.
    if (same === swapped && c.rightHead && e.rightHead) {
      same = meets(c.left, e.left) && meets(c.rightHead, e.rightHead);
      swapped = meets(c.left, e.rightHead) && meets(c.rightHead, e.left);
    }
    if (same === swapped) return null;
    if (!measureRead(c, e, claim) || !measureRead(e, c, reading)) return null;
    // Two values or superlatives rank by what they measure, never by worth ("outperforms").
    if ((c.judging && e.ranked) || (e.judging && c.ranked)) return null;
    if (c.direction === 0 || e.direction === 0)
      return c.direction !== e.direction && (c.wide || e.wide) ? 'reversed' : null;
    return (same ? c.direction !== e.direction : c.direction === e.direction) ? 'reversed' : 'kept';
  };
  // A paper that ranks the two sides both ways, on different measures ("sadness was higher on A than
  // on B"; "the total score was higher on B than on A"), is read by the sentence closest to the
  // claim: the one sharing most of its terms, among those that only reverse or only keep its ranking.
  // A reversal counts when it is closer than every keeping sentence.
  const claimTerms = [...termsOfReading(claim)];
  return claim.comparisons.some((c) => {
    let reversed = -1;
    let kept = -1;
    for (const reading of evidence) {
      const reads = reading.comparisons.map((e) => against(c, e, reading));
      const reverses = reads.includes('reversed');
      if (reverses === reads.includes('kept')) continue;
      const named = termsOfReading(reading);
      const shared = claimTerms.filter((t) => named.has(t)).length;
      if (reverses) reversed = Math.max(reversed, shared);
      else kept = Math.max(kept, shared);
    }
    return reversed >= 0 && reversed > kept;
  });
}

// Whether `other`, read in `otherReading`, ranks by the lower-is-better measure `pair`'s sentence
// names, if any: it names that measure and compares amounts, not worth ("A was more effective than B in
// preventing death" against "mortality was 8% with A versus 12% with B" reverses nothing). A pair that
// itself judges worth ("more effective") ranks by worth whatever measure its sentence also names.
function measureRead(pair: Comparison, other: Comparison, otherReading: SentenceReading): boolean {
  if (!pair.measure || pair.judging) return true;
  const named = termsOfReading(otherReading);
  return !other.judging && pair.measure.some((t) => named.has(t));
}

/** Content terms in a negation's scope, and those outside any. */
export function negationScope(reading: SentenceReading): { inside: Set<string>; outside: Set<string> } {
  const inside = new Set<string>();
  const outside = new Set<string>();
  for (const word of reading.words) {
    if (!word.term) continue;
    (word.negated ? inside : outside).add(word.term);
  }
  return { inside, outside };
}
