// Guards a server bound to loopback without a token against DNS rebinding: a page on another
// site that resolves its own name to 127.0.0.1 must not be able to read the API.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import { isLocalHostname } from './loopback.ts';

/** Refuses requests whose Host names anything but this machine or one of `allowedHosts`. */
export function requireLocalHostHeader(allowedHosts: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return async (c, next) => {
    const hostname = new URL(c.req.url).hostname;
    if (!isLocalHostname(hostname) && !allowed.has(hostname.toLowerCase())) {
      throw new AppError(
        'INVALID_INPUT',
        `This server answers to localhost only, not to the host '${hostname.slice(0, 100)}'.`,
        {
          field: 'host',
        },
      );
    }
    await next();
  };
}
