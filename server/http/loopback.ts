// What counts as "this machine": loopback bind hosts, loopback peer addresses, and the host
// names a browser uses to reach a local server.
import net from 'node:net';
import type { Context } from 'hono';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Whether binding `host` keeps the server reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/** Whether a request's URL names this machine (a DNS-rebinding page would name its own domain). */
export function isLocalHostname(hostname: string): boolean {
  return LOCAL_NAMES.has(hostname.toLowerCase()) || isLoopbackHost(hostname);
}

/**
 * The peer address of a request served by @hono/node-server, or undefined when the request did
 * not come through a socket (for example `app.request()` in tests).
 */
export function remoteAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}
