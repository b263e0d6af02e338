// A React hook for one API read: loading, success and error states, aborting a request that a
// newer one replaces, and keeping the last data on screen while the next loads (no layout jumps).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from './api-error.ts';

export type RequestState<T> = {
  status: 'idle' | 'loading' | 'success' | 'error';
  /** The latest successful result; kept while a newer request loads. */
  data: T | undefined;
  error: ApiError | undefined;
  /** Runs the request again (after an error, say). */
  retry: () => void;
};

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('UNEXPECTED', error instanceof Error ? error.message : String(error), 0);
}

/**
 * Runs `load` whenever `key` changes; a null key means there is nothing to load (status idle).
 * `load` is read at call time, so it may close over the values `key` is made from.
 */
export function useRequest<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): RequestState<T> {
  const [state, setState] = useState<Omit<RequestState<T>, 'retry'>>({
    status: key === null ? 'idle' : 'loading',
    data: undefined,
    error: undefined,
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry.
  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle', data: undefined, error: undefined });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data, error: undefined }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data, error: undefined });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setState((previous) => ({ status: 'error', data: previous.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
