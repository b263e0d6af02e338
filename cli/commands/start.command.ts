// `citelens start`: one command from a fresh clone to a running app. Builds the sample index and the
// web UI when they are missing, then serves them (watching the index for new generations).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Config, loadConfig, PROJECT_ROOT } from '../../core/config.ts';
import { currentGeneration, indexPapers, isTransformersModelAvailable } from '../../indexer/index.ts';
import { action } from '../output.ts';
import { addServerOptions, runServer, type ServeCommandOptions } from './serve.command.ts';

const WEB_DIR = path.join(PROJECT_ROOT, 'web');

function notice(message: string): void {
  process.stderr.write(`notice: ${message}\n`);
}

/** Builds the sample library into `indexDir` unless it already holds an index. */
export async function ensureSampleIndex(config: Config, indexDir: string): Promise<void> {
  if (currentGeneration(indexDir)) return;
  notice(`No index in ${indexDir}; building one from ${path.relative(PROJECT_ROOT, config.sampleDataFile)}.`);
  // 'auto' would try to download the model; the first start stays offline and uses the builtin one instead.
  const modelPresent = await isTransformersModelAvailable({ model: config.model, cacheDir: config.modelDir });
  const summary = await indexPapers({
    indexDir,
    files: [config.sampleDataFile],
    embedder: config.embedder === 'auto' && !modelPresent ? 'builtin' : config.embedder,
    model: config.model,
    modelDir: config.modelDir,
    offline: config.offline,
    onNotice: notice,
  });
  notice(`Indexed ${summary.papers} papers with the ${summary.embedder.kind} embedder.`);
}

/** Builds web/dist with Vite when it is missing and the web sources are there; never fails the start. */
export async function ensureWebBuild(): Promise<void> {
  if (fs.existsSync(path.join(WEB_DIR, 'dist', 'index.html'))) return;
  if (!fs.existsSync(path.join(WEB_DIR, 'vite.config.ts')) || !fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    notice('The web UI sources are not in web/ yet; serving the API only.');
    return;
  }
  notice('Building the web UI (web/dist)…');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], {
      cwd: PROJECT_ROOT,
      // Vite's progress goes to stderr so stdout keeps only what `start` itself reports.
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', () => resolve(null));
    child.on('close', resolve);
  });
  if (code !== 0) notice('The web UI build failed; serving the API only. Retry with `npm run build:web`.');
}

export function registerStartCommand(program: Command): void {
  const config = loadConfig();
  addServerOptions(
    program.command('start').description('Build the sample index and web UI if missing, then serve them'),
    config,
  ).action(
    action(async (options: ServeCommandOptions) => {
      await ensureSampleIndex(config, options.index);
      await ensureWebBuild();
      await runServer(config, { ...options, watch: true });
    }),
  );
}
