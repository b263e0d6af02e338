// Which search results the map highlights: only those above a relevance bar, so "3 papers match"
// means three papers contain the words, not "the top 12 whatever their score".
import type { SearchResult } from '../../../../server/search/search.schema.ts';

/** A semantic-only result counts when its score is at least this share of the best result's. */
export const SEMANTIC_SHARE_OF_BEST = 0.8;

/**
 * The relevant results, best first: those whose passages contain a query word (a keyword
 * highlight). When no result has one (a semantic search, or words the library lacks), those
 * scoring within SEMANTIC_SHARE_OF_BEST of the best.
 */
export function relevantHits(results: readonly SearchResult[]): SearchResult[] {
  const withWords = results.filter((r) => r.passages.some((p) => p.highlights.length > 0));
  if (withWords.length > 0) return withWords;
  const best = results[0]?.score ?? 0;
  if (best <= 0) return [];
  return results.filter((r) => r.score >= best * SEMANTIC_SHARE_OF_BEST);
}
