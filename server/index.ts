// The server's public API: the HTTP app and its type (for the typed web client), the index
// holder, and the function that runs the app on a socket.
export { APP_DEFAULTS, type AppOptions, type AppType, createApp } from './app.ts';
export type { AppEnv } from './http/app-env.ts';
export { type ErrorResponse, zErrorResponse } from './http/error-response.ts';
export { GENERATION_HEADER } from './http/index.middleware.ts';
export { createRouter } from './http/router.ts';
export { IndexHolder, type IndexLease, type ReloadResult } from './index-holder.ts';
export { type StatsResponse, zStatsResponse } from './library/index-stats.ts';
export { type HealthResponse, zHealthResponse } from './routes/health.route.ts';
export { type PaperResponse, zPaperResponse } from './routes/papers.route.ts';
export { assertSafeBind, type RunningServer, SERVE_DEFAULTS, type ServeOptions, startServer } from './serve.ts';
