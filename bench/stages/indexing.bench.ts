// Indexing benchmarks: the real `citelens index` command run as a child process (end-to-end
// papers/s, stage seconds, peak RSS, index size), then a re-index with 1% of papers changed.
import fs from 'node:fs';
import path from 'node:path';
import type { IndexSummary } from '../../indexer/index.ts';
import { runMeasured } from '../measure/child-process.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(PROJECT_ROOT, 'bin', 'citelens.js');

export type IndexRun = {
  /** Spawn to exit of the `citelens index` process, start-up included. */
  wallSeconds: number;
  /** CPU seconds the process used: the figure that holds when other work shares the machine. */
  cpuSeconds: number;
  papersPerSecond: number;
  peakRssBytes: number;
  summary: IndexSummary;
};

/** The environment every child gets: builtin embedder, never a download. */
export function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, CITELENS_OFFLINE: '1', CITELENS_EMBEDDER: 'builtin', NODE_ENV: 'production' };
}

/** Runs `citelens index <file> --index <dir> --embedder builtin --json` and measures it. */
export async function runIndexCommand(file: string, indexDir: string): Promise<IndexRun> {
  const args = [CLI, 'index', file, '--index', indexDir, '--embedder', 'builtin', '--offline', '--json'];
  const run = await runMeasured(process.execPath, args, { cwd: PROJECT_ROOT, env: childEnv() });
  if (run.code !== 0) {
    throw new Error(
      `citelens index ${path.basename(file)} exited with code ${run.code}:\n${run.stderr.slice(-2000)}${run.stdout.slice(-2000)}`,
    );
  }
  let summary: IndexSummary;
  try {
    summary = JSON.parse(run.stdout) as IndexSummary;
  } catch {
    throw new Error(`citelens index --json printed something that is not JSON: ${run.stdout.slice(0, 500)}`);
  }
  return {
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    papersPerSecond: (summary.added + summary.updated) / run.wallSeconds,
    peakRssBytes: run.peakRssBytes,
    summary,
  };
}

/** Bytes of every file under `dir`. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}
