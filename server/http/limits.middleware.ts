// Limits that keep one client from starving the others: request body size, time per request,
// and requests in flight at once. Each refuses with a code from the error table.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import { AppError } from '../../core/errors.ts';

function formatKb(bytes: number): string {
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

/** Refuses request bodies over `maxBytes` with 413 PAYLOAD_TOO_LARGE (checked while streaming, too). */
export function limitBodySize(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${formatKb(maxBytes)}.`, {
        maxBytes,
      });
    },
  });
}

/** Answers 503 TIMEOUT when a request takes longer than `ms` (the work itself runs to its end). */
export function limitDuration(ms: number): MiddlewareHandler {
  return timeout(
    ms,
    () =>
      new HTTPException(503, {
        cause: new AppError('TIMEOUT', `The request took longer than ${(ms / 1000).toFixed(ms < 1000 ? 2 : 0)} s.`),
      }),
  );
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Answers 503 OVERLOADED when the request bodies being received and held would pass `maxBytes`
 * together. A request reserves its Content-Length (without one, `maxBodyBytes`) before its body
 * is read, and gives it back when it is done: thousands of slow uploads cannot each buffer a body.
 */
export function limitBodyBytesInFlight(maxBytes: number, maxBodyBytes: number): MiddlewareHandler {
  let reserved = 0;
  return async (c, next) => {
    if (!BODY_METHODS.has(c.req.method)) return next();
    const declared = Number(c.req.header('content-length'));
    const bytes = Number.isSafeInteger(declared) && declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
    if (bytes === 0) return next();
    if (reserved + bytes > maxBytes) {
      throw new AppError(
        'OVERLOADED',
        `The server is already receiving ${formatKb(reserved)} of request bodies; try again shortly.`,
      );
    }
    reserved += bytes;
    try {
      await next();
    } finally {
      reserved -= bytes;
    }
  };
}

/**
 * `response` with a body that calls `release` once, when the body is read to its end, fails, or is
 * cancelled (the client went away): for a streamed response, that is when the request is over.
 */
function releasingWhenDone(response: Response, release: () => void): Response {
  const body = response.body;
  if (!body) {
    release();
    return response;
  }
  const reader = body.getReader();
  const wrapped = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(wrapped, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Answers 503 OVERLOADED while `max` requests are already in flight. Placed inside the timeout,
 * so a timed-out request counts until its work has really finished. A streamed response
 * (server-sent events) counts until its stream ends, not just until its handler returns.
 */
export function limitConcurrency(max: number): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= max) {
      throw new AppError('OVERLOADED', `The server is already handling ${max} requests; try again shortly.`);
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    try {
      await next();
    } catch (error) {
      release();
      throw error;
    }
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      c.res = releasingWhenDone(c.res, release);
    } else {
      release();
    }
  };
}
