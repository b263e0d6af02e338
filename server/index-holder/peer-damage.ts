// Damage one server process's integrity check confirmed, as the others are told it (`serve --workers`):
// which database file, named so that no other file is taken for it, the publish it came from, and why.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { IndexReader } from '../../indexer/index.ts';
import { FILES } from '../../indexer/store/generations.ts';

/**
 * Damage an integrity check confirmed in a generation's database. Every process reads the same file,
 * and a generation's files are never written once published, so one process's verdict holds for all:
 * the others fall back as if their own check had found it, without running one.
 */
export type DamageReport = {
  /** The generation found damaged. */
  generation: number;
  /** The identity of its database file (see databaseIdentity). */
  file: string;
  /** The publish it was served from, which a watcher is not to open again; none when unknown. */
  stamp?: string;
  /** The check's finding, as INDEX_CORRUPT's message and details. */
  message: string;
  details?: unknown;
};

/**
 * What tells the database file of `reader` from any other: its path, device, inode and birth time.
 * An index deleted and built again has the same path and generation number, and may get the inode
 * back, but not the birth time. Undefined when the file cannot be looked at.
 */
export function databaseIdentity(reader: Pick<IndexReader, 'generationDir'>): string | undefined {
  try {
    const file = path.join(reader.generationDir, FILES.db);
    const stat = fs.statSync(file, { bigint: true });
    return `${file}:${stat.dev}:${stat.ino}:${stat.birthtimeNs}`;
  } catch {
    return undefined;
  }
}

/** The report of `error`, confirmed in the database whose identity is `file`. */
export function damageReport(
  generation: number,
  file: string,
  stamp: string | undefined,
  error: AppError,
): DamageReport {
  return {
    generation,
    file,
    ...(stamp === undefined ? {} : { stamp }),
    message: error.message,
    ...(error.details === undefined ? {} : { details: error.details }),
  };
}

/** The INDEX_CORRUPT a report stands for. */
export function reportedDamage(report: DamageReport): AppError {
  return new AppError('INDEX_CORRUPT', report.message, report.details);
}
