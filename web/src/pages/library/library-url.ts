// The Library table's sort and filters as URL parameters, both ways, so a filtered view can be
// shared and tags or authors elsewhere can link to it (`/library?tag=llm`).
import type { LibraryQueryInput, LibrarySort } from '../../../../server/library/library.schema.ts';

export const LIBRARY_SORTS: readonly LibrarySort[] = ['title', 'year', 'venue', 'authors'];

/** What the table shows: sort and filters, without paging. */
export type LibraryView = Required<Pick<LibraryQueryInput, 'sort' | 'order'>> &
  Pick<LibraryQueryInput, 'text' | 'year_from' | 'year_to' | 'author' | 'tag' | 'venue'>;

export const FILTER_NAMES = ['text', 'year_from', 'year_to', 'author', 'tag', 'venue'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const year = (value: string | null): number | undefined =>
  value !== null && /^\d{4}$/.test(value.trim()) ? Number(value) : undefined;
const text = (value: string | null): string | undefined => value?.trim() || undefined;

/** The view a URL describes; unknown or malformed values fall back to the defaults. */
export function viewFromParams(params: URLSearchParams): LibraryView {
  const sort = params.get('sort') as LibrarySort;
  return {
    sort: LIBRARY_SORTS.includes(sort) ? sort : 'title',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    text: text(params.get('text')),
    year_from: year(params.get('year_from')),
    year_to: year(params.get('year_to')),
    author: text(params.get('author')),
    tag: text(params.get('tag')),
    venue: text(params.get('venue')),
  };
}

/** The URL parameters of a view, leaving out defaults and empty values. */
export function paramsFromView(view: LibraryView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.sort !== 'title') params.set('sort', view.sort);
  if (view.order !== 'asc') params.set('order', view.order);
  for (const name of FILTER_NAMES) {
    const value = view[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params;
}

/** The Library page filtered by one value, for tag and author links anywhere in the app. */
export function libraryLink(filter: 'tag' | 'author' | 'venue', value: string): string {
  return `/library?${new URLSearchParams({ [filter]: value })}`;
}
