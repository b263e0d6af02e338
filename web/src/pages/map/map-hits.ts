// Which search results the map highlights: only those above a relevance bar, so "3 papers match"
// means three papers contain the words, not "the top 12 whatever their score".
import { clearsMatchFloor } from '../../../../server/search/match-floor.ts';
import type { SearchResult } from '../../../../server/search/search.schema.ts';

/**
 * The relevant results, best first: those whose passages contain a query word (a keyword
 * highlight). When no result has one (a semantic search, or words the library lacks), those
 * clearing the search's relevance floor (server/search/match-floor.ts) set by the best.
 */
export function relevantHits(results: readonly SearchResult[]): SearchResult[] {
  const withWords = results.filter((r) => r.passages.some((p) => p.highlights.length > 0));
  if (withWords.length > 0) return withWords;
  const best = results[0]?.score ?? 0;
  return results.filter((r) => clearsMatchFloor(r.score, best));
}
