import { describe, expect, it } from 'vitest';
import { activeFilterCount, paramsFromSearch, searchFromParams } from '../../../../web/src/pages/search/search-url.ts';

describe('search-url', () => {
  it('reads a search and its filters from the URL and writes it back unchanged', () => {
    const params = new URLSearchParams(
      'q=attention+sinks&mode=keyword&year_from=2020&year_to=2026&author=Lin&tag=rag&offset=10',
    );
    const search = searchFromParams(params)!;
    expect(search).toEqual({
      q: 'attention sinks',
      mode: 'keyword',
      offset: 10,
      yearFrom: 2020,
      yearTo: 2026,
      author: 'Lin',
      tag: 'rag',
      venue: undefined,
      sort: undefined,
    });
    expect(paramsFromSearch(search).toString()).toBe(params.toString());
    expect(activeFilterCount(search)).toBe(4);
  });

  it('keeps a query with a quoted phrase and an exclusion as typed, both ways', () => {
    const q = '"kv cache" eviction -sink -"attention sink"';
    const search = searchFromParams(paramsFromSearch({ q, mode: 'keyword' }))!;
    expect(search.q).toBe(q);
    expect(searchFromParams(new URLSearchParams(`q=${encodeURIComponent(q)}`))!.q).toBe(q);
  });

  it('has no search without a query, and drops unknown modes and malformed years', () => {
    expect(searchFromParams(new URLSearchParams('tag=rag'))).toBeNull();
    expect(searchFromParams(new URLSearchParams('q=%20%20'))).toBeNull();
    const search = searchFromParams(new URLSearchParams('q=x&mode=magic&year_from=20x0&tag=%20'))!;
    expect(search).toEqual({
      q: 'x',
      mode: 'hybrid',
      offset: 0,
      yearFrom: undefined,
      yearTo: undefined,
      author: undefined,
      tag: undefined,
      venue: undefined,
      sort: undefined,
    });
    expect(paramsFromSearch(search).toString()).toBe('q=x');
  });

  it('keeps a venue filter and the year sort, and leaves relevance (the default) out of the URL', () => {
    const search = searchFromParams(new URLSearchParams('q=x&venue=ICLR&sort=year'))!;
    expect([search.venue, search.sort, activeFilterCount(search)]).toEqual(['ICLR', 'year', 1]);
    expect(paramsFromSearch(search).toString()).toBe('q=x&venue=ICLR&sort=year');
    expect(searchFromParams(new URLSearchParams('q=x&sort=magic'))?.sort).toBeUndefined();
  });
});
