// Turns a search's metadata filters (year range, author, tag, venue) into the set of papers it may
// return, with one SQL query; the rankers restrict themselves to that set.
import type { IndexReader } from '../../indexer/index.ts';
import type { SearchFilters } from './search.schema.ts';

/** The papers a filtered search may return, as a sorted list (for SQL) and a set (for lookups). */
export type AllowedDocs = { docs: readonly number[]; set: ReadonlySet<number> };

/** Whether any filter is set. */
export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** The papers passing every filter, or undefined when no filter is set (every paper may be returned). */
export function resolveFilters(reader: IndexReader, filters: SearchFilters): AllowedDocs | undefined {
  if (!hasFilters(filters)) return undefined;
  const docs = reader.papers.docsMatching(filters);
  return { docs, set: new Set(docs) };
}
