// Bags of analyzer terms and their TF-IDF vectors (sublinear tf, the library's IDF, unit length):
// what the support features compare a claim and its candidate sentences with.
import { terms } from '../../indexer/text/analyze.ts';
import { inverseDocumentFrequency, type TermStatistics } from './term-statistics.ts';

/** The terms of a text in order, and how often each occurs (in order of first occurrence). */
export type TermBag = { terms: string[]; counts: Map<string, number> };

/** A term's weight in a vector; terms absent from the text are absent from it. */
export type TermVector = Map<string, number>;

/** The analyzer's terms of a text, counted. */
export function bagOf(text: string): TermBag {
  const list = terms(text);
  const counts = new Map<string, number>();
  for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { terms: list, counts };
}

/** The distinct "a b" pairs of adjacent terms. */
export function bigramsOf(list: readonly string[]): Set<string> {
  const bigrams = new Set<string>();
  for (let i = 1; i < list.length; i++) bigrams.add(`${list[i - 1]} ${list[i]}`);
  return bigrams;
}

/** The unit-length TF-IDF vector of term counts: (1 + ln tf) × IDF. */
export function tfidf(counts: ReadonlyMap<string, number>, statistics: TermStatistics): TermVector {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * inverseDocumentFrequency(statistics, term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / Math.sqrt(norm));
  return vector;
}

/** The dot product of two vectors (their cosine, both being unit length). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}
