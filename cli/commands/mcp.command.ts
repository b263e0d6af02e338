// `citelens mcp`: the MCP server over stdio, for agents and assistants that start Citelens as a
// tool. stdout carries protocol messages only; notices go to stderr.
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { isAppError } from '../../core/errors.ts';
import { IndexHolder } from '../../server/index-holder.ts';
import { loadMcpServer } from '../../server/mcp/index.ts';
import { SERVE_DEFAULTS } from '../../server/serve.ts';
import { action } from '../output.ts';

function notice(message: string): void {
  process.stderr.write(`notice: ${message}\n`);
}

export function registerMcpCommand(program: Command): void {
  const config = loadConfig();
  program
    .command('mcp')
    .description('Serve the library to MCP clients (agents, assistants, editors) over stdio')
    .option('--index <dir>', 'index folder', config.indexDir)
    .option('--no-watch', 'keep serving the generation opened at start when the index is rebuilt')
    .action(
      action(async (options: { index: string; watch: boolean }) => {
        const holder = new IndexHolder({ modelDir: config.modelDir, offline: config.offline, onNotice: notice });
        try {
          await holder.open(options.index);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'INDEX_NOT_FOUND') throw error;
          // Tools answer INDEX_NOT_FOUND until an index is built (and, watching, picked up).
          notice(
            `There is no index in ${holder.dir} yet; build one with \`citelens index <files> --index ${options.index}\`.`,
          );
        }
        if (options.watch) holder.watch(SERVE_DEFAULTS.watchIntervalMs);
        const [{ createMcpServer }, { StdioServerTransport }] = await Promise.all([
          loadMcpServer(),
          import('@modelcontextprotocol/sdk/server/stdio.js'),
        ]);
        // The client runs on this machine: errors may name the index folder.
        const server = createMcpServer({ holder, config, indexFolderInErrors: { watching: options.watch } });
        const stop = () => {
          void server.close().finally(() => {
            holder.close();
            process.exit(0);
          });
        };
        // The client ends the session by closing our stdin (or with a signal).
        process.stdin.once('end', stop);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await server.connect(new StdioServerTransport());
      }),
    );
}
