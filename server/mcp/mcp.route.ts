// /mcp on `citelens serve`: the MCP server over Streamable HTTP, stateless (a new server and
// transport per request, so any server process can answer any request), under the API's rules:
// the Host check and the same-origin rule (both from the safety rails, on the whole app), and here
// CORS for the configured origins, the access token, and the body, time and concurrency limits.
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Config } from '../../core/config.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requireToken } from '../http/auth.middleware.ts';
import { limitBodyBytesInFlight, limitBodySize, limitConcurrency, limitDuration } from '../http/limits.middleware.ts';
import type { IndexHolder } from '../index-holder.ts';

export const MCP_PATH = '/mcp';

export type McpMountOptions = {
  holder: IndexHolder;
  config: Config;
  maxBodyBytes: number;
  maxBodyBytesInFlight: number;
  timeoutMs: number;
  maxInFlight: number;
  log?: (message: string) => void;
};

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
  app.use(MCP_PATH, limitBodySize(options.maxBodyBytes));
  app.use(MCP_PATH, limitBodyBytesInFlight(options.maxBodyBytesInFlight, options.maxBodyBytes));
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
