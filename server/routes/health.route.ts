// GET /api/health: whether the server is up and which index generation it serves (200 even
// without an index, so a supervisor can tell "up, nothing to serve" from "down"). Never "ok" over a
// damaged index or a newest publish that cannot be read: "degraded" while an older generation is
// served, 503 "corrupt" (or "unreadable") when none is, and "checking" while the integrity check of
// a large index begun at start is still running.
import { createRoute, z } from '@hono/zod-openapi';
import type { ErrorCode } from '../../core/errors.ts';
import { errorResponses } from '../http/error-response.ts';
import { redactServerPaths } from '../http/redact-paths.ts';
import { createRouter } from '../http/router.ts';
import { isDamage, problemHeadline } from '../index-holder/damaged-generations.ts';

// The codes a problem of the newest publish has: damage, or a failure to read it (READ_FAILURES).
const PROBLEM_CODES = [
  'INDEX_CORRUPT',
  'INDEX_UNREADABLE',
  'INDEX_ACCESS_DENIED',
  'INDEX_BUSY',
  'RESOURCES_EXHAUSTED',
  'DISK_FULL',
] as const satisfies readonly ErrorCode[];

export const zHealthResponse = z
  .object({
    status: z.enum(['ok', 'checking', 'no-index', 'degraded', 'corrupt', 'unreadable']),
    generation: z.number().int().nullable(),
    /** What is wrong with the newest published generation, and what to do (only when not ok). */
    problem: z.string().optional(),
    /** The error code of that problem: INDEX_CORRUPT, or why it could not be read (INDEX_BUSY…). */
    code: z.enum(PROBLEM_CODES).optional(),
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
          'The server is up (status ok; checking: served while the integrity check of a large index runs; no-index; or degraded: the newest generation is damaged or cannot be read, and an older one is served)',
        content: { 'application/json': { schema: zHealthResponse } },
      },
      503: {
        description:
          'The served generation is damaged, or the only published one is (status corrupt), or it cannot be read and nothing is served (status unreadable)',
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
      const problem = redactServerPaths(
        `${problemHeadline(damage)}: ${damage.error.message} ${damage.error.hint}`,
        holder.dir,
      );
      const code = damage.error.code as (typeof PROBLEM_CODES)[number];
      // Nothing served, or the served generation itself met damage while answering.
      if (generation === null || damage.generation === generation) {
        const status = isDamage(damage) ? ('corrupt' as const) : ('unreadable' as const);
        return c.json({ status, generation, problem, code }, 503);
      }
      return c.json({ status: 'degraded' as const, generation, problem, code }, 200);
    }
    if (generation === null) return c.json({ status: 'no-index' as const, generation }, 200);
    // Served while the integrity check begun at start still reads the database: not yet known to be sound.
    return c.json({ status: holder.checking ? ('checking' as const) : ('ok' as const), generation }, 200);
  },
);
