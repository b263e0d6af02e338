// Opposite words between a claim and its evidence: a word of the antonym lexicon against its opposite
// ("benign" against "malignant"), read with negation and words of never ("rarely severe"), and a word
// one side negates by a prefix against the other's plain word ("unrelated" against "related").
import { tokenize } from '../../../indexer/text/analyze.ts';
import { antonymsOf } from './antonyms.ts';
import { gradedSidesSwapped } from './comparison-conflicts.ts';
import { factsOf, termsOfReading } from './reading-facts.ts';
import type { SentenceReading } from './stance-reading.ts';

const NO_POLAR: ReadonlyMap<string, boolean> = new Map();

const NEGATING_PREFIX = /^(?:un|in|im|non-?|dis|ir|il)(\p{L}{4,})$/u;

/**
 * Of a sentence's words, the words that those negating by a prefix negate ("related" of
 * "unrelated"), and all its words (read when asked for: only a pair where a side negates a word
 * by a prefix compares them).
 */
export type PrefixedWords = { negating: ReadonlyArray<string>; words: () => ReadonlySet<string> };

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
// The lexicon stems of "more" and "less", which grade the word after them.
const GRADING = /^(?:more|less)$/u;
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
    // "less quickly" says what "more slowly" does: the lexicon word just after "less" is turned round.
    reading.words.forEach((word, i) => {
      if (word.polar && !found.has(word.polar))
        found.set(word.polar, word.negated !== (tokens[i - 1]?.word === 'less') || neverBefore(i));
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

// The lexicon word just after the first "more" or "less" (`comparative`, its stem) of a reading, if any.
function gradedBy(reading: SentenceReading, comparative: string): string | null {
  const at = reading.words.findIndex((word) => word.polar === comparative);
  return at >= 0 ? (reading.words[at + 1]?.polar ?? null) : null;
}

// Whether "more" on one side and "less" on the other each grade a lexicon word, the two words being
// opposites ("declined more slowly" against "fell less quickly"): they say the same, unless of two
// sides named the other way round.
function gradesOpposites(claim: SentenceReading, word: string, evidence: SentenceReading, opposite: string): boolean {
  if (!GRADING.test(word) || !GRADING.test(opposite)) return false;
  const graded = gradedBy(claim, word);
  const other = gradedBy(evidence, opposite);
  return graded !== null && other !== null && antonymsOf(graded).has(other);
}

const DENYING_NEED = /^dispens/u;
const NECESSITY = /^(?:requir|need|necessari|essenti|crucial)/u;

/**
 * Whether the evidence states the opposite of a word of the claim: a claim word's antonym
 * ("benign" → "malignant", "increase" → "decrease") is in the evidence, the word itself is not,
 * and neither or both lie in a negation's scope ("not effective" against "ineffective" agrees; so
 * does "rarely severe" against "mild"). A claim naming the exception the evidence makes ("severe
 * when the infarct extended…" against "mild, except when the infarct extended…") is not opposed;
 * nor are `turned`, the lexicon stems of the claim's and the evidence's comparatives of one ranking
 * named from either side ("more … than smokers" against "smokers had less …").
 */
export function antonymConflict(
  claim: SentenceReading,
  evidence: SentenceReading,
  turned: ReadonlyArray<string | undefined> = [],
): boolean {
  const claimWords = polarWordsOf(claim);
  if (claimWords.size === 0) return false;
  const evidenceWords = polarWordsOf(evidence);
  if (evidenceWords.size === 0 || exceptionNamed(claim, evidence)) return false;
  // "more slowly in A than in B" against "less quickly in B than in A": the sides swapped, the two differ.
  const swapped = gradedSidesSwapped(claim, evidence);
  for (const [word, negated] of claimWords) {
    if (evidenceWords.has(word)) continue;
    for (const opposite of antonymsOf(word)) {
      if (claimWords.has(opposite)) continue;
      // "dispensable for growth but required for crossing" against "essential for crossing": the claim
      // says the necessity too, of another thing; its "dispensable" is not the evidence's opposite.
      if (DENYING_NEED.test(word) && [...claimWords.keys()].some((w) => NECESSITY.test(w))) continue;
      // The comparatives of one ranking named from either side (turnedComparatives) say one finding.
      if (turned[0] === word && turned[1] === opposite) continue;
      // "more slowly" against "less quickly": the two grade opposite words alike.
      if (!swapped && gradesOpposites(claim, word, evidence, opposite)) continue;
      if (evidenceWords.get(opposite) === negated) return true;
    }
  }
  return false;
}
