// The HTTP app: safety rails first, then the /api route modules, the OpenAPI document generated
// from their schemas, and the web UI. Routes stay thin; services do the work.
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { type Config, PROJECT_ROOT } from '../core/config.ts';
import type { AppEnv } from './http/app-env.ts';
import { createErrorHandler, type ErrorLog, handleNotFound } from './http/error-handler.ts';
import { applySafetyRails } from './http/safety-rails.ts';
import { validationHook } from './http/validation-hook.ts';
import { serveWebUi } from './http/web-ui.ts';
import type { IndexHolder } from './index-holder.ts';
import { mountMcp } from './mcp/index.ts';
import { adminRoutes } from './routes/admin.route.ts';
import { askRoutes } from './routes/ask.route.ts';
import { docsRoutes, OPENAPI_INFO, OPENAPI_PATH } from './routes/docs.route.ts';
import { healthRoutes } from './routes/health.route.ts';
import { libraryRoutes } from './routes/library.route.ts';
import { mapRoutes } from './routes/map.route.ts';
import { paperRoutes } from './routes/papers.route.ts';
import { searchRoutes } from './routes/search.route.ts';
import { statsRoutes } from './routes/stats.route.ts';
import { verifyRoutes } from './routes/verify.route.ts';

export const APP_DEFAULTS = {
  /** Largest accepted request body: room for a long pasted answer to verify (100k characters) in UTF-8. */
  maxBodyBytes: 512 * 1024,
  /** Request bodies being received and held at once (64 bodies at the limit) before 503 OVERLOADED. */
  maxBodyBytesInFlight: 32 * 1024 * 1024,
  /** Longest a request may take before it is answered with 503 TIMEOUT. */
  timeoutMs: 15_000,
  /** Requests handled at once before others are answered with 503 OVERLOADED (open streams count). */
  maxInFlight: 64,
  /** Longest a streamed answer runs (a 700-token answer at 6 tokens/s takes about this long). */
  maxStreamMs: 120_000,
  /** The built web UI, served at /. */
  webDir: path.join(PROJECT_ROOT, 'web', 'dist'),
};

export type AppOptions = Partial<typeof APP_DEFAULTS> & {
  holder: IndexHolder;
  config: Config;
  /** Where unexpected errors (with their stacks) are written; stderr by default. */
  log?: ErrorLog;
};

// Static, data-free pages that stay reachable without the token so the API reference works in a browser.
function isPublicApiPath(requestPath: string): boolean {
  return requestPath === OPENAPI_PATH || requestPath === '/api/docs' || requestPath.startsWith('/api/docs/');
}

/** Builds the Citelens HTTP app around an index holder. Tests call `app.request()` on it. */
export function createApp(options: AppOptions) {
  const merged = { ...APP_DEFAULTS, ...options } satisfies typeof APP_DEFAULTS & AppOptions;
  // A generated answer may take the LLM's whole timeout; the request limit must leave it room to fall
  // back. Without an LLM the limit is the one asked for.
  const llm = options.config.llm;
  const opts = { ...merged, timeoutMs: llm ? Math.max(merged.timeoutMs, llm.timeoutMs + 5_000) : merged.timeoutMs };
  const { config, holder } = opts;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(createErrorHandler(opts.log));
  app.notFound(handleNotFound);

  applySafetyRails(app, { ...opts, isPublicApiPath });
  app.use('/api/*', async (c, next) => {
    c.set('config', config);
    c.set('holder', holder);
    c.set('maxStreamMs', opts.maxStreamMs);
    await next();
  });

  const api = app
    .route('/api', searchRoutes)
    .route('/api', paperRoutes)
    .route('/api', statsRoutes)
    .route('/api', healthRoutes)
    .route('/api', adminRoutes)
    .route('/api', askRoutes)
    .route('/api', verifyRoutes)
    .route('/api', mapRoutes)
    .route('/api', libraryRoutes);

  const token = config.token;
  if (token) api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  api.doc31(OPENAPI_PATH, { ...OPENAPI_INFO, ...(token ? { security: [{ bearerAuth: [] }] } : {}) });
  app.route('/api', docsRoutes);
  mountMcp(app, opts);
  app.get('*', serveWebUi(opts.webDir));
  return api;
}

/** The app's type, for the typed client: `hc<AppType>(baseUrl)`. */
export type AppType = ReturnType<typeof createApp>;
