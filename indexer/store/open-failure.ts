// How a failure to open or read an index file is reported, at open and while answering: only damage
// (SQLite's word, data that does not parse) is INDEX_CORRUPT; permissions, file handles, memory, a full
// disk, a lock or a missing file each have their own code, named with the file and the system's reason.
// None but a file gone from the index (INDEX_UNREADABLE, which a server falls back from as from damage)
// calls for a rebuild.
import fs from 'node:fs';
import { AppError, type ErrorCode, isDatabaseDamage } from '../../core/errors.ts';

type Failure = { code: ErrorCode; reason: string };

// The system's errors (errno codes, and SQLite's that mean the same), with what each is called.
const SYSTEM_FAILURES: Record<string, Failure> = {
  EMFILE: { code: 'RESOURCES_EXHAUSTED', reason: 'too many open files in this process' },
  ENFILE: { code: 'RESOURCES_EXHAUSTED', reason: 'too many open files on this system' },
  ENOMEM: { code: 'RESOURCES_EXHAUSTED', reason: 'out of memory' },
  SQLITE_NOMEM: { code: 'RESOURCES_EXHAUSTED', reason: 'out of memory' },
  ENOSPC: { code: 'DISK_FULL', reason: 'no space left on the disk' },
  SQLITE_FULL: { code: 'DISK_FULL', reason: 'no space left on the disk' },
  EDQUOT: { code: 'DISK_FULL', reason: 'disk quota exceeded' },
  EACCES: { code: 'INDEX_ACCESS_DENIED', reason: 'permission denied' },
  EPERM: { code: 'INDEX_ACCESS_DENIED', reason: 'operation not permitted' },
  SQLITE_PERM: { code: 'INDEX_ACCESS_DENIED', reason: 'permission denied' },
  SQLITE_BUSY: { code: 'INDEX_BUSY', reason: 'the database is locked by another connection' },
  SQLITE_LOCKED: { code: 'INDEX_BUSY', reason: 'the database is locked by another connection' },
  ENOENT: { code: 'INDEX_UNREADABLE', reason: 'the file is missing' },
  ENOTDIR: { code: 'INDEX_UNREADABLE', reason: 'a folder on its path is missing' },
  EISDIR: { code: 'INDEX_UNREADABLE', reason: 'a folder is where the file should be' },
  EIO: { code: 'INDEX_UNREADABLE', reason: 'the disk reported an I/O error' },
};

// The system's error numbers (EACCES, ELOOP…) and SQLite's result codes: whatever else carries a code
// (Node's ERR_OUT_OF_RANGE decoding a damaged blob) is about the data, not the system.
const SYSTEM_CODE = /^(?:E[A-Z0-9]+|SQLITE_[A-Z_]+)$/;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

// SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_READ) under their primary code.
function primaryCode(code: string): string {
  return /^(SQLITE_[A-Z]+?)(?:_[A-Z_]+)?$/.exec(code)?.[1] ?? code;
}

/**
 * What the system says when `file` is opened for reading: SQLite's SQLITE_CANTOPEN and SQLITE_IOERR
 * do not say why (permissions, file handles, a missing file), the system's own error does.
 */
function systemErrorOpening(file: string): NodeJS.ErrnoException | undefined {
  try {
    fs.closeSync(fs.openSync(file, 'r'));
    return fs.statSync(file).isDirectory()
      ? Object.assign(new Error(`EISDIR: ${file} is a folder`), { code: 'EISDIR' })
      : undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/**
 * Whether `error` is the system's refusal to give Citelens a file (permissions, file handles,
 * memory, a lock, a missing file) rather than damage; such an error says nothing of the index.
 */
export function isSystemFailure(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && SYSTEM_FAILURES[primaryCode(code)] !== undefined;
}

/** What the system said: the failure it stands for (if known), the code shown, whether `file` was asked. */
type Cause = { failure: Failure | undefined; shownCode: string; probed: boolean };

/**
 * The system's failure behind `error` (whose code is `code`): SQLite's SQLITE_CANTOPEN and SQLITE_IOERR
 * are asked of the system by opening `file`, any other code is looked up as it is.
 */
function causeOf(error: unknown, code: string, file: string | undefined): Cause {
  const primary = primaryCode(code);
  const asked = primary === 'SQLITE_CANTOPEN' || primary === 'SQLITE_IOERR';
  const system = asked && file !== undefined ? systemErrorOpening(file) : error;
  const systemCode = codeOf(system);
  const failure = systemCode ? SYSTEM_FAILURES[primaryCode(systemCode)] : undefined;
  return { failure, shownCode: failure && systemCode ? systemCode : code, probed: system !== error };
}

/**
 * The AppError a failure to open or read `file` (an index database or vector file) is reported as.
 * An AppError is returned as it is. SQLite's damage codes, and errors with no system code (a
 * manifest that does not parse, Node's ERR_OUT_OF_RANGE reading a damaged blob), are INDEX_CORRUPT. The system's errors get their own code with the
 * file and the reason: RESOURCES_EXHAUSTED (EMFILE, ENFILE, out of memory), DISK_FULL (ENOSPC,
 * SQLITE_FULL), INDEX_ACCESS_DENIED
 * (EACCES, EPERM), INDEX_BUSY (SQLITE_BUSY, SQLITE_LOCKED), INDEX_UNREADABLE (a missing file, an I/O
 * error, anything else the system refused). An error that names its own path is reported for it.
 */
export function openFailure(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  const named = (error as { path?: unknown } | null)?.path;
  const where = typeof named === 'string' ? named : file;
  if (isDatabaseDamage(error) || code === undefined || !SYSTEM_CODE.test(code)) {
    return new AppError(
      'INDEX_CORRUPT',
      isDatabaseDamage(error)
        ? `The index file ${where} is damaged: ${message} (${code}).`
        : `The index file ${where} could not be read; it may be damaged: ${message}`,
      code ? { code } : undefined,
      { cause: error },
    );
  }
  const primary = primaryCode(code);
  // SQLite could not open or read the file: the system's own error on opening it says why.
  const { failure, shownCode, probed } = causeOf(error, code, where);
  if (!failure && /^SQLITE_/.test(primary) && primary !== 'SQLITE_CANTOPEN' && primary !== 'SQLITE_IOERR') {
    // SQLite read the file and found something other than an index database in it (SQLITE_ERROR: no such table).
    return new AppError(
      'INDEX_CORRUPT',
      `The index file ${where} could not be read; it may be damaged: ${message}`,
      { code },
      { cause: error },
    );
  }
  const reason = failure?.reason ?? 'the system could not read it';
  const sqlite = probed ? `; SQLite: ${message}` : '';
  return new AppError(
    failure?.code ?? 'INDEX_UNREADABLE',
    `Could not open the index file ${where}: ${reason} (${shownCode}${sqlite}).`,
    // The file is named in the message alone, which each surface strips of server paths.
    { code: shownCode },
    { cause: error },
  );
}

// What SQLite's own codes for a file it could not open or read mean while answering, when the
// database file itself opens: a temporary file it needed (for a sort), or pages the disk would not give.
const SQLITE_READ_FAILURES: Record<string, Failure> = {
  SQLITE_CANTOPEN: { code: 'INDEX_UNREADABLE', reason: 'SQLite could not open a file it needed' },
  SQLITE_IOERR: { code: 'INDEX_UNREADABLE', reason: 'the disk reported an I/O error' },
};

// SQLITE_CANTOPEN while answering from a database that opens fine: the file SQLite could not create is
// one of its temporary files, which go in the temporary folder.
const TEMPORARY_FILE_FAILURE: Failure = {
  code: 'INDEX_UNREADABLE',
  reason:
    'SQLite could not open a temporary file it needed, though the index file opens: most likely the temporary folder (TMPDIR) is missing, full or not writable',
};

// The system's errors that say nothing of which file: met anywhere while answering, they are still these.
const RESOURCE_CODES = new Set(['EMFILE', 'ENFILE', 'ENOMEM', 'ENOSPC', 'EDQUOT']);

// What was being done with a file when the system refused, by Node's `syscall`; "use" when it is not known.
const FILE_VERBS: Record<string, string> = {
  open: 'open',
  read: 'read',
  pread: 'read',
  readv: 'read',
  stat: 'read',
  lstat: 'read',
  fstat: 'read',
  scandir: 'read',
  write: 'write',
  pwrite: 'write',
  writev: 'write',
  copyfile: 'write',
  mkdir: 'create',
  mkdtemp: 'create',
  rename: 'rename',
};

function fileVerb(error: unknown): string {
  const syscall = (error as { syscall?: unknown } | null)?.syscall;
  return (typeof syscall === 'string' && FILE_VERBS[syscall]) || 'use';
}

/**
 * The AppError for the system's failure met while answering from an open index (a query on a served
 * generation), by the same table as `openFailure`: INDEX_BUSY (SQLITE_BUSY, SQLITE_LOCKED),
 * RESOURCES_EXHAUSTED (EMFILE, ENFILE, ENOMEM, SQLITE_NOMEM), DISK_FULL (ENOSPC, SQLITE_FULL),
 * INDEX_ACCESS_DENIED (SQLITE_PERM), INDEX_UNREADABLE (SQLITE_IOERR, SQLITE_CANTOPEN: the system is
 * asked why by opening `file`, the database read, when it is known; when it opens, the file SQLite
 * could not open was a temporary one). Undefined for anything else: damage (see `databaseDamage`),
 * an AppError, a bug, and the system's refusals of a file other than the index (EACCES, ENOENT),
 * which a request meets only for files that are not the index's.
 */
export function readFailure(error: unknown, file?: string): AppError | undefined {
  if (error instanceof AppError || isDatabaseDamage(error)) return undefined;
  const code = codeOf(error);
  if (code === undefined) return undefined;
  const sqlite = /^SQLITE_/.test(code);
  if (!sqlite && !RESOURCE_CODES.has(code)) return undefined;
  const cause = causeOf(error, code, file);
  const opensFine = cause.probed && !cause.failure && primaryCode(code) === 'SQLITE_CANTOPEN';
  const failure = opensFine ? TEMPORARY_FILE_FAILURE : (cause.failure ?? SQLITE_READ_FAILURES[primaryCode(code)]);
  if (!failure) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  const named = (error as { path?: unknown } | null)?.path;
  const codes = cause.probed ? `${cause.shownCode}; SQLite: ${message}` : cause.shownCode;
  // SQLite's errors are the database's; the system's name their file, if any (a model, a word list, an
  // upload written to the temporary folder), with what was being done with it.
  const what = sqlite
    ? `Could not read ${file ? `the index file ${file}` : 'the index database'} while answering`
    : typeof named === 'string'
      ? `Could not ${fileVerb(error)} the file ${named} while answering`
      : 'Could not answer';
  return new AppError(
    failure.code,
    `${what}: ${failure.reason} (${codes}).`,
    { code: cause.shownCode },
    { cause: error },
  );
}
