// One write to an index: lock it, start the next generation from a copy of the current one,
// let the caller change the copy, then publish it atomically, or throw it away on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import { isDatabaseDamage } from '../../core/errors.ts';
import { checkDatabaseInBackground } from '../read/integrity-check.ts';
import { createDatabase, type Db, openDatabaseForRead, openDatabaseForWrite } from '../store/database.ts';
import {
  acquireLock,
  currentGeneration,
  type FallbackCheck,
  FILES,
  olderGenerations,
  pruneGenerations,
  pruneToSoundFallback,
  publish,
  startBuild,
  syncFileData,
} from '../store/generations.ts';
import { readManifest } from '../store/manifest.repo.ts';
import { openPrevious, type PreviousGeneration } from './published-generation.ts';
import { describeFolders, describeWriteFailure, isDiskFull, olderGenerationsWithSizes } from './write-failure.ts';

export type GenerationDraft = {
  /** The generation being written. */
  generation: number;
  buildDir: string;
  /** The copy being built, open for writing. */
  db: Db;
  /** The published generation this one starts from; undefined for a new index or a rebuild. Its `db` is released by now. */
  previous: PreviousGeneration | undefined;
};

// The generation a rebuild follows: the published one, or the newest on disk when CURRENT is missing or damaged
// (a rebuild is the remedy INDEX_CORRUPT names, so it must not fail reading CURRENT).
function rebuildFollows(indexDir: string): number | undefined {
  const newestOnDisk = () => olderGenerations(indexDir, Number.POSITIVE_INFINITY)[0]?.generation;
  try {
    return currentGeneration(indexDir)?.generation ?? newestOnDisk();
  } catch {
    return newestOnDisk();
  }
}

// Whether a generation would open as a server's fallback: its database passes quick_check (on a
// thread of its own) and holds a manifest. A damaged vector file is no matter: opening rebuilds it.
// Only SQLite's word that the database is damaged, or a manifest missing or not one, makes it
// `damaged`; a check or open that fails for another reason (EMFILE, EACCES, SQLITE_CANTOPEN) is `unknown`.
async function checkFallback(generationDir: string): Promise<FallbackCheck> {
  const file = path.join(generationDir, FILES.db);
  // A generation without its database (half deleted) never opens.
  if (!fs.existsSync(file)) return 'damaged';
  const checked = await checkDatabaseInBackground(file);
  if (checked.verdict !== 'sound') return checked.verdict;
  try {
    const db = openDatabaseForRead(file);
    try {
      return readManifest(db) !== undefined ? 'sound' : 'damaged';
    } finally {
      db.close();
    }
  } catch (error) {
    // A manifest that is not one (bad JSON, the wrong shape) never opens either.
    return isDatabaseDamage(error) || error instanceof SyntaxError || error instanceof ZodError ? 'damaged' : 'unknown';
  }
}

// Copies the published database for the draft. On a full disk the generations older than the published one
// are deleted and the copy is tried once more: they are what a reader falls back on should the published one
// prove damaged, but without the room no update could ever run again (older code deleted them as every
// update started). With none to delete, the failure stands.
async function copyPublished(
  indexDir: string,
  published: PreviousGeneration,
  dbFile: string,
  onNotice: (message: string) => void,
  onPruned: () => void,
): Promise<void> {
  const copy = () => fs.promises.copyFile(path.join(published.dir, FILES.db), dbFile, fs.constants.COPYFILE_FICLONE);
  try {
    await copy();
  } catch (error) {
    const older = isDiskFull(error) ? olderGenerationsWithSizes(indexDir, published.generation) : [];
    if (older.length === 0) throw error;
    await fs.promises.rm(dbFile, { force: true });
    onPruned();
    await pruneGenerations(indexDir, published.generation);
    onNotice(
      `The disk was full copying index generation ${published.generation} for the update, so the generations older than it were deleted to make room: ${describeFolders(older)}. Copying it again; it stays as the fallback.`,
    );
    await copy();
  }
}

/**
 * Runs `change` on a draft of the next generation and publishes it. `fresh` starts from an
 * empty database instead of a copy of the current one. `prepare` runs under the lock while the
 * database is copied (the copy runs off the main thread, so reading input costs no extra time),
 * sees the generation the draft starts from, and its result is handed to `change`. No generation
 * is deleted before the draft is published: then an update deletes those older than the one it
 * started from (which stays as the fallback), and a `fresh` run all but the newest older one that
 * opens soundly, stopping at one it cannot check (see `pruneToSoundFallback`). So at peak the folder
 * holds the draft and the two generations the previous run left. On any error the draft is deleted
 * and the published generation and those before it stay exactly as they were, with one exception:
 * when the disk is too full to copy the published database, the older generations are deleted to
 * make room (said through `onNotice`) and the copy is tried once more. The published generation is
 * read, and copied, after its database's read lock was taken, waiting up to `lockWaitMs` for another
 * process's lock to go (then INDEX_BUSY); should another process write it once the copy let the lock
 * go, before the copy and the reads are done, the run fails with INDEX_BUSY too (see openPrevious).
 */
export async function writeGeneration<T, P = undefined>(
  indexDir: string,
  options: {
    fresh: boolean;
    prepare?: (previous: PreviousGeneration | undefined) => Promise<P>;
    /** Told what the run did beyond the change: older generations deleted to make room on a full disk, a wait for a lock. */
    onNotice?: (message: string) => void;
    /** How long to wait for another process's lock on the published database (PUBLISHED_READ_DEFAULTS). */
    lockWaitMs?: number;
  },
  change: (draft: GenerationDraft, prepared: P) => Promise<T>,
): Promise<T> {
  let release: () => void;
  try {
    release = acquireLock(indexDir);
  } catch (error) {
    throw describeWriteFailure(error, indexDir, undefined);
  }
  let before: number | undefined;
  let buildDir: string | undefined;
  let db: Db | undefined;
  let syncing: Promise<void> | undefined;
  let pruning: Promise<void> | undefined;
  let published: PreviousGeneration | undefined;
  // What the run changed before a failure, which its message says instead of "Nothing was changed".
  let changed: string | undefined;
  try {
    // A rebuild reads nothing of the published generation but its number: it is the remedy for a damaged one.
    const waiting = {
      ...(options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs }),
      ...(options.onNotice ? { onNotice: options.onNotice } : {}),
    };
    published = options.fresh ? undefined : await openPrevious(indexDir, waiting);
    before = options.fresh ? rebuildFollows(indexDir) : published?.generation;
    const generation = (before ?? 0) + 1;
    buildDir = startBuild(indexDir, generation);
    const dbFile = path.join(buildDir, FILES.db);
    const pruned = () => {
      changed = `Generations older than ${before} were deleted to make room; generation ${before} is still the published one.`;
    };
    const copy = published
      ? copyPublished(indexDir, published, dbFile, options.onNotice ?? (() => {}), pruned)
      : undefined;
    // Both are awaited, so a failing prepare never leaves the copy writing into a deleted folder.
    const [copied, prepared] = await Promise.allSettled([copy, options.prepare?.(published)]);
    if (copied.status === 'rejected') throw copied.reason;
    if (prepared.status === 'rejected') throw prepared.reason;
    // Copying let the read lock go: what was copied and read is one state only if no process wrote it since.
    published?.checkUnchanged();
    // The draft is made: the published database is not held open through the change.
    published?.release();
    // The copy's pages are written out while the change runs, so publishing waits only for the change's own.
    if (copy) syncing = syncFileData(dbFile);
    db = copy ? openDatabaseForWrite(dbFile) : createDatabase(dbFile);
    const result = await change({ generation, buildDir, db, previous: published }, prepared.value as P);
    db.close();
    db = undefined;
    await syncing;
    const other = before === undefined ? 'no generation (a new index)' : `generation ${before}, the one before`;
    changed = `It failed while generation ${generation} was being published: CURRENT names it or ${other}; a generation it names is complete.`;
    publish(indexDir, buildDir, generation);
    buildDir = undefined;
    // Only now do older generations go: until the draft is published they are what a reader falls back on,
    // should the published one prove damaged (the update then stops with INDEX_CORRUPT) or the publish fail.
    // An update keeps the one it started from; a rebuild read nothing of the published one, so of those
    // before it the newest that opens stays, damaged ones go. A failure to delete only leaves work for the next run.
    if (published) pruning = pruneGenerations(indexDir, published.generation).catch(() => {});
    else if (options.fresh && before !== undefined)
      pruning = pruneToSoundFallback(indexDir, generation, checkFallback).catch(() => {});
    return result;
  } catch (error) {
    throw describeWriteFailure(error, indexDir, before, changed);
  } finally {
    published?.release();
    if (db?.open) db.close();
    // Both finish before the lock is released, so no deletion outlives the run that started it.
    await syncing?.catch(() => {});
    await pruning;
    if (buildDir) fs.rmSync(buildDir, { recursive: true, force: true });
    release();
  }
}
