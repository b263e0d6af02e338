// The error every API call rejects with: the server's error code, message and hint, or a network failure.
import type { ErrorResponse } from '../../../server/http/error-response.ts';

/** A failed API call, carrying the server's error code (or NETWORK / BAD_RESPONSE) and HTTP status. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  /** What to do about it, from the server's error table (when the server sent one). */
  readonly hint: string | undefined;

  constructor(code: string, message: string, status: number, details?: unknown, hint?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.hint = hint;
  }
}

function isErrorBody(value: unknown): value is ErrorResponse {
  const error = (value as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Turns a non-OK response into an ApiError, using the server's error body when it sent one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const { code, message, details, hint } = body.error;
    return new ApiError(code, message, response.status, details, typeof hint === 'string' ? hint : undefined);
  }
  return new ApiError(
    'BAD_RESPONSE',
    `The server answered ${response.status} ${response.statusText}.`,
    response.status,
  );
}

/** True when the error comes from an aborted request (a newer one replaced it), which is not worth showing. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
