// The published generation an update starts from, read under SQLite's read lock: the run waits (off the main
// thread, which may be a server's) while another process holds a lock on its database. That lock does not
// keep writers out for the whole read: POSIX locks belong to a process and a file, so copying the file (which
// opens and closes it) lets it go. So the run reads the database's change counter as it takes the lock and
// again once the copy and its reads are done, and fails with INDEX_BUSY when another process wrote meanwhile:
// what it copied and read are then one state of the database.
import fs from 'node:fs';
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
   * The generation's database, read-only, having taken a read lock: open while the draft is made (the
   * run's `prepare` and the copy), released before its change runs. Copying the file lets the lock go,
   * so whether another process wrote meanwhile is told by `checkUnchanged`.
   */
  db: Db;
  /** Throws INDEX_BUSY when another process has written the database since its read lock was taken. */
  checkUnchanged: () => void;
  /** Closes `db` and the run's own descriptor on the file; once done, again is harmless. */
  release: () => void;
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

// SQLite's file change counter (bytes 24 to 27 of the header), which every transaction that writes the
// database bumps (journal_mode DELETE, as the index is written). Read through a descriptor kept open, as
// closing one would let go of this process's locks on the file.
function changeCounter(fd: number): number {
  const bytes = Buffer.alloc(4);
  fs.readSync(fd, bytes, 0, 4, 24);
  return bytes.readUInt32BE(0);
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

function changedWhileRead(file: string, generation: number): AppError {
  return new AppError(
    'INDEX_BUSY',
    `Could not update index generation ${generation}: another process wrote its database ${file} while the run read it, so what was read is not one state of it (it changed while it was read). No generation was published: the published index is as that process left it. Run the update again.`,
    { code: 'CHANGED_WHILE_READ' },
  );
}

/**
 * The published generation of `indexDir` (undefined when there is no index yet), its database open
 * under a read lock (see PreviousGeneration), waiting for another process's lock as `options` say
 * (and saying so once through `onNotice`). The caller checks it was not written meanwhile once it has
 * read and copied it (`checkUnchanged`), and calls `release`.
 */
export async function openPrevious(
  indexDir: string,
  options: Partial<PreviousOptions> = {},
): Promise<PreviousGeneration | undefined> {
  const current = currentGeneration(indexDir);
  if (!current) return undefined;
  const file = path.join(current.dir, FILES.db);
  const db = await openLocked(file, current.generation, { ...PUBLISHED_READ_DEFAULTS, ...options });
  let fd: number | undefined;
  const release = () => {
    if (db.open) db.close();
    if (fd !== undefined) fs.closeSync(fd);
    fd = undefined;
  };
  try {
    fd = fs.openSync(file, 'r');
    const locked = changeCounter(fd);
    const manifest = readManifest(db);
    if (!manifest) throw new AppError('INDEX_CORRUPT', `The index in ${current.dir} has no manifest.`);
    const checkUnchanged = () => {
      const now = fd === undefined ? undefined : changeCounter(fd);
      if (now !== locked) throw changedWhileRead(file, current.generation);
    };
    const embedderState = readEmbedderState(db);
    return { generation: current.generation, dir: current.dir, manifest, embedderState, db, checkUnchanged, release };
  } catch (error) {
    release();
    throw error;
  }
}
