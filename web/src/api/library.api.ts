// Calls for reading the library: search, a paper with its passages, similar papers, stats and the map.
// Types come from the server's schemas (type-only imports, so no server code is bundled).

import type { StatsResponse } from '../../../server/library/index-stats.ts';
import type { LibraryPage, LibraryQueryInput } from '../../../server/library/library.schema.ts';
import type { MapResponse } from '../../../server/map/map.schema.ts';
import type { PaperResponse } from '../../../server/routes/papers.route.ts';
import type { SearchMode } from '../../../server/search/search.schema.ts';
import { getJson, postJson } from './http.ts';
import type { SearchPageResponse, SearchSort, SimilarPapersResponse } from './search-contract.ts';

/** A search as the URL and the API spell it. */
export type SearchQuery = {
  q: string;
  mode: SearchMode;
  k?: number;
  offset?: number;
  yearFrom?: number;
  yearTo?: number;
  author?: string;
  tag?: string;
  venue?: string;
  /** Relevance (the default) or newest first. */
  sort?: SearchSort;
};

export function searchPapers(query: SearchQuery, signal?: AbortSignal): Promise<SearchPageResponse> {
  return getJson<SearchPageResponse>(
    '/search',
    {
      q: query.q,
      mode: query.mode,
      k: query.k,
      offset: query.offset || undefined,
      year_from: query.yearFrom,
      year_to: query.yearTo,
      author: query.author,
      tag: query.tag,
      venue: query.venue,
      sort: query.sort === 'year' ? 'year' : undefined,
    },
    signal,
  );
}

/** Papers like a long text (an abstract, a draft paragraph): POST /api/search, semantic mode. */
export function searchLikeText(text: string, k: number, signal?: AbortSignal): Promise<SearchPageResponse> {
  return postJson<SearchPageResponse>('/search', { q: text, mode: 'semantic', k }, signal);
}

export function getPaper(id: string, signal?: AbortSignal): Promise<PaperResponse> {
  return getJson<PaperResponse>(`/papers/${encodeURIComponent(id)}`, {}, signal);
}

export function getSimilar(id: string, k: number, signal?: AbortSignal): Promise<SimilarPapersResponse> {
  return getJson<SimilarPapersResponse>(`/papers/${encodeURIComponent(id)}/similar`, { k }, signal);
}

export function getStats(signal?: AbortSignal): Promise<StatsResponse> {
  return getJson<StatsResponse>('/stats', {}, signal);
}

export function getMap(signal?: AbortSignal): Promise<MapResponse> {
  return getJson<MapResponse>('/map', {}, signal);
}

/** A page of the library table (see server/library/library.schema.ts for the parameters). */
export function listLibrary(query: LibraryQueryInput, signal?: AbortSignal): Promise<LibraryPage> {
  return getJson<LibraryPage>(
    '/library',
    {
      offset: query.offset,
      limit: query.limit,
      sort: query.sort,
      order: query.order,
      text: query.text,
      year_from: query.year_from,
      year_to: query.year_to,
      author: query.author,
      tag: query.tag,
      venue: query.venue,
      facets: query.facets === false ? 'false' : undefined,
    },
    signal,
  );
}
