// A search query as the analyzer sees it: its terms with repeats (BM25 weighs a repeated term
// more) and the set of distinct terms (for highlighting and passage scoring).
import { terms } from '../../indexer/index.ts';

export type AnalyzedQuery = {
  text: string;
  /** Analyzer terms in query order, repeats kept. */
  terms: string[];
  /** How often each distinct term occurs in the query. */
  counts: ReadonlyMap<string, number>;
};

/** Analyzes query text with the one analyzer the index uses. */
export function analyzeQuery(text: string): AnalyzedQuery {
  const queryTerms = terms(text);
  const counts = new Map<string, number>();
  for (const term of queryTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { text, terms: queryTerms, counts };
}
