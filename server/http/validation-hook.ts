// Turns a zod validation failure of a request part into an INVALID_INPUT error that names the
// parameter and says what is wrong with it ("Query parameter 'k' must be at most 100"); the
// wording itself lives in core/input-issues.ts, which the CLI shares.
import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppError } from '../../core/errors.ts';
import { invalidInputError } from '../../core/input-issues.ts';
import type { AppEnv } from './app-env.ts';

const TARGET_NAMES: Record<string, (field: string) => string> = {
  query: (field) => `Query parameter '${field}'`,
  param: (field) => `Path parameter '${field}'`,
  json: (field) => `Field '${field}' of the JSON body`,
  form: (field) => `Form field '${field}'`,
  header: (field) => `Header '${field}'`,
  cookie: (field) => `Cookie '${field}'`,
};

/**
 * The INVALID_INPUT error for a failed validation of one request part (query, param, json, …).
 * `input` is what was validated: with it, a query parameter given twice is said to be.
 */
export function invalidInput(target: string, error: z.ZodError, input?: unknown): AppError {
  const nameField = (field: string | null) => {
    if (field === null) return target === 'json' ? 'The JSON body' : `The request ${target}`;
    return (TARGET_NAMES[target] ?? ((name: string) => `'${name}'`))(field);
  };
  return invalidInputError(error, nameField, target === 'query' ? { queryString: input } : {});
}

/** The defaultHook of every API router: validation failures become INVALID_INPUT errors for onError. */
export const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (!result.success) throw invalidInput(result.target, result.error, (result as { data?: unknown }).data);
  return undefined;
};
