// Which search results the map highlights, and the line that counts them: the papers the search
// itself says match (each result's `match`, the server's count `total`), so the Map and Search
// count alike, "3 papers match" meaning the three the Search page lists above its divider.
import type { SearchResponse, SearchResult } from '../../../../server/search/search.schema.ts';

/** The matching results, best first (the search ranks them before the rest). */
export function matchingHits(results: readonly SearchResult[]): SearchResult[] {
  return results.filter((r) => r.match);
}

/**
 * The map's count line for a search whose first `shown` matches are drawn: "3 papers match “q”",
 * "Top 30 of 44 papers matching “q”", "No papers match “q”" (as the Map has worded it).
 */
export function mapHitsSummary(
  response: Pick<SearchResponse, 'total' | 'totalIsLowerBound'>,
  shown: number,
  query: string,
): string {
  const { total, totalIsLowerBound } = response;
  if (shown === 0) {
    return totalIsLowerBound
      ? `No paper among those checked matches “${query}”; more may`
      : `No papers match “${query}”`;
  }
  if (shown < total || totalIsLowerBound) {
    return `Top ${shown} of ${totalIsLowerBound ? 'at least ' : ''}${total} papers matching “${query}”`;
  }
  return `${total} ${total === 1 ? 'paper matches' : 'papers match'} “${query}”`;
}

/** Whether a result holds words searched for (its passages mark them), rather than matching by meaning alone. */
export function holdsQueryWords(result: SearchResult): boolean {
  return result.passages.some((p) => p.highlights.length > 0);
}

/** What the listed hits are: papers holding the words searched for, close in meaning, or both. */
export function hitsNote(hits: readonly SearchResult[]): string {
  const withWords = hits.filter(holdsQueryWords).length;
  if (withWords === hits.length) return 'Papers whose title or abstract contains the words searched for, best first.';
  if (withWords === 0)
    return 'No paper contains the words; these are the ones close enough in meaning to match (dashed rings), best first.';
  return 'Papers that contain the words searched for (solid rings) or come close enough in meaning to match (dashed rings), best first.';
}
