// GET /api/library: every paper of the library as a sortable, filterable table, a page at a time,
// with facet counts (year, tag, author, venue) over the papers the filters match.
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { numberParam } from '../http/query-params.ts';
import { createRouter } from '../http/router.ts';
import { listLibrary, zLibraryPage, zLibraryQuery } from '../library/index.ts';

const shape = zLibraryQuery.shape;
const zLibraryParams = z.object({
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

export const libraryRoutes = createRouter().openapi(
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
      ...errorResponses(400, 401, 503),
    },
  }),
  (c) => c.json(listLibrary(c.var.index, c.req.valid('query')), 200),
);
