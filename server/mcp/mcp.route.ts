// /mcp on `citelens serve`: the MCP server over Streamable HTTP, stateless (a new server and
// transport per request, so any server process can answer any request), under the API's rules:
// the Host check (from the safety rails), the access token, an Origin check, and the body limit.
import type { Hono, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requireToken } from '../http/auth.middleware.ts';
import { limitBodySize, limitConcurrency, limitDuration } from '../http/limits.middleware.ts';
import type { IndexHolder } from '../index-holder.ts';

export const MCP_PATH = '/mcp';

export type McpMountOptions = {
  holder: IndexHolder;
  config: Config;
  maxBodyBytes: number;
  timeoutMs: number;
  maxInFlight: number;
  log?: (message: string) => void;
};

/** The host (name and port) of an Origin header, or undefined for "null" and anything unparsable. */
function hostOfOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Refuses requests sent by a web page of another site (by its Origin header, or Sec-Fetch-Site
 * cross-site without one): MCP clients send neither, and a browser always does. Pages of this
 * server (same host, so also behind a TLS proxy) and CITELENS_CORS_ORIGINS are accepted.
 */
export function requireOwnOrigin(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const refused =
      origin === undefined
        ? c.req.header('sec-fetch-site') === 'cross-site'
        : hostOfOrigin(origin) !== new URL(c.req.url).host && !allowedOrigins.includes(origin);
    if (refused) {
      const from = origin === undefined ? 'another site' : `'${origin.slice(0, 100)}'`;
      throw new AppError(
        'INVALID_INPUT',
        `${MCP_PATH} does not accept requests from the web page at ${from}; only MCP clients and this server's own pages may call it.`,
        { field: 'origin' },
      );
    }
    await next();
  };
}

/** Serves the MCP server at /mcp on `app`; call after the safety rails and before the web UI's catch-all. */
export function mountMcp(app: Hono<AppEnv>, options: McpMountOptions): void {
  const { config, holder } = options;
  // Browser-based MCP clients on the configured origins need CORS, as the API's web clients do.
  if (config.corsOrigins.length > 0) {
    app.use(
      MCP_PATH,
      cors({
        origin: config.corsOrigins,
        allowMethods: ['POST'],
        allowHeaders: ['Content-Type', 'Authorization', 'Accept', 'Mcp-Protocol-Version'],
        maxAge: 600,
      }),
    );
  }
  if (config.token) app.use(MCP_PATH, requireToken(config.token));
  app.use(MCP_PATH, requireOwnOrigin(config.corsOrigins));
  app.use(MCP_PATH, limitBodySize(options.maxBodyBytes));
  app.use(MCP_PATH, limitDuration(options.timeoutMs));
  app.use(MCP_PATH, limitConcurrency(options.maxInFlight));
  app.all(MCP_PATH, async (c) => {
    // Stateless: no stream for server-initiated messages (GET) and no session to end (DELETE).
    if (c.req.method !== 'POST') {
      return c.json(
        {
          jsonrpc: '2.0',
          error: { code: -32000, message: `${c.req.method} is not supported at ${MCP_PATH}; send POST.` },
          id: null,
        },
        405,
        { Allow: 'POST' },
      );
    }
    // Loaded on the first request: the SDK adds to the start-up time of every server and command.
    const [{ createMcpServer }, { WebStandardStreamableHTTPServerTransport }] = await Promise.all([
      import('./mcp-server.ts'),
      import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
    ]);
    const server = createMcpServer({ holder, config, ...(options.log ? { log: options.log } : {}) });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      // With JSON responses the whole answer is in the Response, so the server can close after it.
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
}
