// Facets of a search: how the matching papers spread over years, tags, authors and venues, counted
// over the search's candidates (a bounded set, so the cost does not grow with the library).
import type { PaperFacetFields } from '../../indexer/store/paper-rows.ts';
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
 * A facet whose filter keeps papers with a value containing the text, ignoring case (author, venue),
 * counted as that filter counts, so narrowing by a value gives as many papers as it says: "Nature" and
 * "nature" are one value (written as most papers write it), and "NeurIPS" counts "Proceedings of
 * NeurIPS" too. The values listed are the `limit` most frequent as written (case aside); only they
 * are recounted, which keeps the cost at `limit` passes over the papers' values.
 */
function substringFacet(valuesOfPapers: ReadonlyArray<readonly string[]>, limit: number): FacetCount[] {
  const exact = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  const lowered = valuesOfPapers.map((values) => {
    const keys = new Set<string>();
    for (const value of new Set(values)) {
      const key = value.toLowerCase();
      keys.add(key);
      const written = spellings.get(key) ?? new Map<string, number>();
      written.set(value, (written.get(value) ?? 0) + 1);
      spellings.set(key, written);
    }
    add(exact, keys);
    return [...keys];
  });
  const counts = new Map<string, number>();
  for (const { value: key } of topValues(exact, limit)) {
    const count = lowered.filter((keys) => keys.some((other) => other.includes(key))).length;
    const written = [...spellings.get(key)!].reduce((best, next) => (next[1] > best[1] ? next : best));
    counts.set(written[0], count);
  }
  return topValues(counts, limit);
}

/**
 * Facet counts over the papers, each value counted as the filter of its name would count it: years
 * exactly, tags lower-cased (the tag filter ignores case), authors and venues as text their filters
 * find (substringFacet). A paper without a year or venue adds nothing to that facet.
 */
export function facetsOf(papers: Iterable<PaperFacetFields>, limit: number = SEARCH_LIMITS.facetValues): SearchFacets {
  const year = new Map<string, number>();
  const tag = new Map<string, number>();
  const authors: string[][] = [];
  const venues: string[][] = [];
  for (const paper of papers) {
    if (paper.year !== null) add(year, [String(paper.year)]);
    add(
      tag,
      paper.tags.map((t) => t.toLowerCase()),
    );
    authors.push(paper.authors);
    venues.push(paper.venue ? [paper.venue] : []);
  }
  return {
    year: topValues(year, limit),
    tag: topValues(tag, limit),
    author: substringFacet(authors, limit),
    venue: substringFacet(venues, limit),
  };
}
