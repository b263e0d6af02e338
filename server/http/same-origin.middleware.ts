// Refuses state-changing requests sent by another site's page: without a token, a page anywhere
// could POST a "simple" (text/plain) request to a server on this machine, and it would run.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';

/** Methods that only read; every other method changes something, or may. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths whose state-changing requests are guarded: the API and the MCP endpoint, and all below them. */
function isGuardedPath(requestPath: string): boolean {
  return /^\/(api|mcp)(\/|$)/.test(requestPath);
}

// The authority ("host:port", default port left out) an origin or URL names; undefined when it does not parse.
function authorityOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Middleware for the whole app: a non-GET/HEAD request to /api or /mcp (including routes mounted
 * later) is refused with 403 CROSS_ORIGIN when its Origin is neither this server (the authority
 * the request was sent to, so a TLS proxy in front still matches) nor one of `allowedOrigins`; or,
 * without an Origin, when Sec-Fetch-Site says another site sent it. Requests with neither header
 * (curl, the CLI, scripts) are not from a browser page and pass.
 */
export function requireSameOrigin(allowedOrigins: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set(allowedOrigins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !isGuardedPath(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const own = [authorityOf(c.req.url), c.req.header('host')?.toLowerCase()];
      const from = authorityOf(origin);
      if (allowed.has(origin.toLowerCase()) || (from !== undefined && own.includes(from))) return next();
      throw new AppError(
        'CROSS_ORIGIN',
        `${c.req.method} ${c.req.path} was sent by a page from '${origin.slice(0, 100)}', not from this server.`,
        { field: 'origin' },
      );
    }
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') {
      throw new AppError(
        'CROSS_ORIGIN',
        `${c.req.method} ${c.req.path} was sent by a page from another site (Sec-Fetch-Site: ${site}).`,
        { field: 'origin' },
      );
    }
    await next();
  };
}
