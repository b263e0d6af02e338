// Who may call the API: the bearer token check (constant time), and the stricter rule for admin
// routes (from this machine, or with the token).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from './app-env.ts';
import { isLoopbackHost, remoteAddress } from './loopback.ts';

// Hashing both sides gives equal-length buffers, so the comparison leaks neither content nor length.
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Whether an Authorization header carries exactly `Bearer <token>`. */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/** Refuses every request that does not carry `Authorization: Bearer <token>`, with 401 UNAUTHORIZED. */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    // Preflight requests never carry credentials; CORS (registered before this) answers them.
    if (c.req.method === 'OPTIONS') return next();
    if (!hasBearerToken(c.req.header('authorization'), token)) {
      const problem = c.req.header('authorization') ? 'is wrong' : 'is missing';
      throw new AppError('UNAUTHORIZED', `The access token ${problem}.`);
    }
    await next();
  };
}

/**
 * For admin routes: with a token configured, `requireToken` has already checked it; without one,
 * only a peer on this machine is accepted (an unknown peer is refused).
 */
export const requireLocalOrToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.config.token) {
    const peer = remoteAddress(c);
    if (!peer || !isLoopbackHost(peer)) {
      throw new AppError(
        'UNAUTHORIZED',
        `${c.req.method} ${c.req.path} is accepted only from this machine or with the access token.`,
      );
    }
  }
  await next();
};
