// The published generation an update starts from, read under one read lock: the run waits (off the main
// thread, which may be a server's) while another process holds a lock on its database, and keeps its own
// lock until the draft is made, so the copy and what the run reads are one state of the database.
import path from 'node:path';
import { AppError, isAppError } from '../../core/errors.ts';
import { type Db, openDatabaseForRead } from '../store/database.ts';
import { currentGeneration, FILES } from '../store/generations.ts';
import { type Manifest, readEmbedderState, readManifest } from '../store/manifest.repo.ts';
import { describeLockHolders, lockHolders } from './lock-holders.ts';

export const PUBLISHED_READ_DEFAULTS = {
  /**
   * How long an update waits for another process's lock on the published database before it fails
   * with INDEX_BUSY. A run is not a request: nobody is kept waiting per query, so it rides out what
   * holds a lock briefly (a writer's commit, milliseconds; a backup tool's step), as SQLite's own
   * default of 5 s does. A lock held longer is a person's open transaction (a sqlite3 shell's BEGIN
   * EXCLUSIVE), which waiting longer would not end: saying so then is better.
   */
  lockWaitMs: 5_000,
  /** Between two tries for the lock. */
  retryMs: 50,
};

/** How `openPrevious` waits, and where it says that it does. */
export type PreviousOptions = typeof PUBLISHED_READ_DEFAULTS & { onNotice?: (message: string) => void };

/** The published generation a run updates, with its database open under a read lock until `release`. */
export type PreviousGeneration = {
  generation: number;
  dir: string;
  manifest: Manifest;
  embedderState: Buffer | null;
  /**
   * The generation's database, read-only, holding a read lock (no process can write it meanwhile):
   * open while the draft is made (the run's `prepare` and the copy), closed before its change runs.
   */
  db: Db;
};

function isBusy(error: unknown): boolean {
  if (isAppError(error)) return error.code === 'INDEX_BUSY';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(?:BUSY|LOCKED)/.test(code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens `file` read-only and takes a read lock on it, trying again every `retryMs` while another
 * connection holds a lock that keeps readers out, until `lockWaitMs` have passed: then INDEX_BUSY,
 * naming the processes that hold the lock where the system says (see lockHolders).
 */
async function openLocked(file: string, generation: number, options: PreviousOptions): Promise<Db> {
  const deadline = Date.now() + options.lockWaitMs;
  for (let tries = 0; ; tries++) {
    let db: Db | undefined;
    try {
      // Never waits here: the waiting is done between tries, so a server's requests go on meanwhile.
      db = openDatabaseForRead(file, { busyTimeoutMs: 0 });
      // A deferred transaction's first read takes the shared lock, which it keeps until the connection closes.
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM manifest').pluck().get();
      return db;
    } catch (error) {
      if (db?.open) db.close();
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) throw lockedOut(file, generation, options.lockWaitMs);
      if (tries === 0) {
        options.onNotice?.(
          `Another process holds a lock on ${file}; waiting up to ${options.lockWaitMs / 1000} s for it to let go.`,
        );
      }
    }
    await sleep(options.retryMs);
  }
}

function lockedOut(file: string, generation: number, waitedMs: number): AppError {
  const holders = lockHolders(file);
  const by = holders.length > 0 ? `; it is held by ${describeLockHolders(holders)}` : '';
  return new AppError(
    'INDEX_BUSY',
    `Could not read index generation ${generation} to update it: the database ${file} was locked by another connection for the ${waitedMs / 1000} s the run waits (SQLITE_BUSY)${by}. Nothing was changed; the published index is as it was.`,
    { code: 'SQLITE_BUSY', waitedMs, holders: holders.map(({ pid, program }) => ({ pid, program })) },
  );
}

/**
 * The published generation of `indexDir` (undefined when there is no index yet), its database open
 * under a read lock (see PreviousGeneration), waiting for another process's lock as `options` say
 * (and saying so once through `onNotice`). The caller closes `db`.
 */
export async function openPrevious(
  indexDir: string,
  options: Partial<PreviousOptions> = {},
): Promise<PreviousGeneration | undefined> {
  const current = currentGeneration(indexDir);
  if (!current) return undefined;
  const db = await openLocked(path.join(current.dir, FILES.db), current.generation, {
    ...PUBLISHED_READ_DEFAULTS,
    ...options,
  });
  try {
    const manifest = readManifest(db);
    if (!manifest) throw new AppError('INDEX_CORRUPT', `The index in ${current.dir} has no manifest.`);
    return { generation: current.generation, dir: current.dir, manifest, embedderState: readEmbedderState(db), db };
  } catch (error) {
    db.close();
    throw error;
  }
}
