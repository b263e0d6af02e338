// What the Search page expects of the search API beyond what server/search/search.schema.ts has
// on main today: sort, the total and facet counts, and the terms a similar paper shares (being
// added to the search API, same names).
// The fields are optional so the page also works against a server without them.
// Once the search schema has them, replace this file's body with one line:
//   export type { SearchFacets, SearchResponse as SearchPageResponse, SearchSort, SimilarResponse as SimilarPapersResponse } from '../../../server/search/search.schema.ts';
import type { SearchResponse, SimilarResponse } from '../../../server/search/search.schema.ts';

export type SearchSort = 'relevance' | 'year';

export type SearchFacets = Record<'year' | 'tag' | 'author' | 'venue', Array<{ value: string; count: number }>>;

export type SearchPageResponse = SearchResponse & {
  sort?: SearchSort;
  /** How many papers match: exact, or at least this many when `totalIsLowerBound`. */
  total?: number;
  totalIsLowerBound?: boolean;
  facets?: SearchFacets;
};

export type SimilarPapersResponse = Omit<SimilarResponse, 'results'> & {
  /** Each similar paper, with the distinctive terms it shares with the paper (when sent). */
  results: Array<SimilarResponse['results'][number] & { sharedTerms?: string[] }>;
};
