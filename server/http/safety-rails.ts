// The middleware every request passes before a route: security headers and CSP, the DNS-rebinding
// host check, the same-origin rule for state-changing requests, CORS, the access token, and the body, time and concurrency limits.
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../../core/config.ts';
import type { AppEnv } from './app-env.ts';
import { requireToken } from './auth.middleware.ts';
import { requireUtf8 } from './encoding.middleware.ts';
import { requireLocalHostHeader } from './host-check.middleware.ts';
import { GENERATION_HEADER } from './index.middleware.ts';
import { requireWellFormedJson } from './json-body.middleware.ts';
import { limitBodyBytesInFlight, limitBodySize, limitConcurrency, limitDuration } from './limits.middleware.ts';
import { isLoopbackHost } from './loopback.ts';
import { requireSameOrigin } from './same-origin.middleware.ts';

export type SafetyOptions = {
  config: Config;
  maxBodyBytes: number;
  timeoutMs: number;
  maxInFlight: number;
  /** Request bodies received and held at once, in bytes, before others are refused. */
  maxBodyBytesInFlight: number;
  /** API paths reachable without the token (static pages that hold no data). */
  isPublicApiPath: (path: string) => boolean;
};

/** The Content-Security-Policy of every response: nothing loads from anywhere but this server. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Registers the safety middleware on `app`; call before mounting any route. */
export function applySafetyRails(app: Hono<AppEnv>, options: SafetyOptions): void {
  const { config } = options;
  app.use(
    '*',
    secureHeaders({
      // Served over plain HTTP on this machine; a TLS proxy in front sets its own HSTS.
      strictTransportSecurity: false,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    }),
  );
  // Without a token, the Host header is what tells this machine's pages from a rebinding attacker's.
  if (!config.token && isLoopbackHost(config.host)) app.use('*', requireLocalHostHeader());
  // On '*', so every state-changing route under /api or /mcp is guarded, whoever mounts it.
  app.use('*', requireSameOrigin(config.corsOrigins));
  if (config.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: config.corsOrigins,
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Content-Type', 'Authorization'],
        exposeHeaders: [GENERATION_HEADER],
        maxAge: 600,
      }),
    );
  }
  if (config.token) {
    const checkToken = requireToken(config.token);
    app.use('/api/*', (c, next) => (options.isPublicApiPath(c.req.path) ? next() : checkToken(c, next)));
  }
  // The time limit covers reading the body too: a body that stops arriving is answered 503 TIMEOUT
  // like slow work (read outside it, such a request was left to Node's requestTimeout, or to none).
  app.use('/api/*', limitDuration(options.timeoutMs));
  app.use('/api/*', limitBodySize(options.maxBodyBytes));
  // Before any body is read: a body is buffered only inside this budget.
  app.use('/api/*', limitBodyBytesInFlight(options.maxBodyBytesInFlight, options.maxBodyBytes));
  app.use('/api/*', requireUtf8);
  app.use('/api/*', requireWellFormedJson);
  app.use('/api/*', limitConcurrency(options.maxInFlight));
}
