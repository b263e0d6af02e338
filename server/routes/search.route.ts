// GET /api/search and POST /api/search: hybrid, semantic or keyword search over the served index,
// the same parameters in a query string or (for queries as long as an abstract) a JSON body.
import { createRoute, type z } from '@hono/zod-openapi';
import { closedObject, nearMissCheckedObject } from '../../core/input-issues.ts';
import { errorResponses } from '../http/error-response.ts';
import { requireIndex } from '../http/index.middleware.ts';
import { numberParam } from '../http/query-params.ts';
import { createRouter } from '../http/router.ts';
import { QUERY_SYNTAX_HELP, searchPapers } from '../search/index.ts';
import {
  checkSearchBounds,
  SEARCH_LIMITS,
  type SearchRequest,
  zSearchFilters,
  zSearchRequest,
  zSearchResponse,
  zSearchSort,
} from '../search/search.schema.ts';

const filters = zSearchFilters.shape;

// The parameters of a search, by their query-string names; a JSON body uses exactly these names.
const searchParams = {
  q: zSearchRequest.shape.query.meta({
    description: `What to search for. ${QUERY_SYNTAX_HELP}`,
    example: '"attention sink" heads -vision',
  }),
  k: numberParam(zSearchRequest.shape.k).meta({ description: 'Results per page' }),
  offset: numberParam(zSearchRequest.shape.offset).meta({ description: 'Results to skip (paging)' }),
  mode: zSearchRequest.shape.mode,
  year_from: numberParam(filters.yearFrom),
  year_to: numberParam(filters.yearTo),
  author: filters.author.meta({ description: "Substring of any author's name, case-insensitive" }),
  tag: filters.tag.meta({ description: 'Exact tag, case-insensitive' }),
  venue: filters.venue.meta({ description: 'Substring of the venue, case-insensitive' }),
  ef: numberParam(zSearchRequest.shape.ef).meta({
    description: 'HNSW search breadth (default: the index setting)',
  }),
  sort: zSearchSort.default('relevance').meta({ description: 'relevance (default) or year (newest first)' }),
};

// The rules that bind one parameter to another, named as sent (search.schema.ts checkSearchBounds).
function checkRelations(
  query: { k: number; offset: number; year_from?: number | undefined; year_to?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  checkSearchBounds({ ...query, yearFrom: query.year_from, yearTo: query.year_to }, ctx, QUERY_BOUND_NAMES);
}

const QUERY_BOUND_NAMES = { k: 'k', yearTo: 'year_to', yearFromPath: ['year_from'] } as const;

/**
 * The query string of GET /api/search: the search nouns, with snake_case names for the filters.
 * Other names are ignored, but a known one written differently is refused (`yearFrom=2020` never
 * searches unfiltered).
 */
export const zSearchQuery = nearMissCheckedObject(searchParams).superRefine(checkRelations);

/**
 * The JSON body of POST /api/search: exactly the query string's names (numbers as JSON numbers or
 * numeric strings); an unknown name is refused, so a misspelt filter is never silently ignored.
 */
export const zSearchBody = closedObject(searchParams).superRefine(checkRelations);

/** The search request a query string asks for. */
export function toSearchRequest(query: z.output<typeof zSearchQuery>): SearchRequest {
  const { q, k, offset, mode, ef, year_from, year_to, author, tag, venue, sort } = query;
  return {
    query: q,
    k,
    offset,
    mode,
    sort,
    ...(ef === undefined ? {} : { ef }),
    filters: {
      ...(year_from === undefined ? {} : { yearFrom: year_from }),
      ...(year_to === undefined ? {} : { yearTo: year_to }),
      ...(author === undefined ? {} : { author }),
      ...(tag === undefined ? {} : { tag }),
      ...(venue === undefined ? {} : { venue }),
    },
  };
}

const searchResponses = {
  200: {
    description: 'One page of results, best first, with the total and facets of the matching papers',
    content: { 'application/json': { schema: zSearchResponse.meta({ id: 'SearchResponse' }) } },
  },
  ...errorResponses(400, 401, 503),
};

export const searchRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/search',
      summary: 'Search papers',
      description: 'Ranks passages by meaning (HNSW), by words (BM25) or both, and groups them by paper.',
      tags: ['search'],
      middleware: [requireIndex] as const,
      request: { query: zSearchQuery },
      responses: searchResponses,
    }),
    async (c) => c.json(await searchPapers(c.var.index, toSearchRequest(c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/search',
      summary: 'Search papers with a long query',
      description: `The same search as GET /api/search, its parameters in a JSON body under the same names; q may be up to ${SEARCH_LIMITS.maxQueryChars} characters (an abstract: "papers like this text").`,
      tags: ['search'],
      middleware: [requireIndex] as const,
      request: { body: { required: true, content: { 'application/json': { schema: zSearchBody } } } },
      // A body, unlike a query string, can be over the size limit.
      responses: { ...searchResponses, ...errorResponses(413) },
    }),
    async (c) => c.json(await searchPapers(c.var.index, toSearchRequest(c.req.valid('json'))), 200),
  );
