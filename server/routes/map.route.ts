// GET /api/map: every paper of the index as a point in a 2-D projection of the paper vectors,
// with its tags and cluster, for the web explorer's map.
import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { createRouter } from '../http/router.ts';
import { paperMap, zMapResponse } from '../map/index.ts';

/** The map routes, a sub-app to mount under `/api`. */
export const mapRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/map',
    summary: 'Every paper as a point in 2-D',
    description:
      'A UMAP projection of the paper vectors (seeded, so one index always gives one map), scaled into the unit square, with a k-means cluster id per point. Computed once per index generation and cached in the index folder.',
    tags: ['papers'],
    middleware: [requireIndex] as const,
    responses: {
      200: {
        description: 'The map of the served index generation',
        content: { 'application/json': { schema: zMapResponse.meta({ id: 'MapResponse' }) } },
      },
      ...errorResponses(401, 503),
    },
  }),
  async (c) => c.json(await paperMap(c.var.index, { onNotice: (message) => console.warn(message) }), 200),
);
