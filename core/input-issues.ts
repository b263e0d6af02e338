// The one wording of invalid input: turns zod's issues into "must be a number", "must be at most
// 100", "is given twice", and builds the INVALID_INPUT error that names the field as its caller does
// (the HTTP API a query parameter, the CLI an option, MCP an argument).
import { z } from 'zod';
import { AppError } from './errors.ts';

type Issue = z.core.$ZodIssue;

/** One issue as the INVALID_INPUT details list it. */
export type InputIssue = { path: string[]; code: string; message: string };

/** The subject of the message for a field path ("--k", "Query parameter 'k'"), or for the whole input (null). */
export type NameField = (field: string | null) => string;

/**
 * What was validated, when it is a query string as Hono reads one: a name given more than once
 * arrives as a list of its values, and is then said to be given twice rather than of the wrong type.
 */
export type WordingContext = { queryString?: unknown };

const REPEATS = ['', 'once', 'twice', 'three times'];

// The value at an issue's path in what was validated, when it can be read.
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What is wrong with the field, as the end of a sentence whose subject names it ("must be a number"). */
export function describeIssue(issue: Issue, context: WordingContext = {}): string {
  // The project's own schemas phrase their messages as "must …"; those read well as they are.
  if (/^must\b/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined$/.test(issue.message)) return 'is required';
      // A query string repeats a name (?q=a&q=b) as a list of its values.
      const value = issue.path.length > 0 ? valueAt(context.queryString, issue.path) : undefined;
      if (Array.isArray(value) && issue.expected !== 'array') {
        return `is given ${REPEATS[value.length] ?? `${value.length} times`}; give it once`;
      }
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      return `must be of type ${issue.expected}`;
    }
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
      return describeUnknownName(issue, issue.keys[0] ?? '');
    default:
      return issue.message;
  }
}

/** The issues of a failed validation, worded, the one to report first first. */
export function describeIssues(error: z.ZodError, context: WordingContext = {}): InputIssue[] {
  // zod reports the safe-integer bound of .int() before the schema's own bound; name the schema's.
  const safeBound = (issue: Issue) =>
    (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'int';
  // An unknown name comes first: a misspelt name is usually also why a required one is missing.
  const rank = (issue: Issue) => (issue.code === 'unrecognized_keys' ? -1 : Number(safeBound(issue)));
  const ordered = [...error.issues].sort((a, b) => rank(a) - rank(b));
  return ordered.flatMap((issue): InputIssue[] =>
    // One entry per unknown name, its path the name itself, so `field` names what to fix.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path.map(String), key],
          code: issue.code,
          message: describeUnknownName(issue, key),
        }))
      : [{ path: issue.path.map(String), code: issue.code, message: describeIssue(issue, context) }],
  );
}

/**
 * The INVALID_INPUT error for a failed validation: "<subject> <what is wrong>.", the subject named by
 * `nameField` from the first issue's dotted path, with `{ field, issues }` as details.
 */
export function invalidInputError(error: z.ZodError, nameField: NameField, context: WordingContext = {}): AppError {
  const issues = describeIssues(error, context);
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : null;
  return new AppError('INVALID_INPUT', `${nameField(field)} ${first?.message ?? 'is invalid'}.`, { field, issues });
}

// How a closed object's unknown-name issue carries the names it takes (see closedObject).
const TAKES_ONLY = 'takes only: ';

function knownNamesOf(issue: Issue): string | undefined {
  return issue.message.startsWith(TAKES_ONLY) ? issue.message.slice(TAKES_ONLY.length) : undefined;
}

/**
 * The known name an unknown one was probably meant as: the same letters in another case, with other
 * separators or a plural's s more or less (yearFrom for year_from, references for reference).
 */
export function meantName(unknown: string, known: readonly string[]): string | undefined {
  const folded = (name: string) => name.toLowerCase().replace(/[-_ .]/g, '');
  const given = folded(unknown);
  // One letter s more or less too: "reference" for "references".
  return known.find((name) => [given, `${given}s`, given.replace(/s$/, '')].includes(folded(name)));
}

function describeUnknownName(issue: Issue & { code: 'unrecognized_keys' }, key: string): string {
  const known = knownNamesOf(issue);
  const guess = known ? meantName(key, known.split(', ')) : undefined;
  return [
    'is not a name this request takes',
    guess ? ` (did you mean '${guess}'?)` : '',
    known ? `; ${issue.path.length > 0 ? `'${issue.path.join('.')}'` : 'it'} takes ${known}` : '',
  ].join('');
}

/**
 * An object schema that refuses a name it does not know (a misspelt filter is never silently
 * ignored), its error naming the names it takes: "… is not a name this request takes (did you mean
 * 'year_from'?); it takes q, k, …".
 */
export function closedObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const names = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `${TAKES_ONLY}${names}` : undefined),
  });
}

/**
 * An object schema that ignores names it does not know (a client may send more than it needs) but
 * refuses one that is a known name written differently, naming the right one: `yearFrom` for
 * `year_from`, `max_sentences` for `maxSentences`. Such a name is a mistake, and ignoring it would
 * silently drop a filter or a limit.
 */
export function nearMissCheckedObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const names = Object.keys(shape);
  return z.looseObject(shape).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(shape, key)) continue;
      const meant = meantName(key, names);
      if (meant) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is not a name this request takes (did you mean '${meant}'?)`,
        });
      }
    }
  });
}
