// POST /api/verify: checks the citations of a text against the library, claim by claim.
import { createRoute } from '@hono/zod-openapi';
import { nearMissCheckedObject } from '../../core/input-issues.ts';
import { errorResponses } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { createRouter } from '../http/router.ts';
import { libraryOfIndex, verifyTextWith, zVerifyRequest, zVerifyResponse } from '../verify/index.ts';
import { createJudge } from '../verify/judge/index.ts';

export const verifyRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/verify',
    summary: 'Check the citations of a text',
    description:
      'Splits the text into claims and citations (numeric, author–year, arXiv ids, DOIs, paper ids), resolves each citation through the reference list to a library paper, and judges from the paper’s sentences whether it backs the claim.',
    tags: ['verify'],
    middleware: [requireIndex] as const,
    request: {
      body: {
        // A known name written differently (Suggestions for suggestions) is refused, never ignored.
        content: {
          'application/json': { schema: nearMissCheckedObject(zVerifyRequest.shape).meta({ id: 'VerifyRequest' }) },
        },
        required: true,
      },
    },
    responses: {
      200: {
        description: 'Each claim with its citations, their verdicts and evidence, and better-supporting papers',
        content: { 'application/json': { schema: zVerifyResponse.meta({ id: 'VerifyResponse' }) } },
      },
      ...errorResponses(400, 401, 413, 503),
    },
  }),
  async (c) => {
    const library = libraryOfIndex(c.var.index);
    // The built-in judge unless an NLI model is configured (CITELENS_JUDGE) and loads.
    const { judge, notice } = await createJudge(library.statistics, c.var.config);
    const response = await verifyTextWith(library, c.req.valid('json'), judge);
    return c.json(notice ? { ...response, notice } : response, 200);
  },
);
