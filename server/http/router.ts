// The one way to make an API router: an OpenAPIHono sub-app whose validation failures become
// INVALID_INPUT errors. Route modules chain `.openapi(createRoute(...), handler)` on it.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { validationHook } from './validation-hook.ts';

/** A new router for a route module, mounted by app.ts under /api. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
