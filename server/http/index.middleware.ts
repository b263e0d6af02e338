// Gives a request one index generation for its whole life: takes a lease before the handler runs
// and releases it when the handler is done, so a reload never mixes two generations in one answer.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.ts';

/** The response header naming the index generation a response was computed from. */
export const GENERATION_HEADER = 'Citelens-Index-Generation';

/**
 * Route middleware for every route that reads the index: sets `c.var.index`, or answers
 * 503 INDEX_NOT_FOUND when the server has no index loaded.
 */
export const requireIndex = createMiddleware<AppEnv>(async (c, next) => {
  const lease = c.var.holder.acquire();
  c.set('index', lease.reader);
  try {
    await next();
  } finally {
    lease.release();
  }
  c.header(GENERATION_HEADER, String(lease.reader.generation));
});
