// Guards a server bound to loopback without a token against DNS rebinding: a page on another
// site that resolves its own name to 127.0.0.1 must not be able to read the API.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import { isLocalHostname } from './loopback.ts';

// The host name in a Host header ("name", "name:port", "[v6]:port"); the raw text when it does not parse.
function hostnameOf(header: string): string {
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return header;
  }
}

/**
 * Refuses requests whose authority names anything but this machine or one of `allowedHosts`. Both
 * the request line's authority (an absolute-form `GET http://host/…` sets the URL) and the Host
 * header are checked, so neither can vouch for the other.
 */
export function requireLocalHostHeader(allowedHosts: readonly string[] = []): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  const isAllowed = (hostname: string) => isLocalHostname(hostname) || allowed.has(hostname.toLowerCase());
  return async (c, next) => {
    const header = c.req.header('host');
    const names = [new URL(c.req.url).hostname, ...(header === undefined ? [] : [hostnameOf(header)])];
    const foreign = names.find((hostname) => !isAllowed(hostname));
    if (foreign !== undefined) {
      throw new AppError(
        'INVALID_INPUT',
        `This server answers to localhost only, not to the host '${foreign.slice(0, 100)}'.`,
        { field: 'host' },
      );
    }
    await next();
  };
}
