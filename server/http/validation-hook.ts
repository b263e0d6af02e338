// Turns a zod validation failure of a request part into an INVALID_INPUT error that names the
// parameter and says what is wrong with it ("Query parameter 'k' must be at most 100").
import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from './app-env.ts';

type Issue = z.core.$ZodIssue;

const TARGET_NAMES: Record<string, (field: string) => string> = {
  query: (field) => `Query parameter '${field}'`,
  param: (field) => `Path parameter '${field}'`,
  json: (field) => `Field '${field}' of the JSON body`,
  form: (field) => `Form field '${field}'`,
  header: (field) => `Header '${field}'`,
  cookie: (field) => `Cookie '${field}'`,
};

function describeIssue(issue: Issue): string {
  // The project's own schemas phrase their messages as "must …"; those read well as they are.
  if (/^must\b/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      return `must be of type ${issue.expected}`;
    case 'too_big': {
      const bound = issue.inclusive === false ? 'less than' : 'at most';
      if (issue.origin === 'string') return `must be ${bound} ${issue.maximum} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have ${bound} ${issue.maximum} items`;
      return `must be ${bound} ${issue.maximum}`;
    }
    case 'too_small': {
      const bound = issue.inclusive === false ? 'more than' : 'at least';
      if (issue.origin === 'string') {
        return Number(issue.minimum) === 1 ? 'must not be empty' : `must be ${bound} ${issue.minimum} characters long`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `must have ${bound} ${issue.minimum} items`;
      return `must be ${bound} ${issue.minimum}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    case 'invalid_union':
      return 'is not of an accepted type';
    case 'unrecognized_keys':
      return `has unknown keys: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** The INVALID_INPUT error for a failed validation of one request part (query, param, json, …). */
export function invalidInput(target: string, error: z.ZodError): AppError {
  // zod reports the safe-integer bound of .int() before the schema's own bound; name the schema's.
  const safeBound = (issue: Issue) =>
    (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
  const ordered = [...error.issues].sort((a, b) => Number(safeBound(a)) - Number(safeBound(b)));
  const issues = ordered.map((issue) => ({
    path: issue.path.map(String),
    code: issue.code,
    message: describeIssue(issue),
  }));
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : undefined;
  const subject = field
    ? (TARGET_NAMES[target] ?? ((name: string) => `'${name}'`))(field)
    : target === 'json'
      ? 'The JSON body'
      : `The request ${target}`;
  return new AppError('INVALID_INPUT', `${subject} ${first?.message ?? 'is invalid'}.`, {
    field: field ?? null,
    issues,
  });
}

/** The defaultHook of every API router: validation failures become INVALID_INPUT errors for onError. */
export const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (!result.success) throw invalidInput(result.target, result.error);
  return undefined;
};
