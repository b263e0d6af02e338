// The two ways the web client talks to the API: GET with query parameters and POST with JSON.
import { ApiError, errorFromResponse } from './api-error.ts';

/** Query parameters; undefined and empty values are left out of the URL. */
export type Query = Record<string, string | number | undefined>;

/** The URL of an API path with its query string, e.g. `/api/search?q=x&k=10`. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

const TOKEN_KEY = 'citelens-token';

// A server bound beyond loopback requires its access token on every API request; the browser keeps it
// for the tab's session only.
function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function askForToken(): string | null {
  const token = window.prompt('This Citelens server needs its access token (CITELENS_TOKEN):')?.trim();
  if (!token) return null;
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage can be disabled; the token then lasts for this request only.
  }
  return token;
}

async function send(url: string, init: RequestInit, token = storedToken()): Promise<Response> {
  let response: Response;
  try {
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...auth, ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', 'Could not reach the Citelens server. Is it still running?', 0);
  }
  if (response.status === 401 && typeof window !== 'undefined' && typeof window.prompt === 'function') {
    const fresh = askForToken();
    if (fresh && fresh !== token) return send(url, init, fresh);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

async function json<T>(response: Response): Promise<T> {
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(
      'BAD_RESPONSE',
      `The server sent something that is not JSON for ${response.url}.`,
      response.status,
    );
  }
}

/** GETs an API path and returns its JSON body. */
export async function getJson<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return json<T>(await send(apiUrl(path, query), { method: 'GET', signal: signal ?? null }));
}

/** POSTs a JSON body to an API path and returns the response JSON. */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return json<T>(
    await send(apiUrl(path), {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      signal: signal ?? null,
    }),
  );
}

/** POSTs a JSON body and returns the raw response, for streamed answers. */
export async function postForStream(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return send(apiUrl(path), {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    signal: signal ?? null,
  });
}

/** POSTs text (UTF-8) and returns the response JSON. */
export async function postBytes<T>(path: string, query: Query, bytes: Blob, signal?: AbortSignal): Promise<T> {
  return json<T>(
    await send(apiUrl(path, query), {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
      signal: signal ?? null,
    }),
  );
}
