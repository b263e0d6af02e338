// Runs the app on a real socket with @hono/node-server: refuses an unsafe bind, opens (and
// optionally watches) the index, listens, and closes gracefully.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../core/config.ts';
import { AppError, isAppError } from '../core/errors.ts';
import { type AppOptions, createApp } from './app.ts';
import { answerClientError, MAX_HEADER_BYTES } from './http/client-error.ts';
import { isLoopbackHost } from './http/loopback.ts';
import { READ_FAILURES } from './index-holder/damaged-generations.ts';
import { createServingHolder } from './index-holder/serving-holder.ts';
import { apiDamageNotice, type IndexHolder, type IndexHolderOptions, WARM_UP_QUERIES } from './index-holder.ts';

export const SERVE_DEFAULTS = {
  /** Poll the index folder this often (ms) when watching. */
  watchIntervalMs: 2_000,
  watch: false,
  /** Longest wait for running requests on close before their connections are cut. */
  closeGraceMs: 5_000,
  /** Longest a request may take to arrive, headers and body (a stalled upload is cut after this). */
  requestTimeoutMs: 30_000,
  /** Open connections at once; more are closed as they arrive (each costs a socket and its buffers). */
  maxConnections: 1_024,
};

export type ServeOptions = Partial<typeof SERVE_DEFAULTS> &
  Partial<
    Pick<
      AppOptions,
      'webDir' | 'maxBodyBytes' | 'maxBodyBytesInFlight' | 'timeoutMs' | 'maxInFlight' | 'maxStreamMs' | 'log'
    >
  > & {
    /** Host, port, token, CORS origins and model folder come from here. */
    config: Config;
    indexDir: string;
    onNotice?: (message: string) => void;
    /** Brings the other server processes along on a reload (set by a cluster worker). */
    reloadPeers?: IndexHolderOptions['reloadPeers'];
  };

export type RunningServer = {
  /** The base URL, e.g. http://127.0.0.1:8787 (with the real port when port 0 was asked for). */
  url: string;
  host: string;
  port: number;
  holder: IndexHolder;
  /** Stops listening, waits for running requests (up to the grace period) and closes the index. */
  close: () => Promise<void>;
};

/** Refuses to listen beyond this machine unless an access token protects the API. */
export function assertSafeBind(host: string, token: string | undefined): void {
  if (isLoopbackHost(host) || token) return;
  throw new AppError(
    'INVALID_INPUT',
    `Refusing to listen on ${host} without an access token: anyone on the network could read the index. ` +
      'Set CITELENS_TOKEN (at least 16 characters) or bind 127.0.0.1.',
    { field: 'host' },
  );
}

/** The error to report when listening fails: a busy port or a foreign address get a clear message. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new AppError('INVALID_INPUT', `Port ${port} on ${host} is already in use; pass another --port.`, {
      field: 'port',
    });
  }
  if (code === 'EADDRNOTAVAIL') {
    return new AppError('INVALID_INPUT', `This machine has no address ${host} to listen on.`, { field: 'host' });
  }
  if (code === 'EACCES') {
    return new AppError('INVALID_INPUT', `Listening on port ${port} needs more privileges; pass a port above 1023.`, {
      field: 'port',
    });
  }
  return error;
}

async function warmUpRoutes(app: ReturnType<typeof createApp>, config: Config): Promise<void> {
  const headers: Record<string, string> = config.token ? { authorization: `Bearer ${config.token}` } : {};
  // Sent through the app before it listens, so the route's code is compiled before the first user waits for it.
  for (const query of WARM_UP_QUERIES) {
    const params = new URLSearchParams({ q: query, mode: 'hybrid', k: '10' });
    const response = await app.request(`http://127.0.0.1/api/search?${params}`, { headers });
    await response.arrayBuffer();
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the HTTP server for the index in `indexDir` (an empty folder is served as "no index"), in
 * this process. `startCluster` (server/cluster/) runs one of these in each of several processes.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const opts = { ...SERVE_DEFAULTS, ...options };
  const { config } = opts;
  assertSafeBind(config.host, config.token);
  const notice = opts.onNotice ?? (() => {});
  // Warms each generation it serves as `citelens mcp` does: concept statistics, English words.
  const holder = createServingHolder({
    config,
    onNotice: notice,
    ...(opts.reloadPeers ? { reloadPeers: opts.reloadPeers } : {}),
  });
  try {
    await holder.open(opts.indexDir);
  } catch (error) {
    if (isAppError(error) && error.code === 'INDEX_CORRUPT') {
      // Served as 503 INDEX_CORRUPT (and health "corrupt") until a sound generation is published.
      notice(apiDamageNotice(error, 'index'));
    } else if (isAppError(error) && error.code === 'INDEX_NOT_FOUND') {
      notice(
        `There is no index in ${holder.dir} yet; the API answers 503 until one is built` +
          `${opts.watch ? ' (it is picked up automatically)' : ' and the server is reloaded'}.`,
      );
    } else if (isAppError(error) && opts.watch && READ_FAILURES.has(error.code)) {
      // Watching, a lock or a permission put right later is picked up; without, nothing would try
      // again, so the start fails with the reason instead.
      notice(
        `${error.message} The API answers 503 ${error.code} until it can be read (tried again while watching): ${error.hint}`,
      );
    } else {
      throw error;
    }
  }
  if (opts.watch) holder.watch(opts.watchIntervalMs);

  const app = createApp({
    holder,
    config,
    ...(opts.webDir ? { webDir: opts.webDir } : {}),
    ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
    ...(opts.maxBodyBytesInFlight ? { maxBodyBytesInFlight: opts.maxBodyBytesInFlight } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.maxInFlight ? { maxInFlight: opts.maxInFlight } : {}),
    ...(opts.maxStreamMs ? { maxStreamMs: opts.maxStreamMs } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });

  if (holder.generation !== null) await warmUpRoutes(app, config);

  const server = serve({
    fetch: app.fetch,
    hostname: config.host,
    port: config.port,
    // Node checks request timeouts every connectionsCheckingInterval (30 s by default), so a stalled
    // upload lived up to twice the limit; checking every second keeps the limit what it says.
    serverOptions: {
      requestTimeout: opts.requestTimeoutMs,
      headersTimeout: Math.min(opts.requestTimeoutMs, 20_000),
      connectionsCheckingInterval: Math.min(1_000, opts.requestTimeoutMs),
      // A GET /api/search with a 20,000-character query fits (Node's default, 16 KiB, answered 431).
      maxHeaderSize: MAX_HEADER_BYTES,
    },
  });
  server.maxConnections = opts.maxConnections;
  server.on('clientError', answerClientError);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    holder.close();
    throw listenError(error, config.host, config.port);
  }
  const address = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      holder.unwatch();
      const force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, opts.closeGraceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        holder.close();
        resolve();
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
    return closing;
  };

  return {
    url: `http://${urlHost(config.host)}:${address.port}`,
    host: config.host,
    port: address.port,
    holder,
    close,
  };
}
