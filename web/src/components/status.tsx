// The loading, error and empty states every page uses, so they look and read the same everywhere.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { CodeText } from './code-text.tsx';
import { Onboarding } from './onboarding.tsx';

/** A polite live region with placeholder lines the size of the content to come (so nothing jumps). */
export function Loading({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity.
        <span key={i} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}

// Hints for failures the server cannot describe (it was not reached, or sent no error body).
const CLIENT_HINTS: Record<string, string> = {
  NETWORK:
    'Check that the Citelens server is still running in its terminal (or start it again the same way), then try again.',
  BAD_RESPONSE: 'Something between the browser and Citelens answered instead; reload the page.',
};

// Client errors that the same request may get past later: a token given, a stall, a busy index, a rate limit.
const RETRYABLE_CLIENT_ERRORS = new Set([401, 408, 409, 425, 429]);

/**
 * Whether sending the same request again could succeed: not after the server refused the request
 * itself (a bad parameter, an unknown paper, a body too large), which only fixing the request helps.
 */
export function canRetry(error: ApiError): boolean {
  return error.status < 400 || error.status >= 500 || RETRYABLE_CLIENT_ERRORS.has(error.status);
}

/**
 * An error, said plainly, with a hint and a retry button when retrying could help. With no index
 * at all, it is the first run: the page shows how to add papers instead.
 */
export function ErrorNotice({ error, title, onRetry }: { error: ApiError; title: string; onRetry?: () => void }) {
  if (error.code === 'INDEX_NOT_FOUND') return <Onboarding />;
  const hint = error.hint ?? CLIENT_HINTS[error.code];
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      <p>{error.message}</p>
      {hint ? (
        <p className="muted">
          <CodeText text={hint} />
        </p>
      ) : null}
      {onRetry && canRetry(error) ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Nothing to show, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}
