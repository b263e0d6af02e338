// Phrases as the keyword index sees words: each word analyzed (lower-cased, stemmed, so "KV-cache" and
// "kv caches" read alike), matched adjacent and in order within a title or an abstract.
import { type Token, tokenize } from '../../indexer/index.ts';

/** A phrase of the query, analyzed. */
export type AnalyzedPhrase = {
  /** The phrase as typed. */
  text: string;
  /** One key per word: its search term, or the word itself (marked) for a stop word, which the index does not hold. */
  keys: string[];
  /** The phrase's search terms, in order (stop words left out): every one must be in a paper's postings. */
  terms: string[];
};

// Stop words have no term; they match by the word itself, marked so no stem can equal one.
function keyOf(token: Token): string {
  return token.term ?? `\u0000${token.word}`;
}

/** Analyzes a phrase; null when it has no word the index holds (only stop words or punctuation). */
export function analyzePhrase(text: string): AnalyzedPhrase | null {
  const tokens = tokenize(text);
  const terms = tokens.flatMap((token) => (token.term === null ? [] : [token.term]));
  if (terms.length === 0) return null;
  return { text, keys: tokens.map(keyOf), terms };
}

/** Where the phrase occurs among the tokens: the index of each occurrence's first token. */
export function phraseOccurrences(tokens: readonly Token[], phrase: AnalyzedPhrase): number[] {
  const found: number[] = [];
  const { keys } = phrase;
  for (let i = 0; i + keys.length <= tokens.length; i++) {
    let j = 0;
    while (j < keys.length && keyOf(tokens[i + j]!) === keys[j]) j++;
    if (j === keys.length) found.push(i);
  }
  return found;
}

/** Whether the text holds the phrase. */
export function holdsPhrase(text: string, phrase: AnalyzedPhrase): boolean {
  return phraseOccurrences(tokenize(text), phrase).length > 0;
}

/** Whether a paper's title or abstract holds the phrase (a phrase does not run from the title into the abstract). */
export function paperHoldsPhrase(paper: { title: string; abstract: string }, phrase: AnalyzedPhrase): boolean {
  return holdsPhrase(paper.title, phrase) || holdsPhrase(paper.abstract, phrase);
}
