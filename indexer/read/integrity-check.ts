// SQLite's quick_check of an index database, at once or on a thread of its own: flipped bits in a
// page otherwise surface later as failures on some searches, or as silently wrong answers.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../store/database.ts';

/** The error a damaged generation's database is refused with, from quick_check's rows. */
export function integrityError(generationDir: string, rows: readonly string[]): AppError {
  return new AppError(
    'INDEX_CORRUPT',
    `The index database in ${generationDir} is damaged (${rows.join('; ').slice(0, 300)}).`,
    { reason: 'quick_check' },
  );
}

const intact = (rows: readonly string[]) => rows.length === 1 && rows[0] === 'ok';

/** Throws INDEX_CORRUPT unless `db` passes quick_check (about 1 s for a 1 GB database in the page cache). */
export function assertDatabaseIntact(db: Db, generationDir: string): void {
  let rows: string[];
  try {
    rows = (db.pragma('quick_check(3)') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (error) {
    rows = [(error as Error).message];
  }
  if (!intact(rows)) throw integrityError(generationDir, rows);
}

/**
 * Runs quick_check on `file` in a worker thread; resolves with null when it passes, else with the
 * INDEX_CORRUPT error to refuse the generation with.
 */
export function checkDatabaseInBackground(file: string): Promise<AppError | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./integrity-check.worker.js', import.meta.url), { workerData: { file } });
    let settled = false;
    const finish = (rows: string[]) => {
      if (settled) return;
      settled = true;
      resolve(intact(rows) ? null : integrityError(path.dirname(file), rows));
    };
    worker.once('message', finish);
    worker.once('error', (error) => finish([error.message]));
    worker.once('exit', (code) => finish([`the check stopped with exit code ${code}`]));
  });
}
