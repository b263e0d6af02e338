// Refuses text that is not UTF-8: percent-escapes in the query string that do not decode, NUL
// characters in query values, and request bodies with invalid byte sequences.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';

const fatal = new TextDecoder('utf-8', { fatal: true });

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** 400 INVALID_INPUT for a query parameter or body that is not valid UTF-8 text. */
export const requireUtf8: MiddlewareHandler = async (c, next) => {
  const search = new URL(c.req.url).search.slice(1);
  for (const pair of search ? search.split('&') : []) {
    const [rawKey = '', rawValue = ''] = pair.split(/=(.*)/s);
    const key = decode(rawKey) ?? rawKey.slice(0, 50);
    const value = decode(rawValue);
    if (value === undefined || decode(rawKey) === undefined) {
      throw new AppError('INVALID_INPUT', `Query parameter '${key}' is not valid UTF-8.`, { field: key });
    }
    if (value.includes('\u0000')) {
      throw new AppError('INVALID_INPUT', `Query parameter '${key}' must not contain NUL characters.`, { field: key });
    }
  }
  // A body declared as bytes (a file sent as it is on disk) is not text; everything else must be UTF-8.
  const binary = (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/octet-stream');
  if (!binary && (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH')) {
    // A body that cannot be read (the client left mid-body) fails here with its own error, not as bad text.
    const body = await c.req.arrayBuffer();
    try {
      fatal.decode(body);
    } catch {
      throw new AppError('INVALID_INPUT', 'The request body is not valid UTF-8.', { field: null });
    }
  }
  await next();
};
