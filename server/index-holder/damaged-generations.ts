// A damaged generation and the fallback from it: which generation was found damaged, the newest
// older generation still on disk that opens, the notice that says the older one is served, and
// the notice for a generation served unchecked because its integrity check could not run.
import path from 'node:path';
import type { AppError } from '../../core/errors.ts';
import {
  currentGeneration,
  type IndexReader,
  type OpenIndexOptions,
  olderGenerations,
  openIndex,
} from '../../indexer/index.ts';
import { FILES } from '../../indexer/store/generations.ts';

/** The newest published generation could not be opened because it is damaged (INDEX_CORRUPT). */
export type IndexProblem = { generation: number | null; error: AppError };

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

/** The notice that `older` serves in place of the damaged generation until a sound one is published. */
export function servingOlderNotice(damage: IndexProblem, older: IndexReader): string {
  const which = damage.generation === null ? 'The published index' : `Index generation ${damage.generation}`;
  return `${which} is damaged: ${damage.error.message} Serving generation ${older.generation}, the one before it, until a sound generation is published. ${damage.error.hint}`;
}

/**
 * The notice that `reader` is served although its integrity check could not run (too many open
 * files, a thread that did not start): that says nothing of damage, so the generation stays served.
 */
export function uncheckedNotice(reader: IndexReader, reason: string): string {
  const file = path.join(reader.generationDir, FILES.db);
  return `Could not check index generation ${reader.generation} for damage: the integrity check of ${file} could not run (${reason}). It is served unchecked; it is checked again when the server next opens it.`;
}
