// The line above a page of search results, written once for the CLI and the web: which results
// these are and how many papers match. Semantic and hybrid rankings go on past the matching papers
// to those closest in meaning (`match: false`), and either order (relevance, or newest first) puts
// the matches first, so a page holds matches then non-matches, or only non-matches; the line says
// which, rather than "Results 11–20 of 4 matching papers". The server writes it into each search
// response (`summary`), so the CLI, the web and agents show the same line.

/** What the line is read from: a search response's count and its page's `match` flags. */
export type SummarisedPage = {
  results: ReadonlyArray<{ match: boolean }>;
  total: number;
  totalIsLowerBound: boolean;
};

/** "44 matching papers", "at least 100 matching papers", "1 matching paper". */
export function matchingPapersCount(page: Pick<SummarisedPage, 'total' | 'totalIsLowerBound'>): string {
  const { total, totalIsLowerBound: bound } = page;
  return `${bound ? 'at least ' : ''}${total.toLocaleString('en-US')} matching ${total === 1 && !bound ? 'paper' : 'papers'}`;
}

/**
 * The summary of a page of results that starts at `offset` (0-based): "Results 1–10 of 44 matching
 * papers", "Results 1–10: 4 matching papers and those closest in meaning", "Results 11–13: past the
 * 4 matching papers, those closest in meaning", "1 result: no paper matches; this is the one closest
 * in meaning". An empty page past the last result (a stale link, or a library that has shrunk) says
 * that papers do match: "No results on this page: the search has 44 matching papers"; any other
 * empty page is "No results" (the response's notice says why, when the query is the reason).
 */
export function resultSummary(page: SummarisedPage, offset: number): string {
  const count = page.results.length;
  if (count === 0) {
    const pastEnd = offset > 0 && page.total > 0;
    return pastEnd ? `No results on this page: the search has ${matchingPapersCount(page)}` : 'No results';
  }
  const range = count === 1 && offset === 0 ? '1 result' : `Results ${offset + 1}–${offset + count}`;
  const matches = page.results.filter((r) => r.match).length;
  if (matches === count) return `${range} of ${matchingPapersCount(page)}`;
  if (page.total === 0 && !page.totalIsLowerBound) {
    return `${range}: no paper matches; ${count === 1 ? 'this is the one' : 'these are the ones'} closest in meaning`;
  }
  if (matches === 0) return `${range}: past the ${matchingPapersCount(page)}, those closest in meaning`;
  return `${range}: ${matchingPapersCount(page)} and those closest in meaning`;
}
