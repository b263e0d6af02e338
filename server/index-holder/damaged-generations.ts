// A damaged generation and the fallback from it: which generation was found damaged, the newest
// older generation still on disk that opens, the notice that says the older one is served, and
// the notice for a generation served unchecked because its integrity check could not run.
import path from 'node:path';
import type { AppError, ErrorCode } from '../../core/errors.ts';
import {
  currentGeneration,
  type IndexReader,
  type OpenIndexOptions,
  olderGenerations,
  openIndex,
} from '../../indexer/index.ts';
import { FILES } from '../../indexer/store/generations.ts';

/**
 * Why the newest published generation is not served: it is damaged (INDEX_CORRUPT), or it could not
 * be read (INDEX_UNREADABLE, INDEX_ACCESS_DENIED, INDEX_BUSY, RESOURCES_EXHAUSTED, DISK_FULL; see
 * `READ_FAILURES`).
 */
export type IndexProblem = { generation: number | null; error: AppError };

/**
 * The failures to read the newest publish that say nothing of its pages: kept as `problem` (health
 * is not ok) but never as a publish not to open again, so a watcher keeps trying it.
 */
export const READ_FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INDEX_UNREADABLE',
  'INDEX_ACCESS_DENIED',
  'INDEX_BUSY',
  'RESOURCES_EXHAUSTED',
  'DISK_FULL',
]);

/** Whether `problem` is damage (INDEX_CORRUPT) rather than a failure to read. */
export function isDamage(problem: IndexProblem): boolean {
  return problem.error.code === 'INDEX_CORRUPT';
}

/**
 * Whether a server serves the generation before the newest one in its place: for damage, and for a
 * file of it gone (INDEX_UNREADABLE: deleted, a folder in its place, an I/O error), which the rest
 * of Citelens treats as damage too. A lock, permissions or file handles leave nothing to fall back from.
 */
export function fallsBack(problem: IndexProblem): boolean {
  return isDamage(problem) || problem.error.code === 'INDEX_UNREADABLE';
}

/** The generation CURRENT names in `dir`, or null when CURRENT itself is what is damaged. */
export function publishedGenerationOrNull(dir: string): number | null {
  try {
    return currentGeneration(dir)?.generation ?? null;
  } catch {
    return null;
  }
}

/** The newest generation older than the damaged one that opens (with `options`), if any. */
export async function openOlderGeneration(
  dir: string,
  options: OpenIndexOptions,
  damage: IndexProblem,
): Promise<IndexReader | undefined> {
  for (const older of olderGenerations(dir, damage.generation ?? Number.POSITIVE_INFINITY)) {
    try {
      return await openIndex(dir, { ...options, generation: older });
    } catch {
      // Damaged too, or half deleted by a run pruning it: try the next.
    }
  }
  return undefined;
}

/** What is wrong with the newest publish, as a sentence's start: "Index generation 2 is damaged". */
export function problemHeadline(problem: IndexProblem): string {
  const which = problem.generation === null ? 'The published index' : `Index generation ${problem.generation}`;
  return `${which} ${isDamage(problem) ? 'is damaged' : 'could not be read'}`;
}

/** The notice that `older` serves in place of the damaged (or unreadable) generation until a sound one is published. */
export function servingOlderNotice(damage: IndexProblem, older: IndexReader): string {
  const until = isDamage(damage)
    ? 'until a sound generation is published'
    : 'until it can be read or another generation is published';
  return `${problemHeadline(damage)}: ${damage.error.message} Serving generation ${older.generation}, the one before it, ${until}. ${damage.error.hint}`;
}

/**
 * The notice that `reader` is served although its integrity check could not run (too many open
 * files, a thread that did not start): that says nothing of damage, so the generation stays served.
 */
export function uncheckedNotice(reader: IndexReader, reason: string): string {
  const file = path.join(reader.generationDir, FILES.db);
  return `Could not check index generation ${reader.generation} for damage: the integrity check of ${file} could not run (${reason}). It is served unchecked; it is checked again when the server next opens it.`;
}
