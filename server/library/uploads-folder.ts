// The folder uploads wait in before they are indexed: one per user in the temporary folder, made private, and
// refused (with UPLOADS_UNAVAILABLE, never a 500, the full path logged) when it cannot be made or is not this
// process's own; and the shared folder earlier versions used, swept of old uploads only when it is this user's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';

/**
 * The folder uploads wait in: `citelens-uploads-<uid>` in the temporary folder (TMPDIR), one per user, so every
 * server process of that user finds each upload and no other user's server shares it (or the user name where the
 * system has no uids). The user is the effective one, who creates the folder and its files.
 */
export function uploadsFolder(): string {
  const owner = process.geteuid?.() ?? os.userInfo().username;
  return path.join(os.tmpdir(), `citelens-uploads-${owner}`);
}

// Failures of the system that are not about this folder: answered by their own codes (DISK_FULL, RESOURCES_EXHAUSTED).
const SYSTEM_WIDE = new Set(['ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'ENOMEM']);

/** Why the uploads folder could not be made, as a person reads it. */
function mkdirReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'the temporary folder it goes in does not exist';
    case 'ENOTDIR':
      return 'a file stands where a folder on its path should be';
    case 'EACCES':
    case 'EPERM':
      return `this process may not create it (${error.code})`;
    case 'EROFS':
      return 'the temporary folder is on a read-only file system (EROFS)';
    default:
      return error.message;
  }
}

function unavailable(folder: string, reason: string, cause?: unknown): AppError {
  const message = `Could not keep uploads in the folder ${folder}: ${reason}.`;
  // The client is told the folder's last segment only (redact-paths.ts): the operator finds its full path here.
  console.error(`citelens: UPLOADS_UNAVAILABLE: ${message}`);
  return new AppError('UPLOADS_UNAVAILABLE', message, undefined, cause === undefined ? undefined : { cause });
}

/**
 * The uploads folder, made private (0700) when missing. A folder this process does not own is refused, as is a
 * symbolic link or a file in its place: another user could read the papers uploaded or put files among them.
 * @throws AppError UPLOADS_UNAVAILABLE naming the folder and why; a full disk or no file handles as the system's.
 */
export function privateUploadsFolder(): string {
  const folder = uploadsFolder();
  try {
    fs.mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code !== 'EEXIST') {
      if (SYSTEM_WIDE.has(failure.code ?? '')) throw error;
      throw unavailable(folder, mkdirReason(failure), error);
    }
  }
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(folder);
  } catch (error) {
    throw unavailable(folder, `it could not be looked at (${(error as NodeJS.ErrnoException).code})`, error);
  }
  if (stat.isSymbolicLink()) throw unavailable(folder, 'it is a symbolic link, not a folder of its own');
  if (!stat.isDirectory()) throw unavailable(folder, 'a file stands in its place');
  const uid = process.geteuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw unavailable(
      folder,
      `it belongs to another user (uid ${stat.uid}), not to the one running Citelens (uid ${uid})`,
    );
  }
  // Ours, but opened to others (an earlier version, a user's chmod): the papers uploaded stay private.
  if ((stat.mode & 0o077) !== 0) fs.chmodSync(folder, 0o700);
  try {
    fs.accessSync(folder, fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw unavailable(folder, `this process may not write in it (${(error as NodeJS.ErrnoException).code})`, error);
  }
  return folder;
}

/**
 * The folder earlier versions kept every user's uploads in (`citelens-uploads` in the temporary folder), when it is
 * a real folder (no symbolic link) of this process's user, so that the uploads left in it are removed in time;
 * undefined otherwise: another user's folder, or what stands in its place, is never looked into.
 */
export function legacyUploadsFolder(): string | undefined {
  const folder = path.join(os.tmpdir(), 'citelens-uploads');
  try {
    const stat = fs.lstatSync(folder);
    const uid = process.geteuid?.();
    return stat.isDirectory() && uid !== undefined && stat.uid === uid ? folder : undefined;
  } catch {
    return undefined;
  }
}
