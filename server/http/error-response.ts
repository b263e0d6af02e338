// The JSON body of every API error, defined once: a code from the error table, a message that
// says what was wrong and where, optional details, and the table's hint for the surface showing it.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppError, ERRORS, type ErrorCode, type Surface } from '../../core/errors.ts';

const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

export const zErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown(),
      hint: z.string(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof zErrorResponse>;

/** The error body for an AppError, with the hint `surface` shows (the HTTP API's unless said). */
export function errorBody(error: AppError, surface: Surface = 'http'): ErrorResponse {
  return {
    error: { code: error.code, message: error.message, details: error.details ?? null, hint: error.hintOn(surface) },
  };
}

/** Sends an AppError as JSON with the status the error table gives its code. */
export function sendError(c: Context, error: AppError): Response {
  return c.json(errorBody(error), error.status as ContentfulStatusCode);
}

/** OpenAPI response entries for the errors a route can answer with. */
export function errorResponses<const S extends number>(...statuses: S[]) {
  const descriptions: Record<number, string> = {
    400: 'A parameter or the body is invalid; `details.field` names it',
    401: 'The access token is missing or wrong',
    403: 'A state-changing request sent by a page from another origin',
    404: 'Nothing exists at this id or path',
    413: 'The request body is over the size limit',
    503: 'No index is loaded, the index could not be read (damaged, locked by another process, out of file handles or memory, the disk full), or the server is busy',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error',
        content: { 'application/json': { schema: zErrorResponse } },
      },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof zErrorResponse } } }>;
}

type ErrorEntry = { description: string; content: { 'application/json': { schema: typeof zErrorResponse } } };

/**
 * OpenAPI response entries for the error codes a route can answer with, one per status the error
 * table gives them, each naming its codes: where one status means different things on different
 * routes (503 is a full disk on an upload, a locked index on a search), the route says which.
 */
export function errorResponsesFor<const C extends ErrorCode>(...codes: C[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, named]) => {
      const listed = named.map((code) => `\`${code}\``);
      const which = listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
      const entry: ErrorEntry = {
        description: `The error's code is ${which}; its hint says what to do`,
        content: { 'application/json': { schema: zErrorResponse } },
      };
      return [status, entry];
    }),
  ) as Record<(typeof ERRORS)[C]['status'], ErrorEntry>;
}
