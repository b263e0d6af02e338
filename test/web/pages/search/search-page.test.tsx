// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchPageResponse } from '../../../../web/src/api/search-contract.ts';
import { SearchPage } from '../../../../web/src/pages/search/search-page.tsx';
import { paperWith } from '../../../support/paper.ts';

const NO_FACETS = { year: [], tag: [], author: [], venue: [] };

/** An empty search response from the API, as it answers GET /api/search. */
function emptyResponse(query: string, notice?: string): SearchPageResponse {
  return {
    query,
    mode: 'hybrid',
    sort: 'relevance',
    k: 10,
    offset: 0,
    results: [],
    hasMore: false,
    total: 0,
    totalIsLowerBound: false,
    facets: NO_FACETS,
    tookMs: 2,
    ...(notice === undefined ? {} : { notice }),
    summary: 'No results',
  };
}

function showSearch(query: string | Record<string, string>, response: SearchPageResponse) {
  // jsdom has no media queries; the search form asks for one (a narrow screen folds its filters).
  vi.stubGlobal('matchMedia', (media: string) => ({
    matches: false,
    media,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  const fetch = vi.fn(
    async (_url: string) => new Response(JSON.stringify(response), { headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  const params = new URLSearchParams(typeof query === 'string' ? { q: query } : query);
  render(
    <MemoryRouter initialEntries={[`/search?${params}`]}>
      <SearchPage />
    </MemoryRouter>,
  );
  return fetch;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('search-page', () => {
  it("shows the server's notice when the query itself cannot match, in place of the advice to try other words", async () => {
    const notice =
      'Nothing in the query can be searched for: it holds only stop words (the, of, and), which are not indexed.';
    showSearch('the of and', emptyResponse('the of and', notice));

    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('No papers match “the of and”.');
    expect(note.textContent).toContain(notice);
    expect(screen.queryByText(/Try other words/)).toBeNull();
  });

  it('suggests other words or another mode when nothing matches and the server gives no reason', async () => {
    showSearch('xylophone', emptyResponse('xylophone'));

    expect(await screen.findByText('No papers match “xylophone”.')).toBeTruthy();
    expect(screen.getByText(/Try other words/)).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows the venue picked from the facets as a filter that can be removed, since the form has no venue field', async () => {
    const venue = 'Journal of Long Names';
    const fetch = showSearch({ q: 'attention', venue, tag: 'safety' }, emptyResponse('attention'));

    const chips = await screen.findByRole('list', { name: 'Active filters' });
    expect(chips.textContent).toContain(`Venue: ${venue}`);
    expect(chips.textContent).toContain('Tag: safety');
    expect(new URL(fetch.mock.calls[0]![0], 'http://x').searchParams.get('venue')).toBe(venue);

    fireEvent.click(screen.getByRole('link', { name: new RegExp(`^Venue: ${venue} ?\\(remove filter\\)$`) }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    const next = new URL(fetch.mock.calls[1]![0], 'http://x').searchParams;
    expect(next.get('venue')).toBeNull();
    expect(next.get('tag')).toBe('safety');
    expect(screen.getByRole('list', { name: 'Active filters' }).textContent).not.toContain('Venue');
  });

  it('says a page past the last result is past the end, with a way back, rather than that nothing matches', async () => {
    showSearch(
      { q: 'attention', offset: '500' },
      {
        ...emptyResponse('attention'),
        offset: 500,
        total: 44,
        summary: 'No results on this page: the search has 44 matching papers',
      },
    );

    expect(await screen.findByText('This page is past the last result.')).toBeTruthy();
    expect(screen.queryByText(/No papers match/)).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/^No results on this page: the search has 44/);
    const last = new URLSearchParams(screen.getByRole('link', { name: 'Go to the last page' }).getAttribute('href')!);
    expect(last.get('offset')).toBe('40');
    const previous = new URLSearchParams(screen.getByRole('link', { name: 'Previous' }).getAttribute('href')!);
    expect(previous.get('offset')).toBe('40');
  });

  it("shows the server's line above the results, which says how many of them match", async () => {
    const result = (id: string, match: boolean) => ({
      paper: paperWith({ id, title: id }),
      score: 0.5,
      match,
      passages: [],
    });
    showSearch('attention sinks', {
      ...emptyResponse('attention sinks'),
      results: [result('a', true), result('b', true), result('c', false)],
      hasMore: true,
      total: 2,
      summary: 'Results 1–3: 2 matching papers and those closest in meaning',
    });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(
        /^Results 1–3: 2 matching papers and those closest in meaning · 2 ms · hybrid/,
      ),
    );
  });

  it('leads Previous from an empty page past the end of a search with no results to its first page', async () => {
    showSearch({ q: 'attention', tag: 'none', offset: '30' }, { ...emptyResponse('attention'), offset: 30 });

    expect(await screen.findByText('No papers match “attention”.')).toBeTruthy();
    const previous = new URLSearchParams(screen.getByRole('link', { name: 'Previous' }).getAttribute('href')!);
    expect(previous.get('offset')).toBeNull();
    expect(previous.get('tag')).toBe('none');
  });
});
