// The one text analyzer: how Citelens splits text into search terms (words, folded: lowercased
// without accents or compatibility forms; English stop words removed, Porter-stemmed). Keyword
// search, the builtin embedder and highlighting all use it, so a term means the same thing everywhere.
import { stemmer } from 'stemmer';
import { fold, isAscii } from './fold.ts';

/**
 * Which analysis made an index's terms, recorded in its manifest: bumped whenever a text's terms
 * change, so that `citelens index` re-analyzes an index made with another. 1: lowercased words;
 * 2: folded words (accents, ligatures and fullwidth forms), a decomposed accent inside its word.
 */
export const ANALYZER_VERSION = 2;

/** Lucene's English stop words, so keyword scores compare with the Lucene BM25 reference. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

/** A word of the text with its exact character span. */
export type Token = {
  /** The word as written, lowercased (what a person is shown; the term is made from its folded form). */
  word: string;
  /** The search term (folded and stemmed), or null for a stop word. */
  term: string | null;
  /** Offsets of the word in the text: a decomposed accent or a ligature is inside its word's span. */
  start: number;
  end: number;
};

// Letters and digits (with combining marks after the first, as decomposed text writes accents), with
// inner apostrophes, dots in numbers and hyphens kept out (each part is a word).
const LETTERS = '[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*';
const APOSTROPHE_PART = "['’]\\p{L}[\\p{L}\\p{M}]*";
const WORD = new RegExp(`${LETTERS}(?:${APOSTROPHE_PART})*`, 'gu');
// A folded word may fall apart into several (a compatibility form such as ⑴ folds to "(1)").
const FOLDED_WORD = new RegExp(`^${LETTERS}(?:${APOSTROPHE_PART})*$`, 'u');
const FOLDED_WORDS = new RegExp(`${LETTERS}(?:${APOSTROPHE_PART})*`, 'gu');
// A soft hyphen or an invisible joiner inside a word (text copied out of a PDF: "faith\u00ADfulness")
// is no break: the word is read without it. `terms` drops them from the whole text first (one test
// per text on the hot path); `tokenize`, which keeps offsets, reads words across them.
const WORD_ACROSS_JOINERS = new RegExp(
  `${LETTERS}(?:${APOSTROPHE_PART}|(?:\\u00AD|\\u200C|\\u200D|\\u2060)${LETTERS})*`,
  'gu',
);
const INVISIBLE = /\u00AD|\u200C|\u200D|\u2060/u;
const INVISIBLE_ALL = /\u00AD|\u200C|\u200D|\u2060/gu;
// Any UTF-16 code unit above ASCII (surrogates included).
const NON_ASCII = /[\u0080-\uffff]/;
const MAX_WORD_LENGTH = 64;

const stemCache = new Map<string, string>();

/** Porter stem of a lowercased word (cached: stemming is the analyzer's hot path). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^\p{N}+$/u.test(word) ? word : stemmer(word);
    if (stemCache.size > 500_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** A lowercased word without its possessive 's (as Lucene drops it) or inner apostrophes, at most MAX_WORD_LENGTH long. */
function bareWord(word: string): string {
  if (word.includes("'") || word.includes('’')) word = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
  return word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word;
}

/** The folded words of a word that is not all ASCII: one, or several when a compatibility form folds to more. */
function foldedWords(word: string): string[] {
  const folded = fold(word);
  if (FOLDED_WORD.test(folded)) return [folded];
  return folded.match(FOLDED_WORDS) ?? [];
}

/** Splits text into tokens with their offsets in it; possessive 's is dropped as Lucene does. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (word: string, folded: string, start: number, end: number) => {
    const bare = bareWord(folded);
    if (bare.length === 0) return;
    const shown = word === folded ? bare : bareWord(word);
    tokens.push({ word: shown, term: STOP_WORDS.has(bare) ? null : stem(bare), start, end });
  };
  for (const match of text.matchAll(WORD_ACROSS_JOINERS)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const word = (INVISIBLE.test(raw) ? raw.replace(INVISIBLE_ALL, '') : raw).toLowerCase();
    if (isAscii(word)) {
      push(word, word, start, end);
      continue;
    }
    // Every word a folded one falls apart into spans the whole word as written.
    const parts = foldedWords(word);
    if (parts.length === 1) push(word, parts[0]!, start, end);
    else for (const part of parts) push(part, part, start, end);
  }
  return tokens;
}

/** The search terms of a text, in order, stop words removed (the hot path of indexing: no Token objects). */
export function terms(written: string): string[] {
  const out: string[] = [];
  const text = INVISIBLE.test(written) ? written.replace(INVISIBLE_ALL, '') : written;
  // Most texts are all ASCII: their words are only lowercased, without a look at each.
  const ascii = !NON_ASCII.test(text);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const raw = match[0];
    if (ascii || isAscii(raw)) {
      let word = raw.toLowerCase();
      if (word.includes("'") || word.includes('’')) word = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
      if (word.length === 0 || STOP_WORDS.has(word)) continue;
      out.push(stem(word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word));
      continue;
    }
    for (const part of foldedWords(raw)) {
      const word = bareWord(part);
      if (word.length > 0 && !STOP_WORDS.has(word)) out.push(stem(word));
    }
  }
  return out;
}
