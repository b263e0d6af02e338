// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchPageResponse } from '../../../../web/src/api/search-contract.ts';
import { LikeText } from '../../../../web/src/pages/search/like-text.tsx';

const ABSTRACT = 'Retrieval augmented generation systems leak private data from their knowledge base. '
  .repeat(30)
  .trim();

function response(): SearchPageResponse {
  const paper = {
    id: 'leakdojo',
    title: 'LeakDojo: Decoding the Leakage Threats of RAG Systems',
    authors: [],
    affiliations: [],
    year: 2026,
    venue: null,
    url: null,
    tags: [],
    abstract: 'LeakDojo analyses data leakage in RAG.',
  };
  return {
    query: ABSTRACT,
    mode: 'semantic',
    sort: 'relevance',
    k: 10,
    offset: 0,
    results: [{ paper, score: 0.8, passages: [] }],
    hasMore: false,
    total: 1,
    totalIsLowerBound: false,
    facets: { year: [], tag: [], author: [], venue: [] },
    tookMs: 3,
    summary: '1 result of 1 matching paper',
  } as unknown as SearchPageResponse;
}

function showBox() {
  return render(
    <MemoryRouter>
      <LikeText />
    </MemoryRouter>,
  );
}

beforeEach(() => {
  sessionStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(response()), { headers: { 'content-type': 'application/json' } })),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('like-text', () => {
  it('keeps the pasted text and its results when the reader opens a paper found and comes back', async () => {
    const first = showBox();
    fireEvent.click(screen.getByText('Papers like this text'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Paste an abstract or a paragraph' }), {
      target: { value: ABSTRACT },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find similar papers' }));
    expect(await screen.findByRole('link', { name: /LeakDojo/ })).toBeTruthy();
    // Leaving the Search page unmounts the box; Back mounts a new one.
    first.unmount();

    showBox();
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Paste an abstract or a paragraph' }).value).toBe(
      ABSTRACT,
    );
    expect(await screen.findByRole('link', { name: /LeakDojo/ })).toBeTruthy();
    expect(document.querySelector('details.like-text')?.hasAttribute('open')).toBe(true);
    expect(screen.getByText(/closest in meaning to the text/).textContent).toContain(
      `(${ABSTRACT.length.toLocaleString()} characters)`,
    );
  });

  it('forgets the text and its results when cleared', async () => {
    showBox();
    fireEvent.change(screen.getByRole('textbox', { name: 'Paste an abstract or a paragraph' }), {
      target: { value: ABSTRACT },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find similar papers' }));
    await screen.findByRole('link', { name: /LeakDojo/ });
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.queryByRole('link', { name: /LeakDojo/ })).toBeNull();
    cleanup();

    showBox();
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Paste an abstract or a paragraph' }).value).toBe(
      '',
    );
    expect(screen.queryByRole('link', { name: /LeakDojo/ })).toBeNull();
  });

  it('searches only the first 20,000 characters of a longer text pasted into the search box, and says so', async () => {
    const long = `${'word '.repeat(5_000)}${'tail '.repeat(1_000)}`;
    // jsdom lays nothing out, so it has no scrollIntoView; the box scrolls itself into view.
    Element.prototype.scrollIntoView = vi.fn();
    render(
      <MemoryRouter>
        <LikeText pasted={{ text: long }} />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: /LeakDojo/ })).toBeTruthy();
    const fetched = vi.mocked(fetch).mock.calls.map(([, init]) => JSON.parse(String(init?.body)) as { q: string });
    expect(fetched).toHaveLength(1);
    expect(fetched[0]!.q.length).toBeLessThanOrEqual(20_000);
    expect(fetched[0]!.q).toBe('word '.repeat(4_000).trim());
    expect(
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Paste an abstract or a paragraph' }).value,
    ).toHaveLength(20_000);
    const note = screen.getByRole('note').textContent;
    expect(note).toContain('first 20,000 characters');
    expect(note).toContain('the other 10,000 were left out');
    expect(note).not.toContain('whole');
  });

  it('does not label a paper like the text as containing "your words", which any paper shares with a paragraph', async () => {
    const withWords = response();
    withWords.results = [
      {
        ...withWords.results[0]!,
        match: true,
        passages: [
          {
            id: 1,
            field: 'abstract',
            text: 'LeakDojo analyses data leakage in RAG.',
            start: 0,
            end: 38,
            score: 0.8,
            highlights: [{ start: 18, end: 22 }],
          },
        ],
      },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(withWords), { headers: { 'content-type': 'application/json' } })),
    );
    showBox();
    fireEvent.change(screen.getByRole('textbox', { name: 'Paste an abstract or a paragraph' }), {
      target: { value: ABSTRACT },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Find similar papers' }));
    await screen.findByRole('link', { name: /LeakDojo/ });
    expect(screen.queryByText('Contains your words')).toBeNull();
    expect(screen.getByText(/closest in meaning to the text/)).toBeTruthy();
  });
});
