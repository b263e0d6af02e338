// The index folder on disk: immutable numbered generations, a CURRENT pointer that is replaced
// atomically, a writer lock, and clean-up of what killed runs leave behind.
//
//   <index>/CURRENT              "gen-000007"
//   <index>/gen-000007/          index.db, papers.hnsw (never modified once published)
//   <index>/.build-000008-<pid>/ a run in progress; published by renaming it to gen-000008
//   <index>/LOCK                 the pid of the writing process (linked into place already written)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { isSystemFailure, openFailure } from './open-failure.ts';

export const FILES = { db: 'index.db', papers: 'papers.hnsw' } as const;

const GEN_PREFIX = 'gen-';

export function generationName(generation: number): string {
  return `${GEN_PREFIX}${String(generation).padStart(6, '0')}`;
}

/**
 * The published generation's folder and number, or undefined when the folder holds no index. Throws
 * when CURRENT is there but cannot be read (INDEX_ACCESS_DENIED, RESOURCES_EXHAUSTED…; see openFailure).
 */
export function currentGeneration(indexDir: string): { generation: number; dir: string } | undefined {
  let name: string;
  try {
    name = fs.readFileSync(path.join(indexDir, 'CURRENT'), 'utf8').trim();
  } catch (error) {
    // CURRENT that cannot be read for want of permission, file handles or memory is no missing index.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || !isSystemFailure(error)) return undefined;
    throw openFailure(error, path.join(indexDir, 'CURRENT'));
  }
  const match = /^gen-(\d{6,})$/.exec(name);
  if (!match) throw new AppError('INDEX_CORRUPT', `${path.join(indexDir, 'CURRENT')} does not name a generation.`);
  const dir = path.join(indexDir, name);
  if (!fs.existsSync(dir))
    throw new AppError('INDEX_CORRUPT', `${path.join(indexDir, 'CURRENT')} names ${name}, which is missing.`);
  return { generation: Number(match[1]), dir };
}

/** The published generations older than `generation` still on disk, newest first (a fallback when it is damaged). */
export function olderGenerations(indexDir: string, generation: number): Array<{ generation: number; dir: string }> {
  let entries: string[];
  try {
    entries = fs.readdirSync(indexDir);
  } catch {
    return [];
  }
  return entries
    .map((entry) => ({ entry, match: /^gen-(\d{6,})$/.exec(entry) }))
    .filter(({ match }) => match !== null && Number(match[1]) < generation)
    .map(({ entry, match }) => ({ generation: Number(match![1]), dir: path.join(indexDir, entry) }))
    .sort((a, b) => b.generation - a.generation);
}

/** Writes a file so that readers see the old content or the new, never a part (temp file, fsync, rename). */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file without a pid this old is a leftover (the lock is linked into place already written). */
const EMPTY_LOCK_STALE_MS = 60_000;

// The pid in a lock file; null when it holds none (an empty file left by an older version), undefined when it is gone.
function lockHolder(lockFile: string): { pid: number | null; ageMs: number } | undefined {
  try {
    const text = fs.readFileSync(lockFile, 'utf8').trim();
    const ageMs = Date.now() - fs.statSync(lockFile).mtimeMs;
    const pid = /^\d+$/.test(text) ? Number(text) : null;
    return { pid: pid && pid > 0 ? pid : null, ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// Moves a stale lock aside, then checks that what was moved is the stale lock that was seen (another
// process may have taken it over meanwhile); a live lock moved by mistake is put back.
function removeStaleLock(lockFile: string, seen: string): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = fs.readFileSync(aside, 'utf8');
  if (moved.trim() !== seen) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // A third process locked meanwhile; the one whose lock was moved finds its own gone on release.
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Takes the writer lock of an index folder (creating the folder); a lock left by a dead process is
 * taken over. The lock is written to a private file first and then linked into place, so no other
 * process can ever see a LOCK without the pid of its holder in it.
 */
export function acquireLock(indexDir: string): () => void {
  fs.mkdirSync(indexDir, { recursive: true });
  const lockFile = path.join(indexDir, 'LOCK');
  const mine = String(process.pid);
  // Not named *.tmp: a lock holder's removeLeftovers must not delete it before it is linked.
  const draft = path.join(indexDir, `.LOCK-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(draft, mine);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(draft, lockFile);
        return () => {
          const holder = lockHolder(lockFile);
          if (holder?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = lockHolder(lockFile);
      if (!holder) continue;
      if (holder.pid === null ? holder.ageMs < EMPTY_LOCK_STALE_MS : pidAlive(holder.pid)) {
        const who = holder.pid === null ? 'another process' : `process ${holder.pid}`;
        throw new AppError('INDEX_LOCKED', `The index ${indexDir} is being written by ${who}.`);
      }
      removeStaleLock(lockFile, holder.pid === null ? '' : String(holder.pid));
    }
  } finally {
    fs.rmSync(draft, { force: true });
  }
  throw new AppError('INDEX_LOCKED', `Could not lock the index ${indexDir}.`);
}

/** A fresh build folder for the next generation (any leftovers of killed runs are removed first). */
export function startBuild(indexDir: string, generation: number): string {
  removeLeftovers(indexDir);
  const dir = path.join(indexDir, `.build-${String(generation).padStart(6, '0')}-${process.pid}`);
  fs.mkdirSync(dir);
  return dir;
}

/** Removes build folders and temp files of runs that were killed. Call only while holding the lock. */
export function removeLeftovers(indexDir: string): void {
  for (const entry of fs.readdirSync(indexDir)) {
    if (entry.startsWith('.build-') || entry.endsWith('.tmp')) {
      fs.rmSync(path.join(indexDir, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Publishes a finished build folder as `generation`: syncs its files, renames it into place and
 * points CURRENT at it. Until the CURRENT rename, readers still see the previous generation.
 */
export function publish(indexDir: string, buildDir: string, generation: number): string {
  for (const file of fs.readdirSync(buildDir)) fsyncFile(path.join(buildDir, file));
  fsyncDir(buildDir);
  const name = generationName(generation);
  const finalDir = path.join(indexDir, name);
  fs.rmSync(finalDir, { recursive: true, force: true });
  fs.renameSync(buildDir, finalDir);
  fsyncDir(indexDir);
  writeFileAtomic(path.join(indexDir, 'CURRENT'), `${name}\n`);
  return finalDir;
}

/**
 * Deletes the generations older than `oldestKept`, off the main thread. An update calls it once its
 * draft is published, with the generation it started from: that one stays as the fallback (the run
 * read what it needed of it without meeting damage), and an update that fails, also on damage met in
 * that generation or in publishing, deletes nothing, unless the disk was too full to copy the
 * published generation at all (then they go first, to make room). A server still reading a deleted
 * one keeps its open files (the space is freed when it lets go).
 */
export async function pruneGenerations(indexDir: string, oldestKept: number): Promise<void> {
  for (const entry of fs.readdirSync(indexDir)) {
    const match = /^gen-(\d+)$/.exec(entry);
    if (match && Number(match[1]) < oldestKept) {
      await fs.promises.rm(path.join(indexDir, entry), { recursive: true, force: true });
    }
  }
}

/**
 * What a check of a generation as a fallback found: it opens (`sound`), it never will (`damaged`:
 * SQLite found its database damaged), or the check could not tell (`unknown`: it could not run).
 */
export type FallbackCheck = 'sound' | 'damaged' | 'unknown';

/**
 * Deletes what a rebuild leaves behind once `published` is published: of the generations before it,
 * only the newest that `check` finds sound stays, as the fallback a server opens should `published`
 * be damaged. One found damaged is deleted (kept, it would stand in for the sound one before it,
 * which pruning would then delete). Where the check cannot tell, pruning stops: that generation and
 * all before it stay, as a check that could not run is no reason to delete a fallback.
 */
export async function pruneToSoundFallback(
  indexDir: string,
  published: number,
  check: (generationDir: string) => Promise<FallbackCheck>,
): Promise<void> {
  let fallback: number | undefined;
  for (const older of olderGenerations(indexDir, published)) {
    if (fallback === undefined) {
      const found = await check(older.dir);
      if (found === 'unknown') return;
      if (found === 'sound') {
        fallback = older.generation;
        continue;
      }
    }
    await fs.promises.rm(older.dir, { recursive: true, force: true });
  }
}

/** Flushes a file's data to disk off the main thread (publish then finds little left to write). */
export async function syncFileData(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
