// The one place that turns thrown values into the errors clients see, HTTP responses and MCP tool
// errors alike: AppErrors as they are, Hono's exceptions, SQLite's damage and the system's failures
// met while reading the index (a lock, file handles, memory, a full disk) mapped onto the error table,
// anything else a 500 that hides its cause.
import path from 'node:path';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, databaseDamage, isAppError } from '../../core/errors.ts';
import type { IndexReader } from '../../indexer/index.ts';
import { FILES } from '../../indexer/store/generations.ts';
import { readFailure } from '../../indexer/store/open-failure.ts';
import { sendError } from './error-response.ts';
import { redactServerPaths } from './redact-paths.ts';

/** Where unexpected errors are reported (their stack never goes to the client). */
export type ErrorLog = (message: string) => void;

const logToStderr: ErrorLog = (message) => process.stderr.write(`${message}\n`);

function fromHttpException(error: HTTPException): AppError | undefined {
  if (isAppError(error.cause)) return error.cause;
  switch (error.status) {
    case 400:
      return new AppError('INVALID_INPUT', error.message || 'The request is malformed.');
    case 401:
      return new AppError('UNAUTHORIZED', 'The access token is missing or wrong.');
    case 404:
      return new AppError('NOT_FOUND', 'Nothing exists at this path.');
    case 413:
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    case 415:
      return new AppError('INVALID_INPUT', 'The request body must be JSON (Content-Type: application/json).', {
        field: 'content-type',
      });
    case 503:
    case 504:
      return new AppError('TIMEOUT', 'The request took too long.');
    default:
      return undefined;
  }
}

// The message and details a client sees name no server path.
function redacted(error: AppError, c: Context): AppError {
  const indexDir = (c.var as { holder?: { dir?: string } } | undefined)?.holder?.dir;
  const message = redactServerPaths(error.message, indexDir);
  const details =
    error.details === undefined ? undefined : JSON.parse(redactServerPaths(JSON.stringify(error.details), indexDir));
  if (message === error.message && JSON.stringify(details) === JSON.stringify(error.details)) return error;
  return new AppError(error.code, message, details, { cause: error });
}

function isClientGone(error: unknown): boolean {
  return (
    error instanceof Error && error.message === 'aborted' && (error as NodeJS.ErrnoException).code === 'ECONNRESET'
  );
}

/** Where a thrown value was met, for the log, and who is told of index damage. */
export type ThrownAt = {
  /** What was being answered, as the log names it ("GET /api/search", "the tool call search_papers"). */
  where: string;
  log: ErrorLog;
  /** The served index's holder: SQLite damage met while answering is reported to it (health stops saying ok). */
  holder?: ServedHolder | undefined;
  /**
   * The generation the request read from (its lease's reader): damage is reported for it, and a
   * failure to read names its database. Without it, damage is reported for no generation.
   */
  reader?: ReadGeneration | undefined;
};

/** The generation a request read from, as the error mapping names it. */
export type ReadGeneration = Pick<IndexReader, 'generation' | 'generationDir'>;

/** What the error mapping asks of the holder a request was served from (IndexHolder has it all). */
export type ServedHolder = {
  /** Told of damage met in `reader`; a generation no longer served is not blamed (see ServedIndex). */
  reportDamage?: (error: AppError, reader: ReadGeneration) => void;
  readonly dir?: string | undefined;
};

/** The database file of the generation a request read from, if known. */
function readDatabase(reader: ReadGeneration | undefined): string | undefined {
  return reader && path.join(reader.generationDir, FILES.db);
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * The AppError a thrown value stands for, on every surface: an AppError as it is, Hono's exceptions
 * and SQLite's damage (INDEX_CORRUPT, reported to the holder for `at.reader`) by the error table,
 * the system's failures met reading the index as `readFailure` names them (INDEX_BUSY, DISK_FULL…,
 * the stack logged), anything else INTERNAL, logged with its stack, which the client never sees.
 */
export function appErrorOf(error: unknown, at: ThrownAt): AppError {
  if (isAppError(error)) return error;
  const mapped = error instanceof HTTPException ? fromHttpException(error) : undefined;
  if (mapped) return mapped;
  const damaged = databaseDamage(error);
  if (damaged) {
    at.log(`citelens: the index database is damaged (${(error as Error).message}) in ${at.where}`);
    if (at.reader) at.holder?.reportDamage?.(damaged, at.reader);
    return damaged;
  }
  // The client closed the connection while its body was still arriving: not a bug, and nobody is
  // left to read the answer (Node's IncomingMessage fails the read with ECONNRESET "aborted").
  if (isClientGone(error)) return new AppError('INVALID_INPUT', 'The request body was cut off.', { field: null });
  const failed = readFailure(error, readDatabase(at.reader));
  if (failed) {
    // Said to the client by its code; the log keeps where it was met.
    at.log(`citelens: ${failed.code} in ${at.where}: ${stackOf(error)}`);
    return failed;
  }
  at.log(`citelens: unexpected error in ${at.where}: ${stackOf(error)}`);
  return new AppError('INTERNAL', 'The server failed to handle this request.');
}

/**
 * Maps any thrown value to the AppError the client sees (no server path in it), logging the ones that
 * are bugs. The generation the request read from is `c.var.index` (set by requireIndex, or by a route
 * that holds its own lease).
 */
export function toClientError(error: unknown, c: Context, log: ErrorLog = logToStderr): AppError {
  const { holder, index } = (c.var ?? {}) as { holder?: ServedHolder; index?: ReadGeneration };
  return redacted(appErrorOf(error, { where: `${c.req.method} ${c.req.path}`, log, holder, reader: index }), c);
}

/** The app's onError: every failure becomes `{ error: { code, message, details, hint } }`. */
export function createErrorHandler(log: ErrorLog = logToStderr): ErrorHandler {
  return (error, c) => sendError(c, toClientError(error, c, log));
}

/**
 * The app's notFound: a JSON 404 that names the method and path that matched nothing, and says
 * that routes take no trailing slash when the path ends with one (`/api/search/`).
 */
export const handleNotFound: NotFoundHandler = (c) => {
  const shown = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
  const path = c.req.path;
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed && trimmed !== path ? ` Routes take no trailing slash: try ${shown(trimmed)}.` : '';
  return sendError(c, new AppError('NOT_FOUND', `No route matches ${c.req.method} ${shown(path)}.${slash}`));
};
