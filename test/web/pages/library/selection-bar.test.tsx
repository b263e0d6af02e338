// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryRow } from '../../../../server/library/library.schema.ts';
import type { LibraryView } from '../../../../web/src/pages/library/library-url.ts';
import { SelectionBar } from '../../../../web/src/pages/library/selection-bar.tsx';

const ROW: LibraryRow = {
  id: 'leakdojo',
  title: 'LeakDojo: Decoding the Leakage Threats of RAG Systems',
  authors: [],
  year: 2026,
  venue: null,
  tags: ['rag'],
  doi: null,
  url: null,
  arxivId: null,
};

/** A server that answers each library request only when told to, keeping the signal each was sent with. */
function slowServer() {
  const requests: { signal: AbortSignal | null | undefined; answer: () => void }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (_url: string, init?: RequestInit) =>
        new Promise<Response>((resolve) => {
          requests.push({
            signal: init?.signal,
            answer: () =>
              resolve(
                new Response(JSON.stringify({ total: 1, offset: 0, papers: [ROW] }), {
                  headers: { 'content-type': 'application/json' },
                }),
              ),
          });
        }),
    ),
  );
  return requests;
}

function bar(view: LibraryView, onSelect: (rows: readonly LibraryRow[]) => void) {
  return <SelectionBar selected={new Map()} onClear={() => {}} view={view} matching={1} onSelect={onSelect} />;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('selection-bar', () => {
  it('selects the papers the filters match', async () => {
    const requests = slowServer();
    const onSelect = vi.fn();
    render(bar({ sort: 'title', order: 'asc', tag: 'rag' }, onSelect));
    fireEvent.click(screen.getByRole('button', { name: 'Select the one listed' }));
    requests[0]!.answer();
    await vi.waitFor(() => expect(onSelect).toHaveBeenCalledWith([ROW]));
  });

  it('adds none of the old filter’s papers when the filters change while selecting', async () => {
    const requests = slowServer();
    const onSelect = vi.fn();
    const shown = render(bar({ sort: 'title', order: 'asc', tag: 'rag' }, onSelect));
    fireEvent.click(screen.getByRole('button', { name: 'Select the one listed' }));
    expect(screen.getByRole('button', { name: 'Selecting…' })).toBeTruthy();
    await vi.waitFor(() => expect(requests).toHaveLength(1));

    shown.rerender(bar({ sort: 'title', order: 'asc', tag: 'retrieval' }, onSelect));
    expect(requests[0]!.signal?.aborted).toBe(true);
    // The answer for the old filter arrives all the same (a server that ignores the abort).
    requests[0]!.answer();
    await new Promise((done) => setTimeout(done, 20));
    expect(onSelect).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Select the one listed' })).toBeTruthy();
  });

  it('adds nothing when the page is left while selecting', async () => {
    const requests = slowServer();
    const onSelect = vi.fn();
    const shown = render(bar({ sort: 'title', order: 'asc' }, onSelect));
    fireEvent.click(screen.getByRole('button', { name: 'Select the one listed' }));
    await vi.waitFor(() => expect(requests).toHaveLength(1));

    shown.unmount();
    expect(requests[0]!.signal?.aborted).toBe(true);
    requests[0]!.answer();
    await new Promise((done) => setTimeout(done, 20));
    expect(onSelect).not.toHaveBeenCalled();
  });
});
