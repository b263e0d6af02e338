// GET /api/stats: what the served index holds and which embedder built it.
import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { createRouter } from '../http/router.ts';
import { indexStats, zStatsResponse } from '../library/index-stats.ts';

export const statsRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/stats',
    summary: 'Index statistics',
    tags: ['index'],
    middleware: [requireIndex] as const,
    responses: {
      200: { description: 'What the index holds', content: { 'application/json': { schema: zStatsResponse } } },
      ...errorResponses(401, 503),
    },
  }),
  (c) => c.json(indexStats(c.var.index), 200),
);
