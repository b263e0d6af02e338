// `citelens serve`: runs the HTTP API and web UI over an index, on 127.0.0.1 unless told otherwise,
// in one process or in several that share the port (one per core by default).
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { type Config, loadConfig, MAX_WORKERS, PROJECT_ROOT } from '../../core/config.ts';
import { runWorker, startCluster } from '../../server/cluster/index.ts';
import { startServer } from '../../server/index.ts';
import { action, reportFailure } from '../output.ts';

export type ServeCommandOptions = { index: string; host: string; port: number; workers: number; watch?: boolean };

/** Worker processes run this command line (the CLI from its bundle, which loads faster than the sources). */
const WORKER_SCRIPT = { exec: path.join(PROJECT_ROOT, 'bin', 'citelens.js'), args: ['serve-worker'] };

/** What `runServer` started: where it answers, and how to stop it. */
export type Serving = { url: string; close: () => Promise<void> };

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('must be a whole number from 0 to 65535.');
  return port;
}

function parseWorkers(value: string): number {
  const workers = Number(value);
  if (!/^\d+$/.test(value) || workers < 1 || workers > MAX_WORKERS) {
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_WORKERS}.`);
  }
  return workers;
}

/** Adds the options `serve` and `start` share (index folder, host, port, server processes). */
export function addServerOptions(command: Command, config: Config): Command {
  return command
    .option('--index <dir>', 'index folder', config.indexDir)
    .option('--host <host>', 'address to listen on (anything but loopback needs CITELENS_TOKEN)', config.host)
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, config.port)
    .option(
      '--workers <n>',
      'server processes sharing the port (1: a single process; CITELENS_WORKERS)',
      parseWorkers,
      config.workers,
    );
}

function notice(message: string): void {
  process.stderr.write(`notice: ${message}\n`);
}

async function startServing(config: Config, options: ServeCommandOptions): Promise<Serving> {
  const serveOptions = {
    config: { ...config, host: options.host, port: options.port },
    indexDir: options.index,
    watch: Boolean(options.watch),
    onNotice: notice,
  };
  if (options.workers <= 1) return startServer(serveOptions);
  const running = await startCluster({ ...serveOptions, workers: options.workers, workerScript: WORKER_SCRIPT });
  running.failed.catch((error: unknown) => {
    reportFailure(error, false);
    process.exit(1);
  });
  return running;
}

/**
 * Starts the server (in `options.workers` processes), prints where it runs, and closes it
 * gracefully on SIGINT or SIGTERM.
 */
export async function runServer(config: Config, options: ServeCommandOptions): Promise<Serving> {
  const running = await startServing(config, options);
  // Handlers first: whoever reads the banner (a supervisor, a test) may signal the moment it appears.
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nStopping (${signal}); finishing running requests…\n`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`Citelens is running at ${running.url}\n`);
  process.stdout.write(`  API reference: ${running.url}/api/docs\n`);
  if (config.token) process.stdout.write('  API requests need `Authorization: Bearer $CITELENS_TOKEN`.\n');
  if (options.workers > 1) process.stdout.write(`  ${options.workers} server processes share the port.\n`);
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
  program
    .command('serve-worker', { hidden: true })
    .description('One server process of `serve --workers <n>` (started by serve, not by hand)')
    .action(action(runWorker));
}
