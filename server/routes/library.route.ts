// GET /api/library: every paper of the library as a sortable, filterable table, a page at a time,
// with facet counts (year, tag, author, venue) over the papers the filters match. POST
// /api/library/uploads…: add paper files from the browser, indexed with progress as server-sent events.
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { nearMissCheckedObject } from '../../core/input-issues.ts';
import { appErrorOf } from '../http/error-handler.ts';
import { errorResponsesFor } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { numberParam } from '../http/query-params.ts';
import { redactServerPaths } from '../http/redact-paths.ts';
import { createRouter } from '../http/router.ts';
import {
  addPart,
  assertUploadReady,
  createUpload,
  indexUpload,
  listLibrary,
  UPLOAD_LIMITS,
  zLibraryPage,
  zLibraryQuery,
  zUploadCreated,
  zUploadFileName,
  zUploadId,
  zUploadPartAccepted,
} from '../library/index.ts';

const shape = zLibraryQuery.shape;
// A known name written differently (yearFrom for year_from) is refused rather than ignored.
const zLibraryParams = nearMissCheckedObject({
  offset: numberParam(shape.offset),
  limit: numberParam(shape.limit),
  sort: shape.sort,
  order: shape.order,
  text: shape.text,
  year_from: numberParam(shape.year_from),
  year_to: numberParam(shape.year_to),
  author: shape.author,
  tag: shape.tag,
  venue: shape.venue,
  facets: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === undefined || value === 'true' || value === '1')
    .meta({ description: 'Whether to count facets (default true)' }),
});

// Adding papers changes the index: like every state-changing /api request, an upload from another
// site's page is refused (403 CROSS_ORIGIN) by the app-wide requireSameOrigin (server/http/same-origin.middleware.ts).
const zUploadParams = z.object({ id: zUploadId });

export const libraryRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/library',
      summary: 'List the library',
      description:
        'A page of papers (no abstracts) matching the filters, sorted by title, year, venue or authors, with the total and facet counts among the matching papers.',
      tags: ['papers'],
      middleware: [requireIndex] as const,
      request: { query: zLibraryParams },
      responses: {
        200: { description: 'A page of the library', content: { 'application/json': { schema: zLibraryPage } } },
        ...errorResponsesFor(
          'INVALID_INPUT',
          'UNAUTHORIZED',
          'INDEX_NOT_FOUND',
          'INDEX_CORRUPT',
          'INDEX_ACCESS_DENIED',
          'INDEX_BUSY',
          'RESOURCES_EXHAUSTED',
          'DISK_FULL',
          'INDEX_UNREADABLE',
          'OVERLOADED',
          'TIMEOUT',
        ),
      },
    }),
    async (c) => c.json(await listLibrary(c.var.index, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/library/uploads',
      summary: 'Start adding paper files',
      description: "Opens an upload; send its files in parts, then index it. Only from this server's own pages.",
      tags: ['papers'],
      responses: {
        201: { description: 'The upload', content: { 'application/json': { schema: zUploadCreated } } },
        // Its folder is made in the temporary folder, which may be full, out of file handles, or hold another's folder.
        ...errorResponsesFor(
          'INVALID_INPUT',
          'UNAUTHORIZED',
          'CROSS_ORIGIN',
          'PAYLOAD_TOO_LARGE',
          'DISK_FULL',
          'RESOURCES_EXHAUSTED',
          'UPLOADS_UNAVAILABLE',
          'OVERLOADED',
        ),
      },
    }),
    (c) => c.json(createUpload(), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/library/uploads/{id}/files/{name}',
      summary: 'Send a part of a paper file',
      description: `The body is the next part of the file's bytes as they are on disk (\`application/octet-stream\`, at most ${UPLOAD_LIMITS.maxPartBytes.toLocaleString('en')} bytes), parts numbered from 0 in order.`,
      tags: ['papers'],
      request: {
        params: z.object({ id: zUploadId, name: zUploadFileName }),
        query: z.object({ part: numberParam(z.number().int().min(0)) }),
        body: {
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: {
        200: { description: 'The part was stored', content: { 'application/json': { schema: zUploadPartAccepted } } },
        ...errorResponsesFor(
          'INVALID_INPUT',
          'UNAUTHORIZED',
          'CROSS_ORIGIN',
          'NOT_FOUND',
          'PAYLOAD_TOO_LARGE',
          'DISK_FULL',
          'RESOURCES_EXHAUSTED',
          'UPLOADS_UNAVAILABLE',
          'OVERLOADED',
          'TIMEOUT',
        ),
      },
    }),
    async (c) => {
      const { id, name } = c.req.valid('param');
      const { part } = c.req.valid('query');
      return c.json(addPart(id, name, part, new Uint8Array(await c.req.arrayBuffer())), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/library/uploads/{id}/index',
      summary: 'Index the uploaded files',
      description:
        'Indexes the files into the served index (one write at a time) and loads the new generation. Server-sent events: `progress` {stage, done, total}, then `done` {generation, papers, added, updated, unchanged, skipped} or `error` {code, message, hint, problems: [{text, file, line, field, message}]}. Once the stream has begun, a failure is its `error` event, with the code a request would answer: the files and their records (`INVALID_PAPERS`, `UNKNOWN_FORMAT`, `UNREADABLE_FILE`, `FILE_TOO_LARGE`, `NOT_TEXT`), another run writing the index (`INDEX_LOCKED`), another process holding a lock on it past the 5 s a run waits (`INDEX_BUSY`), the disk or the system (`DISK_FULL`, `RESOURCES_EXHAUSTED`, `INDEX_WRITE_FAILED`, `INDEX_UNREADABLE`, `INDEX_ACCESS_DENIED`), damage (`INDEX_CORRUPT`), the embedder (`EMBEDDER_MISMATCH`, `EMBEDDER_UNAVAILABLE`).',
      tags: ['papers'],
      request: { params: zUploadParams },
      responses: {
        200: { description: 'A stream of events', content: { 'text/event-stream': { schema: z.string() } } },
        // Before the stream begins: the upload is missing or already being indexed, or the server is busy.
        ...errorResponsesFor(
          'INVALID_INPUT',
          'UNAUTHORIZED',
          'CROSS_ORIGIN',
          'NOT_FOUND',
          'PAYLOAD_TOO_LARGE',
          'UPLOADS_UNAVAILABLE',
          'OVERLOADED',
        ),
      },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const { config, holder } = c.var;
      // A missing upload is a plain 404, before the stream starts.
      assertUploadReady(id);
      return streamSSE(c, async (stream) => {
        // Progress comes faster than anyone reads it; one event per stage step is plenty.
        let last = '';
        await indexUpload(id, {
          config,
          holder,
          onEvent: (event) => {
            const key = event.type === 'progress' ? `${event.stage}:${event.done}` : event.type;
            if (key === last) return;
            last = key;
            void stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
          },
        }).catch((error: unknown) => {
          // Mapped (and a bug logged) as a request's failure is; indexUpload answers its own run's failures itself.
          const appError = appErrorOf(error, {
            where: `POST /api/library/uploads/${id}/index`,
            log: (line) => console.error(line),
            holder,
          });
          return stream.writeSSE({
            event: 'error',
            data: JSON.stringify({
              type: 'error',
              code: appError.code,
              // Named as any response names a server path (UPLOADS_UNAVAILABLE names the uploads folder).
              message: redactServerPaths(appError.message, holder.dir),
              hint: appError.hintOn('http'),
              problems: [],
            }),
          });
        });
      });
    },
  );
