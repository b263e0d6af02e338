// POST /api/admin/reload: serve the newest published index generation now (from this machine,
// or with the access token).
import { createRoute, z } from '@hono/zod-openapi';
import { requireLocalOrToken } from '../http/auth.middleware.ts';
import { errorResponses } from '../http/error-response.ts';
import { createRouter } from '../http/router.ts';

export const zReloadResponse = z
  .object({
    changed: z.boolean(),
    previous: z.number().int().nullable(),
    generation: z.number().int().nullable(),
  })
  .meta({ id: 'ReloadResponse' });

export const adminRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/admin/reload',
    summary: 'Reload the index',
    description: 'Opens the newest published generation; requests already running finish on the old one.',
    tags: ['index'],
    middleware: [requireLocalOrToken] as const,
    responses: {
      200: { description: 'What was reloaded', content: { 'application/json': { schema: zReloadResponse } } },
      ...errorResponses(401, 503),
    },
  }),
  async (c) => c.json(await c.var.holder.reload(), 200),
);
