// How the CLI talks to people: results as text or JSON, errors as a message plus a hint and a
// non-zero exit, never a stack trace.
import path from 'node:path';
import { AppError, databaseDamage, isAppError } from '../core/errors.ts';
import { currentGeneration, formatProblem, type InputProblem } from '../indexer/index.ts';
import { FILES } from '../indexer/store/generations.ts';
import { readFailure } from '../indexer/store/open-failure.ts';

/** Prints a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints a notice (a repaired index, a fallback taken) on stderr, as `citelens serve` does. */
export function printNotice(message: string): void {
  process.stderr.write(`notice: ${message}\n`);
}

/** Human-readable byte counts. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function problemsOf(error: AppError): InputProblem[] {
  const details = error.details as { problems?: InputProblem[] } | undefined;
  return Array.isArray(details?.problems) ? details.problems : [];
}

/**
 * How a command ends when it does not succeed: 1 when it ran and failed (no index, an unreadable
 * file, a refused record), 2 when the command line itself is wrong (an unknown or invalid option, a
 * missing argument), so a script can tell a mistake of its own from a failure; 3 when `verify
 * --strict` checked the text and some citation is not supported (an outcome, not a failure).
 */
export const EXIT_CODES = { failure: 1, usage: 2, citationsInDoubt: 3 } as const;

const usageErrors = new WeakSet<object>();

/** Marks `error` as a mistake in the command line: reported like any failure, with exit code 2. */
export function usageError<E extends AppError>(error: E): E {
  usageErrors.add(error);
  return error;
}

/** The database of the generation published in `indexDir`, which a command answering from it read. */
function publishedDatabase(indexDir: string | undefined): string | undefined {
  try {
    const current = indexDir === undefined ? undefined : currentGeneration(indexDir);
    return current && path.join(current.dir, FILES.db);
  } catch {
    return undefined;
  }
}

/**
 * Prints a failure and sets a non-zero exit code (see EXIT_CODES). SQLite's damage met while
 * answering is INDEX_CORRUPT with the rebuild command, and the system's failures met reading the
 * index in `indexDir` (a lock, file handles) have their codes, as the server and MCP tools say them;
 * other unexpected errors are INTERNAL and print only their message.
 */
export function reportFailure(error: unknown, json: boolean, indexDir?: string): void {
  const appError = isAppError(error)
    ? error
    : (databaseDamage(error) ??
      readFailure(error, publishedDatabase(indexDir)) ??
      new AppError('INTERNAL', error instanceof Error ? error.message : String(error)));
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ error: { code: appError.code, message: appError.message, details: appError.details ?? null, hint: appError.hint } }, null, 2)}\n`,
    );
  } else {
    const problems = problemsOf(appError);
    const shown = problems.slice(0, 50);
    for (const problem of shown) process.stderr.write(`  ${formatProblem(problem)}\n`);
    if (problems.length > shown.length) process.stderr.write(`  … and ${problems.length - shown.length} more\n`);
    process.stderr.write(`error: ${appError.message}\nhint: ${appError.hint}\n`);
    if (appError.code === 'INTERNAL' && process.env.CITELENS_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`);
    }
  }
  process.exitCode = isAppError(error) && usageErrors.has(error) ? EXIT_CODES.usage : EXIT_CODES.failure;
}

/** Wraps a command action so every failure is reported the same way. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const options = args.find((a) => a && typeof a === 'object' && 'json' in (a as object)) as
      | { json?: boolean }
      | undefined;
    const indexDir = args.find((a) => typeof (a as { index?: unknown } | null)?.index === 'string') as
      | { index: string }
      | undefined;
    try {
      await run(...args);
    } catch (error) {
      reportFailure(error, Boolean(options?.json), indexDir?.index);
    }
  };
}
