// Repairs that keep a record: mending a value zod refused (a bad list entry dropped, text cut, a bad id
// replaced) and spotting metadata too deep or too large to store.
import type { z } from 'zod';
import type { Paper } from '../paper.schema.ts';

/** Deepest nesting kept in metadata: far beyond any exporter's, well within what JSON.stringify can recurse. */
export const MAX_METADATA_DEPTH = 32;
/** Most strings, numbers and keys one metadata value may hold. */
export const MAX_METADATA_ITEMS = 100_000;

/** Why a metadata value cannot be stored (nested too deep, too many parts), or null; walks without recursion. */
export function shapeProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: [unknown, number][] = [[value, 1]];
  let items = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > MAX_METADATA_DEPTH) return `is nested more than ${MAX_METADATA_DEPTH} levels deep`;
    const children = Array.isArray(current) ? current : Object.values(current as object);
    items += children.length;
    if (items > MAX_METADATA_ITEMS) return `holds more than ${MAX_METADATA_ITEMS.toLocaleString('en-US')} values`;
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return null;
}

/**
 * Mends the value a zod issue is about, in place: a bad list entry goes, a bad id is replaced, text too
 * long is cut, any other bad value is dropped. Returns what was done, or null when nothing could be.
 */
export function repairValue(
  input: Record<string, unknown>,
  issue: z.core.$ZodIssue,
  replaceId: () => void,
): string | null {
  const [field, index] = issue.path as [keyof Paper | undefined, unknown];
  if (field === undefined || field === 'metadata') return null;
  const value = input[field];
  if (field === 'id') {
    delete input.id;
    replaceId();
    return 'id';
  }
  if (typeof index === 'number' && Array.isArray(value)) {
    input[field] = value.filter((_entry, at) => at !== index);
    return 'the entry was dropped';
  }
  if ((field === 'title' || field === 'abstract') && issue.code === 'too_big' && typeof value === 'string') {
    input[field] = value.slice(0, Number(issue.maximum)).trimEnd();
    return `it was cut to ${Number(issue.maximum).toLocaleString('en-US')} characters`;
  }
  if (field === 'title') return null;
  delete input[field];
  return 'the value was dropped';
}
