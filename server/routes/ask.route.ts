// POST /api/ask: a cited answer to a question, whole; POST /api/ask/stream: the same answer as
// server-sent events (sources, deltas, notices, then done with the checked answer).
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { AppError } from '../../core/errors.ts';
import { nearMissCheckedObject } from '../../core/input-issues.ts';
import { zAskRequest, zAskResponse } from '../answer/answer.schema.ts';
import { answerQuestion } from '../answer/answer.service.ts';
import { toClientError } from '../http/error-handler.ts';
import { errorBody, errorResponses } from '../http/error-response.ts';
import { GENERATION_HEADER, requireIndex } from '../http/index.middleware.ts';
import { createRouter } from '../http/router.ts';
import { createLlmClient } from '../llm/index.ts';
import { checkSearchBounds, zSearchFilters } from '../search/search.schema.ts';
import { createJudge } from '../verify/judge/index.ts';
import { statisticsOfIndex } from '../verify/term-statistics.ts';

// The year range is checked inside `filters`, so its message names yearTo and its path yearFrom there.
const ASK_BOUND_NAMES = { k: 'k', yearTo: 'yearTo', yearFromPath: ['yearFrom'] } as const;

// A known name written differently (max_sentences, filters.year_from) is refused, never ignored.
const zAskBody = nearMissCheckedObject({
  ...zAskRequest.shape,
  filters: nearMissCheckedObject(zSearchFilters.shape)
    .superRefine((filters, ctx) => checkSearchBounds(filters, ctx, ASK_BOUND_NAMES))
    .default({}),
}).meta({ id: 'AskRequest' });

const body = {
  content: { 'application/json': { schema: zAskBody } },
  required: true,
} as const;

export const askRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/ask',
      summary: 'Answer a question with citations',
      description:
        'Retrieves passages and answers from them, every sentence cited to the exact span it rests on: extractive by default, generated and checked when an LLM is configured. Abstains when the library holds no answer.',
      tags: ['answers'],
      middleware: [requireIndex] as const,
      request: { body },
      responses: {
        200: {
          description: 'The answer, its sentences with their citations and support, and the sources',
          content: { 'application/json': { schema: zAskResponse.meta({ id: 'AskResponse' }) } },
        },
        ...errorResponses(400, 401, 413, 503),
      },
    }),
    async (c) => {
      const llm = createLlmClient(c.var.config.llm);
      // Support is judged as verify judges it: the configured judge.
      const { judge } = await createJudge(statisticsOfIndex(c.var.index), c.var.config);
      return c.json(
        await answerQuestion(c.var.index, c.req.valid('json'), { llm, judge, signal: c.req.raw.signal }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/ask/stream',
      summary: 'Answer a question, streamed',
      description:
        'The answer as server-sent events: `sources` first, then `delta` pieces of text (a preview), `notice` when the LLM fails and the answer falls back to extractive, and `done` with the checked answer (the AskResponse). A failure sends `error`.',
      tags: ['answers'],
      request: { body },
      responses: {
        200: { description: 'A stream of events', content: { 'text/event-stream': { schema: z.string() } } },
        ...errorResponses(400, 401, 413, 503),
      },
    }),
    (c) => {
      const request = c.req.valid('json');
      const llm = createLlmClient(c.var.config.llm);
      // The lease is held until the stream ends, not just until the handler returns its Response.
      const lease = c.var.holder.acquire();
      // The request's index, as requireIndex sets it: a failure is said for the generation it read.
      c.set('index', lease.reader);
      c.header(GENERATION_HEADER, String(lease.reader.generation));
      const { maxStreamMs } = c.var;
      return streamSSE(c, async (stream) => {
        const controller = new AbortController();
        stream.onAbort(() => controller.abort());
        // After the time limit the stream ends with an error event; the answer still running is
        // aborted, may not write any more, and lets go of its lease when it has stopped.
        let over = false;
        // Begun inside the chain, so a failure reading the index's statistics (a damaged page) is
        // an error event and the lease is released, not a stream cut off holding it.
        const answering = Promise.resolve()
          .then(() => createJudge(statisticsOfIndex(lease.reader), c.var.config))
          .then(({ judge }) =>
            answerQuestion(lease.reader, request, {
              llm,
              judge,
              signal: controller.signal,
              onEvent: async (event) => {
                if (!over) await stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) });
              },
            }),
          )
          .then(() => undefined)
          .catch((error: unknown) => toClientError(error, c))
          .finally(() => lease.release());
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), maxStreamMs);
        });
        const outcome = await Promise.race([answering, deadline]);
        clearTimeout(timer);
        over = true;
        if (outcome === 'timeout') {
          controller.abort();
          const seconds = Math.round(maxStreamMs / 1000);
          const timeout = new AppError('TIMEOUT', `The streamed answer took longer than ${seconds} s.`);
          await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(timeout).error) });
        } else if (outcome) {
          await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(outcome).error) });
        }
      });
    },
  );
