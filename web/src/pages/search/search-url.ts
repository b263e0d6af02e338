// A search as URL parameters, both ways, so searches can be shared and the back button works.
// Parameter names follow the API's (q, mode, year_from, year_to, author, tag, venue, sort, offset).
import type { SearchMode } from '../../../../server/search/search.schema.ts';
import type { SearchQuery } from '../../api/library.api.ts';

export const SEARCH_MODES: readonly SearchMode[] = ['hybrid', 'semantic', 'keyword'];
export const PAGE_SIZE = 10;

const int = (value: string | null): number | undefined => {
  if (value === null || !/^\d{1,4}$/.test(value.trim())) return undefined;
  return Number(value);
};
const text = (value: string | null): string | undefined => value?.trim() || undefined;

/** The search a URL describes, or null when it has no query. Unknown or malformed values are dropped. */
export function searchFromParams(params: URLSearchParams): SearchQuery | null {
  const q = params.get('q')?.trim();
  if (!q) return null;
  const mode = params.get('mode');
  return {
    q,
    mode: SEARCH_MODES.includes(mode as SearchMode) ? (mode as SearchMode) : 'hybrid',
    offset: int(params.get('offset')) ?? 0,
    yearFrom: int(params.get('year_from')),
    yearTo: int(params.get('year_to')),
    author: text(params.get('author')),
    tag: text(params.get('tag')),
    venue: text(params.get('venue')),
    sort: params.get('sort') === 'year' ? 'year' : undefined,
  };
}

/** The URL parameters of a search, leaving out defaults and empty values. */
export function paramsFromSearch(search: SearchQuery): URLSearchParams {
  const params = new URLSearchParams({ q: search.q });
  if (search.mode !== 'hybrid') params.set('mode', search.mode);
  if (search.yearFrom !== undefined) params.set('year_from', String(search.yearFrom));
  if (search.yearTo !== undefined) params.set('year_to', String(search.yearTo));
  if (search.author) params.set('author', search.author);
  if (search.tag) params.set('tag', search.tag);
  if (search.venue) params.set('venue', search.venue);
  if (search.sort === 'year') params.set('sort', 'year');
  if (search.offset) params.set('offset', String(search.offset));
  return params;
}

/** How many filters a search applies, for the "Filters (2)" label. */
export function activeFilterCount(search: SearchQuery | null): number {
  if (!search) return 0;
  return [search.yearFrom, search.yearTo, search.author, search.tag, search.venue].filter((v) => v !== undefined)
    .length;
}
