// `citelens mcp`: the MCP server over stdio, for agents and assistants that start Citelens as a
// tool. stdout carries protocol messages only; notices go to stderr.
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { loadMcpStdio } from '../../server/mcp/index.ts';
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
        const [{ startMcpStdio }, { StdioServerTransport }] = await Promise.all([
          loadMcpStdio(),
          import('@modelcontextprotocol/sdk/server/stdio.js'),
        ]);
        const running = await startMcpStdio({
          config,
          indexDir: options.index,
          watchIntervalMs: options.watch ? SERVE_DEFAULTS.watchIntervalMs : undefined,
          onNotice: notice,
          transport: new StdioServerTransport(),
        });
        const stop = () => {
          void running.close().finally(() => process.exit(0));
        };
        // The client ends the session by closing our stdin (or with a signal).
        process.stdin.once('end', stop);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
