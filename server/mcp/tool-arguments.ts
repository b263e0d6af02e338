// How a tool's arguments are checked and what an agent is told when they are wrong: the argument
// named as the agent sent it, what is wrong with it, and for a name the tool does not take, the
// names it does take (an agent that misspells a filter must not get unfiltered results).
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { describeIssues, type InputIssue, meantName } from '../../core/input-issues.ts';
import { checkSearchBounds } from '../search/search.schema.ts';

type Issue = z.core.$ZodIssue;
type JsonSchema = { properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; [key: string]: unknown };

/** The rules that bind one search argument to another (search.schema.ts), worded with the arguments' MCP names. */
export function checkSearchRelations(
  args: { k?: number; offset?: number; filters?: { yearFrom?: number | undefined; yearTo?: number | undefined } },
  ctx: z.RefinementCtx,
): void {
  checkSearchBounds({ k: args.k, offset: args.offset, ...args.filters }, ctx, MCP_BOUND_NAMES);
}

const MCP_BOUND_NAMES = { k: 'k', yearTo: 'filters.yearTo', yearFromPath: ['filters', 'yearFrom'] } as const;

// The property names the JSON Schema allows at `path` (the object's own names when path is empty).
function namesAt(schema: JsonSchema, path: readonly PropertyKey[]): string[] {
  let node: JsonSchema | undefined = schema;
  for (const key of path) {
    const objectNode: JsonSchema | undefined = node?.properties ? node : node?.anyOf?.find((s) => s.properties);
    node = objectNode?.properties?.[String(key)];
  }
  const objectNode = node?.properties ? node : node?.anyOf?.find((s) => s.properties);
  return Object.keys(objectNode?.properties ?? {});
}

function unknownNameError(toolName: string, issue: Issue & { code: 'unrecognized_keys' }, schema: JsonSchema) {
  const key = issue.keys[0] ?? '';
  const path = [...issue.path.map(String), key];
  const field = path.join('.');
  const known = namesAt(schema, issue.path);
  const where = issue.path.length === 0 ? toolName : `Argument '${issue.path.map(String).join('.')}'`;
  const guess = meantName(key, known);
  const fix = guess ? ` Did you mean '${guess}'?` : '';
  const message = `Argument '${field}' is not one ${toolName} takes.${fix} ${where} takes ${known.join(', ')}.`;
  const issues: InputIssue[] = issue.keys.map((name) => ({
    path: [...issue.path.map(String), name],
    code: 'unrecognized_keys',
    message: 'is not an argument this tool takes',
  }));
  return new AppError('INVALID_INPUT', message, { field, issues });
}

/**
 * Validates a tool's arguments against `input`; a failure is INVALID_INPUT naming the argument
 * ("Argument 'k' must be at most 20."). An unknown name is reported before anything else, with the
 * names the tool takes: a misspelt name is usually also why a required one is missing.
 */
export function parseToolArguments(
  toolName: string,
  input: z.ZodType,
  inputSchema: JsonSchema,
  args: unknown,
): unknown {
  const parsed = input.safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  const unknownName = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknownName) throw unknownNameError(toolName, unknownName, inputSchema);
  const issues = describeIssues(parsed.error);
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : null;
  const subject = field === null ? 'The arguments' : `Argument '${field}'`;
  throw new AppError('INVALID_INPUT', `${subject} ${first?.message ?? 'are invalid'}.`, { field, issues });
}
