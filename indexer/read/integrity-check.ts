// SQLite's quick_check of an index database, at once or on a thread of its own: flipped bits in a
// page otherwise surface later as failures on some searches, or as silently wrong answers.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, isDatabaseDamage } from '../../core/errors.ts';
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

/**
 * Throws INDEX_CORRUPT unless `db` passes quick_check (about 1 s for a 1 GB database in the page cache);
 * a check SQLite could not run for another reason throws SQLite's error as it is.
 */
export function assertDatabaseIntact(db: Db, generationDir: string): void {
  let rows: string[];
  try {
    rows = (db.pragma('quick_check(3)') as Array<{ quick_check: string }>).map((row) => row.quick_check);
  } catch (error) {
    // A check that could not run (a lock, too many open files) says nothing of damage: the caller reports why.
    if (!isDatabaseDamage(error)) throw error;
    rows = [(error as Error).message];
  }
  if (!intact(rows)) throw integrityError(generationDir, rows);
}

/**
 * What quick_check on a database said: `sound`; `damaged` when it found damage (rows other than
 * "ok", or SQLite refused the file as corrupt or not a database); `unknown` when the check could
 * not run (the file could not be opened for another reason, too many open files, the thread failed).
 */
export type DatabaseVerdict =
  | { verdict: 'sound' }
  | { verdict: 'damaged'; error: AppError }
  | { verdict: 'unknown'; reason: string };

// What the worker posts: quick_check's rows, or why it could not get them (with SQLite's code).
type WorkerReport = { rows: string[] } | { failed: string; code?: string };

function verdictOf(file: string, report: WorkerReport): DatabaseVerdict {
  if ('rows' in report) {
    return intact(report.rows)
      ? { verdict: 'sound' }
      : { verdict: 'damaged', error: integrityError(path.dirname(file), report.rows) };
  }
  if (isDatabaseDamage(report))
    return { verdict: 'damaged', error: integrityError(path.dirname(file), [report.failed]) };
  return { verdict: 'unknown', reason: report.failed };
}

/**
 * Runs quick_check on `file` in a worker thread and says whether it is sound, damaged, or could not
 * be checked. Never rejects: a check that could not run is `unknown`, with the reason.
 */
export function checkDatabaseInBackground(file: string): Promise<DatabaseVerdict> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (report: WorkerReport) => {
      if (settled) return;
      settled = true;
      resolve(verdictOf(file, report));
    };
    let worker: Worker;
    try {
      worker = new Worker(new URL('./integrity-check.worker.js', import.meta.url), { workerData: { file } });
    } catch (error) {
      finish({ failed: `the check could not start: ${(error as Error).message}` });
      return;
    }
    worker.once('message', finish);
    worker.once('error', (error) => finish({ failed: `the check failed: ${error.message}` }));
    worker.once('exit', (code) => finish({ failed: `the check stopped with exit code ${code}` }));
  });
}
