// GET /api/health: whether the server is up and which index generation it serves (200 even
// without an index, so a supervisor can tell "up, nothing to serve" from "down"). Never "ok" over a
// damaged index: "degraded" while an older generation is served, 503 "corrupt" when none is, and
// "checking" while the integrity check of a large index begun at start is still running.
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../http/error-response.ts';
import { redactServerPaths } from '../http/redact-paths.ts';
import { createRouter } from '../http/router.ts';

export const zHealthResponse = z
  .object({
    status: z.enum(['ok', 'checking', 'no-index', 'degraded', 'corrupt']),
    generation: z.number().int().nullable(),
    /** What is wrong with the newest published generation, and what to do (only when not ok). */
    problem: z.string().optional(),
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
      200: {
        description:
          'The server is up (status ok; checking: served while the integrity check of a large index runs; no-index; or degraded: an older generation is served)',
        content: { 'application/json': { schema: zHealthResponse } },
      },
      503: {
        description: 'The served generation is damaged, or the only published one is (status corrupt)',
        content: { 'application/json': { schema: zHealthResponse } },
      },
      ...errorResponses(401),
    },
  }),
  (c) => {
    const { holder } = c.var;
    const generation = holder.generation;
    const damage = holder.problem;
    if (damage) {
      const which = damage.generation === null ? 'The published index' : `Index generation ${damage.generation}`;
      const problem = redactServerPaths(
        `${which} is damaged: ${damage.error.message} ${damage.error.hint}`,
        holder.dir,
      );
      // Nothing served, or the served generation itself met damage while answering.
      if (generation === null || damage.generation === generation) {
        return c.json({ status: 'corrupt' as const, generation, problem }, 503);
      }
      return c.json({ status: 'degraded' as const, generation, problem }, 200);
    }
    if (generation === null) return c.json({ status: 'no-index' as const, generation }, 200);
    // Served while the integrity check begun at start still reads the database: not yet known to be sound.
    return c.json({ status: holder.checking ? ('checking' as const) : ('ok' as const), generation }, 200);
  },
);
