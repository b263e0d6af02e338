// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchPageResponse } from '../../../../web/src/api/search-contract.ts';
import { SearchPage } from '../../../../web/src/pages/search/search-page.tsx';

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
  };
}

function showSearch(query: string, response: SearchPageResponse) {
  // jsdom has no media queries; the search form asks for one (a narrow screen folds its filters).
  vi.stubGlobal('matchMedia', (media: string) => ({
    matches: false,
    media,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(response), { headers: { 'content-type': 'application/json' } })),
  );
  render(
    <MemoryRouter initialEntries={[`/search?${new URLSearchParams({ q: query })}`]}>
      <SearchPage />
    </MemoryRouter>,
  );
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
});
