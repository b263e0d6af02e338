// GET /api/papers/:id (a paper with its passages) and GET /api/papers/:id/similar (its neighbours).
import { createRoute, z } from '@hono/zod-openapi';
import { paperNotFound } from '../../core/errors.ts';
import { nearMissCheckedObject } from '../../core/input-issues.ts';
import { zPaper, zPassage } from '../../indexer/index.ts';
import { errorResponses } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { numberParam } from '../http/query-params.ts';
import { createRouter } from '../http/router.ts';
import { similarPapers } from '../search/index.ts';
import { zSearchRequest, zSimilarResponse } from '../search/search.schema.ts';

const zPaperParams = z.object({
  id: zPaper.shape.id.meta({ example: 'attention-sink-structural-origin' }),
});

export const zPaperResponse = z.object({ paper: zPaper, passages: z.array(zPassage) }).meta({ id: 'PaperResponse' });
export type PaperResponse = z.infer<typeof zPaperResponse>;

export const paperRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/papers/{id}',
      summary: 'Get a paper',
      description: 'The paper and its passages, with their offsets into the title or abstract.',
      tags: ['papers'],
      middleware: [requireIndex] as const,
      request: { params: zPaperParams },
      responses: {
        200: { description: 'The paper', content: { 'application/json': { schema: zPaperResponse } } },
        ...errorResponses(400, 401, 404, 503),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const found = c.var.index.getPaper(id);
      if (!found) throw paperNotFound(id);
      return c.json({ paper: found.paper, passages: c.var.index.passagesOfPaper(id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/papers/{id}/similar',
      summary: 'Papers similar to a paper',
      description:
        'The papers most like this one by meaning and by its most distinctive terms (the paper itself excluded), most similar first, each with the key words it shares.',
      tags: ['papers'],
      middleware: [requireIndex] as const,
      request: {
        params: zPaperParams,
        query: nearMissCheckedObject({
          k: numberParam(zSearchRequest.shape.k).meta({ description: 'How many papers' }),
        }),
      },
      responses: {
        200: {
          description: 'The most similar papers',
          content: { 'application/json': { schema: zSimilarResponse.meta({ id: 'SimilarResponse' }) } },
        },
        ...errorResponses(400, 401, 404, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { k } = c.req.valid('query');
      // Checked here so both paper routes word a missing paper alike (similarPapers words its own).
      if (!c.var.index.getPaper(id)) throw paperNotFound(id);
      return c.json(await similarPapers(c.var.index, id, k), 200);
    },
  );
