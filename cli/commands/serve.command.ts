// `citelens serve`: runs the HTTP API and web UI over an index, on 127.0.0.1 unless told otherwise.
import { type Command, InvalidArgumentError } from 'commander';
import { type Config, loadConfig } from '../../core/config.ts';
import { type RunningServer, startServer } from '../../server/index.ts';
import { action } from '../output.ts';

export type ServeCommandOptions = { index: string; host: string; port: number; watch?: boolean };

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('must be a whole number from 0 to 65535.');
  return port;
}

/** Adds the options `serve` and `start` share (index folder, host, port). */
export function addServerOptions(command: Command, config: Config): Command {
  return command
    .option('--index <dir>', 'index folder', config.indexDir)
    .option('--host <host>', 'address to listen on (anything but loopback needs CITELENS_TOKEN)', config.host)
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, config.port);
}

/** Starts the server, prints where it runs, and closes it gracefully on SIGINT or SIGTERM. */
export async function runServer(config: Config, options: ServeCommandOptions): Promise<RunningServer> {
  const running = await startServer({
    config: { ...config, host: options.host, port: options.port },
    indexDir: options.index,
    watch: Boolean(options.watch),
    onNotice: (message) => process.stderr.write(`notice: ${message}\n`),
  });
  process.stdout.write(`Citelens is running at ${running.url}\n`);
  process.stdout.write(`  API reference: ${running.url}/api/docs\n`);
  if (config.token) process.stdout.write('  API requests need `Authorization: Bearer $CITELENS_TOKEN`.\n');
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nStopping (${signal}); finishing running requests…\n`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}

export function registerServeCommand(program: Command): void {
  const config = loadConfig();
  addServerOptions(program.command('serve').description('Serve the HTTP API and web UI over an index'), config)
    .option('--watch', 'reload automatically when the index gets a new generation')
    .action(
      action(async (options: ServeCommandOptions) => {
        await runServer(config, options);
      }),
    );
}
