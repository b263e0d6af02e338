// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatsResponse } from '../../../../server/library/index-stats.ts';
import type { LibraryPage as LibraryPageResponse } from '../../../../server/library/library.schema.ts';
import { LibraryPage } from '../../../../web/src/pages/library/library-page.tsx';

const STATS: StatsResponse = {
  papers: 2,
  passages: 4,
  embedder: { kind: 'builtin', model: 'builtin-lsa', revision: 'r1', dimensions: 64, queryPrefix: '' },
  builtAt: '2026-12-01T10:00:00.000Z',
  generation: 1,
  sizeBytes: 2048,
  builtinEmbedder: true,
  embedderOutdated: null,
};

const row = (id: string, title: string) => ({
  id,
  title,
  authors: [],
  year: 2026,
  venue: null,
  tags: [],
  doi: null,
  url: null,
  arxivId: null,
});

const LIST: LibraryPageResponse = {
  total: 2,
  offset: 0,
  papers: [row('sinks', 'Attention sinks'), row('glazes', 'Ceramic glazes')],
  facets: { year: [{ value: '2026', count: 2 }], tag: [], author: [], venue: [] },
};

/** Answers /api/stats and /api/library as a running server would. */
async function serverUp(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(String(input), 'http://localhost');
  const body = url.pathname.endsWith('/stats') ? STATS : LIST;
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

// The server has stopped: every request fails before an answer.
async function serverDown(_input: RequestInfo | URL): Promise<Response> {
  throw new TypeError('Failed to fetch');
}

const showPage = () =>
  render(
    <MemoryRouter initialEntries={['/library']}>
      <LibraryPage />
    </MemoryRouter>,
  );

beforeEach(() => {
  // jsdom has no media queries; the page asks for one (a phone folds the facets).
  vi.stubGlobal('matchMedia', (media: string) => ({
    matches: false,
    media,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  // Nor does it scroll: the table returns to its top on each new view.
  Element.prototype.scrollTo ??= () => {};
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('library-page', () => {
  it('counts no papers when the list could not be read, leaving the error to say why', async () => {
    vi.stubGlobal('fetch', vi.fn(serverDown));
    showPage();

    expect(await screen.findByText('The library could not be read')).toBeTruthy();
    const summary = document.querySelector('.library-main .result-summary');
    expect(summary?.textContent).toBe('');
    expect(document.body.textContent).not.toMatch(/\b0 papers\b/);
  });

  it('says once that the server could not be reached, and "Try again" reads the counts and the list', async () => {
    const fetch = vi.fn(serverDown);
    vi.stubGlobal('fetch', fetch);
    showPage();

    await screen.findByText('The library could not be read');
    // Both reads have failed (the list's too: its count is gone), and one notice says so.
    await vi.waitFor(() => expect(document.querySelector('.library-main .result-summary')?.textContent).toBe(''));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.queryByText('The papers could not be listed')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Could not reach the Citelens server');

    fetch.mockImplementation(serverUp);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('2 papers')).toBeTruthy();
    await vi.waitFor(() => expect(document.querySelector('.stat dd')?.textContent).toBe('2'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
