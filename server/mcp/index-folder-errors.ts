// The failures of a server with nothing to serve (no index yet, or a damaged one with nothing older)
// as an MCP client is told them: on this machine (stdio) they name the index folder and the command
// that builds it there; over HTTP they name no server path, as the API's errors do not.
import { AppError } from '../../core/errors.ts';
import { redactServerPaths } from '../http/redact-paths.ts';
import { READ_FAILURES } from '../index-holder/damaged-generations.ts';
import type { IndexHolder } from '../index-holder.ts';

/** Set for a client on this machine: errors name the index folder; `watching` says whether a new index is picked up. */
export type IndexFolderInErrors = { watching: boolean };

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * `error` as the client is told it: INDEX_NOT_FOUND and INDEX_CORRUPT name the folder and the
 * command that (re)builds the index there when `said` is given, and no server path otherwise; an
 * index that could not be read (INDEX_BUSY, INDEX_ACCESS_DENIED…) names its file only when `said`
 * is given. Other errors are returned as they are.
 */
export function indexErrorForClient(
  error: AppError,
  holder: Pick<IndexHolder, 'dir' | 'problem'>,
  said: IndexFolderInErrors | undefined,
): AppError {
  const unreadable = READ_FAILURES.has(error.code);
  if (error.code !== 'INDEX_NOT_FOUND' && error.code !== 'INDEX_CORRUPT' && !unreadable) return error;
  const dir = holder.dir;
  if (unreadable && said) return error;
  if (!said || !dir) {
    // The damage's message names the generation's folder, which stays on the server.
    const message = redactServerPaths(error.message, dir);
    return message === error.message ? error : new AppError(error.code, message, error.details, { cause: error });
  }
  if (error.code === 'INDEX_NOT_FOUND') {
    const pickedUp = said.watching ? '; this server picks it up once it is built' : ', then restart this server';
    return new AppError(
      'INDEX_NOT_FOUND',
      `There is no index in ${dir} yet. Build one with \`citelens index <files> --index ${dir}\`${pickedUp}.`,
      { indexDir: dir },
      { cause: error },
    );
  }
  const pickedUp = said.watching ? '; this server picks it up once it is published' : ', then restart this server';
  return new AppError(
    'INDEX_CORRUPT',
    `The index in ${dir} is damaged: ${sentence(error.message)} ` +
      `Rebuild it with \`citelens index <files> --index ${dir} --rebuild\`${pickedUp}.`,
    { indexDir: dir, generation: holder.problem?.generation ?? null },
    { cause: error },
  );
}
