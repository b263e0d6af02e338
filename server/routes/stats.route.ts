// GET /api/stats: what the served index holds and which embedder built it.
import { createRoute, z } from '@hono/zod-openapi';
import { zEmbedderInfo } from '../../indexer/embedders/index.ts';
import { errorResponses } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { createRouter } from '../http/router.ts';

export const zStatsResponse = z
  .object({
    papers: z.number().int(),
    passages: z.number().int(),
    embedder: zEmbedderInfo,
    builtAt: z.string(),
    generation: z.number().int(),
    sizeBytes: z.number().int(),
    /** True when the index uses the builtin embedder (no model download; lower quality). */
    builtinEmbedder: z.boolean(),
  })
  .meta({ id: 'StatsResponse' });
export type StatsResponse = z.infer<typeof zStatsResponse>;

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
  (c) => {
    const { manifest } = c.var.index;
    return c.json(
      {
        papers: manifest.papers,
        passages: manifest.passages,
        embedder: manifest.embedder,
        builtAt: manifest.builtAt,
        generation: c.var.index.generation,
        sizeBytes: c.var.index.sizeBytes(),
        builtinEmbedder: manifest.embedder.kind === 'builtin',
      },
      200,
    );
  },
);
