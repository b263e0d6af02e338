// The one text analyzer: how Citelens splits text into search terms (words, lowercased,
// English stop words removed, Porter-stemmed). Keyword search, the builtin embedder and
// highlighting all use it, so a term means the same thing everywhere.
import { stemmer } from 'stemmer';

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
  /** The word, lowercased. */
  word: string;
  /** The search term (stemmed), or null for a stop word. */
  term: string | null;
  start: number;
  end: number;
};

// Letters and digits, with inner apostrophes, dots in numbers and hyphens kept out (each part is a word).
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// A soft hyphen or an invisible joiner inside a word (text copied out of a PDF: "faith\u00ADfulness")
// is no break: the word is read without it. `terms` drops them from the whole text first (one test
// per text on the hot path); `tokenize`, which keeps offsets, reads words across them.
const WORD_ACROSS_JOINERS = /[\p{L}\p{N}]+(?:['’][\p{L}]+|(?:\u00AD|\u200C|\u200D|\u2060)[\p{L}\p{N}]+)*/gu;
const INVISIBLE = /\u00AD|\u200C|\u200D|\u2060/u;
const INVISIBLE_ALL = /\u00AD|\u200C|\u200D|\u2060/gu;
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

/** Splits text into tokens with their offsets; possessive 's is dropped as Lucene does. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_ACROSS_JOINERS)) {
    const raw = match[0];
    const start = match.index;
    let word = raw.toLowerCase();
    if (word.includes("'") || word.includes('’')) word = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (INVISIBLE.test(word)) word = word.replace(INVISIBLE_ALL, '');
    if (word.length === 0) continue;
    if (word.length > MAX_WORD_LENGTH) word = word.slice(0, MAX_WORD_LENGTH);
    tokens.push({ word, term: STOP_WORDS.has(word) ? null : stem(word), start, end: start + raw.length });
  }
  return tokens;
}

/** The search terms of a text, in order, stop words removed (the hot path of indexing: no Token objects). */
export function terms(written: string): string[] {
  const out: string[] = [];
  const text = INVISIBLE.test(written) ? written.replace(INVISIBLE_ALL, '') : written;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    let word = match[0].toLowerCase();
    if (word.includes("'") || word.includes('’')) word = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (word.length === 0 || STOP_WORDS.has(word)) continue;
    out.push(stem(word.length > MAX_WORD_LENGTH ? word.slice(0, MAX_WORD_LENGTH) : word));
  }
  return out;
}
