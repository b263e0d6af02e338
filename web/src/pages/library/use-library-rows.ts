// Loads the Library table a chunk of rows at a time as it scrolls: the first chunk comes with the
// total and the facet counts, later chunks only when rows of theirs become visible.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryFacets, LibraryRow } from '../../../../server/library/library.schema.ts';
import { ApiError, isAbort } from '../../api/api-error.ts';
import { listLibrary } from '../../api/library.api.ts';
import type { LibraryView } from './library-url.ts';

/** Rows per request: a few screens of the table. */
export const CHUNK_ROWS = 200;

export type LibraryRows = {
  status: 'loading' | 'ready' | 'error';
  error: ApiError | undefined;
  total: number;
  facets: LibraryFacets | undefined;
  /** The row at an index, or undefined while its chunk loads. */
  row: (index: number) => LibraryRow | undefined;
  /** Asks for the chunks covering rows `first`..`last` (call with the visible range). */
  need: (first: number, last: number) => void;
  retry: () => void;
};

/** The table's rows for `view`; a new `generation` (papers were added) reads them again. */
export function useLibraryRows(view: LibraryView, generation = 0): LibraryRows {
  const key = `${generation}:${JSON.stringify(view)}`;
  const [state, setState] = useState<{
    key: string;
    status: LibraryRows['status'];
    error: ApiError | undefined;
    total: number;
    facets: LibraryFacets | undefined;
  }>({ key, status: 'loading', error: undefined, total: 0, facets: undefined });
  const chunks = useRef(new Map<number, LibraryRow[] | 'loading'>());
  const controller = useRef<AbortController | undefined>(undefined);
  const [, setVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);

  const fail = useCallback((error: unknown) => {
    if (isAbort(error)) return;
    const apiError = error instanceof ApiError ? error : new ApiError('UNEXPECTED', String(error), 0);
    setState((previous) => ({ ...previous, status: 'error', error: apiError }));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `view`; `attempt` re-runs on retry.
  useEffect(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    chunks.current = new Map([[0, 'loading']]);
    setState((previous) => ({ ...previous, key, status: 'loading', error: undefined }));
    listLibrary({ ...view, offset: 0, limit: CHUNK_ROWS }, current.signal).then((page) => {
      if (current.signal.aborted) return;
      chunks.current.set(0, page.papers);
      setState({ key, status: 'ready', error: undefined, total: page.total, facets: page.facets });
    }, fail);
    return () => current.abort();
  }, [key, attempt]);

  const need = useCallback(
    (first: number, last: number) => {
      const signal = controller.current?.signal;
      if (!signal) return;
      for (let chunk = Math.floor(first / CHUNK_ROWS); chunk <= Math.floor(last / CHUNK_ROWS); chunk++) {
        if (chunks.current.has(chunk)) continue;
        chunks.current.set(chunk, 'loading');
        const loading = chunks.current;
        listLibrary({ ...view, offset: chunk * CHUNK_ROWS, limit: CHUNK_ROWS, facets: false }, signal).then(
          (page) => {
            if (signal.aborted || loading !== chunks.current) return;
            loading.set(chunk, page.papers);
            setVersion((n) => n + 1);
          },
          (error: unknown) => {
            loading.delete(chunk);
            fail(error);
          },
        );
      }
    },
    [view, fail],
  );

  const row = useCallback((index: number) => {
    const chunk = chunks.current.get(Math.floor(index / CHUNK_ROWS));
    return Array.isArray(chunk) ? chunk[index % CHUNK_ROWS] : undefined;
  }, []);

  return {
    status: state.key === key ? state.status : 'loading',
    error: state.error,
    total: state.total,
    facets: state.facets,
    row,
    need,
    retry: () => setAttempt((n) => n + 1),
  };
}
