// `citelens mcp`'s server: opens the index through the same serving holder as `citelens serve` (so
// each generation it serves is warmed alike), serves it to one MCP client on this machine over a
// transport (stdio), and closes both.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Config } from '../../core/config.ts';
import { type AppError, isAppError } from '../../core/errors.ts';
import { READ_FAILURES } from '../index-holder/damaged-generations.ts';
import { createServingHolder } from '../index-holder/serving-holder.ts';
import type { DamageReach, IndexHolder } from '../index-holder.ts';
import { indexErrorForClient } from './index-folder-errors.ts';
import { createMcpServer } from './mcp-server.ts';

export type McpStdioOptions = {
  /** Model folder and offline switch (for the index), and what the tools answer with. */
  config: Config;
  /**
   * The index folder; one without an index yet is served as "no index" (INDEX_NOT_FOUND), a damaged
   * one as INDEX_CORRUPT, one that cannot be read as why (INDEX_ACCESS_DENIED, INDEX_BUSY…).
   */
  indexDir: string;
  /** Poll the folder this often (ms) and serve each newly published generation; undefined keeps the one opened. */
  watchIntervalMs: number | undefined;
  /** Where notices go (stderr: stdout carries the protocol). */
  onNotice: (message: string) => void;
  /** The client's channel: stdio for `citelens mcp`. */
  transport: Transport;
};

/** A started MCP server and the holder it answers from. */
export type RunningMcpServer = {
  holder: IndexHolder;
  /** Closes the connection, then the index once its running calls are done. */
  close: () => Promise<void>;
};

/**
 * Opens the index in `indexDir` (its first generation warmed as it starts serving, before the client
 * asks anything), then connects the MCP server to `transport`. A folder with no index yet, with a
 * damaged one and nothing older to serve, or with one that cannot be read (a lock, permissions,
 * file handles, a file gone) still starts: the tools answer INDEX_NOT_FOUND or INDEX_CORRUPT (naming
 * the folder and the command that builds it), or why the index cannot be read, until an index is
 * published there (or can be read) and, watching, picked up. A desktop client shows a server that
 * exits at start as broken, with no word on why.
 */
export async function startMcpStdio(options: McpStdioOptions): Promise<RunningMcpServer> {
  const { config, indexDir, watchIntervalMs, onNotice } = options;
  const watching = watchIntervalMs !== undefined;
  // Said as the tools answer meanwhile, at start or when damage is found after it: what is
  // damaged, and the command that rebuilds it here (no HTTP API, no 503).
  const damageNotice = (damage: AppError, reach: DamageReach = 'index') =>
    `${indexErrorForClient(damage, holder, { watching }).message} Until then ${reach === 'index' ? 'the tools answer' : 'tool calls that read the damaged pages answer'} INDEX_CORRUPT.`;
  const holder = createServingHolder({ config, onNotice, damageNotice });
  try {
    await holder.open(indexDir);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'INDEX_NOT_FOUND') {
      onNotice(
        `There is no index in ${holder.dir} yet; build one with \`citelens index <files> --index ${indexDir}\`.`,
      );
    } else if (error.code === 'INDEX_CORRUPT') {
      onNotice(damageNotice(error));
    } else if (READ_FAILURES.has(error.code)) {
      const until = watching ? 'until it can be read (this server tries again)' : 'until this server is restarted';
      onNotice(`${error.message} The tools answer ${error.code} ${until}: ${error.hint}`);
    } else {
      throw error;
    }
  }
  if (watching) holder.watch(watchIntervalMs);
  // The client runs on this machine: errors may name the index folder.
  const server = createMcpServer({ holder, config, indexFolderInErrors: { watching } });
  try {
    await server.connect(options.transport);
  } catch (error) {
    holder.close();
    throw error;
  }
  return { holder, close: () => server.close().finally(() => holder.close()) };
}
