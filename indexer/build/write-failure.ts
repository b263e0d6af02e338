// How a failed write of the index is told (damage in the generation it started from, a full disk, a
// refused write), and the room a full disk can be given: the generations older than the published one.
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type ErrorCode, isDatabaseDamage } from '../../core/errors.ts';
import { olderGenerations } from '../store/generations.ts';

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission was denied',
  EPERM: 'the operation was not permitted',
  EROFS: 'the file system is read-only',
};

// Failures of a run that are not the disk's refusal to be written, with their own codes: the hint of
// INDEX_WRITE_FAILED (free space, write permission) would send a person the wrong way.
const OTHER_FAILURES: Record<string, { code: ErrorCode; reason: string }> = {
  EMFILE: { code: 'RESOURCES_EXHAUSTED', reason: 'too many open files in this process' },
  ENFILE: { code: 'RESOURCES_EXHAUSTED', reason: 'too many open files on this system' },
  ENOMEM: { code: 'RESOURCES_EXHAUSTED', reason: 'out of memory' },
  SQLITE_NOMEM: { code: 'RESOURCES_EXHAUSTED', reason: 'out of memory' },
  SQLITE_BUSY: { code: 'INDEX_BUSY', reason: 'a database is locked by another connection' },
  SQLITE_LOCKED: { code: 'INDEX_BUSY', reason: 'a database is locked by another connection' },
};

function codeOf(error: unknown): string {
  return (error as { code?: unknown } | null)?.code?.toString() ?? '';
}

/** Whether `error` says the disk (or the user's quota) has no room left, as Node or SQLite says it. */
export function isDiskFull(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** A generation folder older than the published one, with the bytes it holds on disk. */
export type OlderGeneration = { generation: number; dir: string; bytes: number };

/** The generations older than `published` still on disk, newest first, with their sizes. */
export function olderGenerationsWithSizes(indexDir: string, published: number): OlderGeneration[] {
  return olderGenerations(indexDir, published).map((older) => ({ ...older, bytes: folderBytes(older.dir) }));
}

function folderBytes(dir: string): number {
  let bytes = 0;
  try {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      bytes += entry.isDirectory() ? folderBytes(file) : fs.statSync(file).size;
    }
  } catch {
    // A folder half deleted meanwhile counts what was seen.
  }
  return bytes;
}

/** A size as a person reads it: KB below a megabyte, MB above. */
export function describeSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The folders of `older`, each with its size: "/i/gen-000001 (12.3 MB), /i/gen-000002 (12.4 MB)". */
export function describeFolders(older: readonly OlderGeneration[]): string {
  return older.map((generation) => `${generation.dir} (${describeSize(generation.bytes)})`).join(', ');
}

/**
 * The AppError a failed write of `indexDir` is reported as. `published` is the generation the run
 * followed: on a full disk, the generations older than it are named with their sizes, as what can be
 * deleted to make room while the published one stays. `changed` says what the run changed before it
 * failed, where it did (it was publishing, it deleted generations to make room): a message then says
 * that instead of "Nothing was changed."
 */
export function describeWriteFailure(
  error: unknown,
  indexDir: string,
  published: number | undefined,
  changed?: string,
): AppError {
  if (error instanceof AppError) return error;
  // The draft is a copy of the published generation: its damage is that one's, which a rebuild mends.
  if (isDatabaseDamage(error)) {
    return new AppError(
      'INDEX_CORRUPT',
      `The index in ${indexDir} is damaged (${(error as Error).message}), so it cannot be updated.`,
      { code: codeOf(error) },
      { cause: error },
    );
  }
  const code = codeOf(error);
  // SQLite's extended codes (SQLITE_BUSY_SNAPSHOT) under their primary one.
  const other = OTHER_FAILURES[code] ?? OTHER_FAILURES[/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? ''];
  if (other) {
    return new AppError(
      other.code,
      `Could not write the index in ${indexDir}: ${other.reason} (${code}). ${changed ?? 'Nothing was changed.'}`,
      { code },
      { cause: error },
    );
  }
  const reason = code === 'SQLITE_FULL' ? 'the disk is full' : WRITE_ERRORS[code];
  if (!reason) {
    return new AppError(
      'INDEX_WRITE_FAILED',
      `Could not write the index in ${indexDir}: ${(error as Error).message}`,
      { code },
      { cause: error },
    );
  }
  const older = isDiskFull(error) && published !== undefined ? olderGenerationsWithSizes(indexDir, published) : [];
  const room =
    older.length === 0
      ? ''
      : ` Generations older than the published one, which stays, can be deleted to make room: ${describeFolders(older)}.`;
  return new AppError(
    'INDEX_WRITE_FAILED',
    `Could not write the index in ${indexDir}: ${reason}.${room}`,
    { code },
    {
      cause: error,
    },
  );
}
