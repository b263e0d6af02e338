// Facets of a search: how the matching papers spread over years, tags, authors and venues, counted
// over the search's candidates (a bounded set, so the cost does not grow with the library).
import type { PaperFacetFields } from '../../indexer/store/papers.repo.ts';
import { type FacetCount, SEARCH_LIMITS, type SearchFacets } from './search.schema.ts';

/** The most frequent values first, ties by value, at most `limit`. */
function topValues(counts: ReadonlyMap<string, number>, limit: number): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
}

function add(counts: Map<string, number>, values: Iterable<string>): void {
  // A paper counts once per value, however often it lists it.
  for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
}

/**
 * Facet counts over the papers. Tags are counted lower-cased (the tag filter ignores case), authors
 * and venues as written; a paper without a year or venue adds nothing to that facet.
 */
export function facetsOf(papers: Iterable<PaperFacetFields>, limit: number = SEARCH_LIMITS.facetValues): SearchFacets {
  const year = new Map<string, number>();
  const tag = new Map<string, number>();
  const author = new Map<string, number>();
  const venue = new Map<string, number>();
  for (const paper of papers) {
    if (paper.year !== null) add(year, [String(paper.year)]);
    add(
      tag,
      paper.tags.map((t) => t.toLowerCase()),
    );
    add(author, paper.authors);
    if (paper.venue) add(venue, [paper.venue]);
  }
  return {
    year: topValues(year, limit),
    tag: topValues(tag, limit),
    author: topValues(author, limit),
    venue: topValues(venue, limit),
  };
}
