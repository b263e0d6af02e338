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
});
