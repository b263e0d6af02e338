// The line above the results: which results these are, and how many papers match. Semantic and
// hybrid rankings go on past the matching papers to those closest in meaning (`match: false`), so
// a page may hold matches and non-matches, or only non-matches; the line says which, rather than
// "Results 11–20 of 4 matching papers".
import type { SearchPageResponse } from '../../api/search-contract.ts';

type Summarised = Pick<SearchPageResponse, 'results' | 'total' | 'totalIsLowerBound' | 'hasMore'> & {
  total?: number;
};

/** "44 matching papers", "at least 100 matching papers", "1 matching paper". */
export function matchingPapers(response: Pick<SearchPageResponse, 'total' | 'totalIsLowerBound'>): string {
  const total = response.total ?? 0;
  const bound = response.totalIsLowerBound;
  return `${bound ? 'at least ' : ''}${total.toLocaleString()} matching ${total === 1 && !bound ? 'paper' : 'papers'}`;
}

/** The summary of a page of results that starts at `offset` (not the empty or past-the-end page). */
export function resultSummary(response: Summarised, offset: number): string {
  const count = response.results.length;
  if (count === 0) return 'No results';
  const range = count === 1 && offset === 0 ? '1 result' : `Results ${offset + 1}–${offset + count}`;
  if (response.total === undefined) return `${range}${response.hasMore ? ' (more available)' : ''}`;
  const matches = response.results.filter((r) => r.match !== false).length;
  if (matches === count) return `${range} of ${matchingPapers(response)}`;
  if (response.total === 0 && !response.totalIsLowerBound) {
    return `${range}: no paper matches; ${count === 1 ? 'this is the one' : 'these are the ones'} closest in meaning`;
  }
  if (matches === 0) return `${range}: past the ${matchingPapers(response)}, those closest in meaning`;
  return `${range}: ${matchingPapers(response)} and those closest in meaning`;
}
