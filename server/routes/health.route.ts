// GET /api/health: whether the server is up and which index generation it serves (200 even
// without an index, so a supervisor can tell "up, nothing to serve" from "down").
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../http/error-response.ts';
import { createRouter } from '../http/router.ts';

export const zHealthResponse = z
  .object({
    status: z.enum(['ok', 'no-index']),
    generation: z.number().int().nullable(),
  })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof zHealthResponse>;

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    summary: 'Health check',
    tags: ['index'],
    responses: {
      200: { description: 'The server is up', content: { 'application/json': { schema: zHealthResponse } } },
      ...errorResponses(401),
    },
  }),
  (c) => {
    const generation = c.var.holder.generation;
    return c.json({ status: generation === null ? ('no-index' as const) : ('ok' as const), generation }, 200);
  },
);
