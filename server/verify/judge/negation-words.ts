// The words that negate what a sentence asserts ("not", "no", "never", "lacks", "unchanged", "didn't",
// "little effect"), and those that look like one and assert ("not only", "whether or not").
import { ASSERTING_NOT, weakNullAt } from './null-findings.ts';

const NEGATION_WORDS = new Set([
  'not',
  'no',
  'never',
  'none',
  'neither',
  'nor',
  'cannot',
  'lack',
  'lacks',
  'lacked',
  'fail',
  'fails',
  'failed',
  'absent',
  'absence',
  'unable',
  'incapable',
  'inability',
  'unaffected',
  'unrelated',
  'unchanged',
  // "stay untouched" and "left unaltered" say what "left unchanged" does, so a paraphrase agrees with it.
  'untouched',
  'unaltered',
  'independent',
  'insignificant',
  'nonsignificant',
  'non-significant',
]);
const CONTRACTED_NEGATION = /^(?:do|does|did|is|are|was|were|ca|can|wo|could|should|would|has|have|had)nt$/u;

/** "not only … but also", "not surprisingly" and "whether or not" assert, they do not negate. */
export function notANegation(tokens: ReadonlyArray<{ word: string }>, i: number): boolean {
  const word = tokens[i]!.word;
  if (word === 'not' && ASSERTING_NOT.test(tokens[i + 1]?.word ?? '')) return true;
  return word === 'not' && tokens[i - 1]?.word === 'or' && tokens[i - 2]?.word === 'whether';
}

/**
 * Whether token i is the "not" of "A but not B" ("carried by clinical but not by laboratory strains"):
 * it denies B beside A, as "rather than" does; not in a question ("whether").
 */
export function butNotAt(tokens: ReadonlyArray<{ word: string }>, i: number): boolean {
  return (
    tokens[i]!.word === 'not' && tokens[i - 1]?.word === 'but' && !tokens.slice(0, i).some((t) => t.word === 'whether')
  );
}

/** Whether a word is a negation word ("not", "no", "lacks", "unchanged", a contracted "didnt"). */
export function isNegation(word: string): boolean {
  return NEGATION_WORDS.has(word) || CONTRACTED_NEGATION.test(word);
}

// A hyphen joining two words, or a parenthesis and the word after it ("CRACM1 (Orai1)-deficient").
const HYPHEN_JOIN = /^(?:[)\]]?-|\s+-)$/u;

/**
 * Whether the word at `i` is joined to the word before it by a hyphen ("SHH-independent groups",
 * "CRACM1-deficient mice"): such a compound names a kind of the thing after it and negates nothing.
 */
export function hyphenated(text: string, tokens: ReadonlyArray<{ start: number; end: number }>, i: number): boolean {
  return i > 0 && HYPHEN_JOIN.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
}

/** Whether the token at `i` negates a predicate ("not", "unchanged", "little effect"), as the reading counts it. */
export function negatesAt(tokens: ReadonlyArray<{ word: string }>, i: number): boolean {
  return (isNegation(tokens[i]!.word) && !notANegation(tokens, i)) || weakNullAt(tokens, i);
}
