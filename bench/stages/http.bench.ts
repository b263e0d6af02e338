// The real server over HTTP: `citelens serve` started as a child process on 127.0.0.1 (with its
// worker processes), cold start measured from spawn to the first answered /api/search; once every
// worker serves, a short warm-up load, then the measured load from autocannon (hybrid). Memory and
// CPU are those of the server's whole process tree.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { PeakRssSampler, treeCpuSecondsOf, treeRssOf } from '../measure/child-process.ts';
import { childEnv, PROJECT_ROOT } from './indexing.bench.ts';

export const HTTP_BENCH_DEFAULTS = {
  /** Server processes (`serve --workers`): what `serve` runs by default, one per core up to 2. */
  workers: Math.min(2, os.availableParallelism()),
  /**
   * Seconds of load before the measured run, reported on their own: the first requests each worker
   * answers fill its caches, which is the cold start's business, not the steady state's.
   */
  warmupSeconds: 5,
  /** Longest wait for the server's start-up work (integrity checks, library statistics) to end before the load. */
  settleLimitMs: 90_000,
};

export type HttpResult = {
  /** Spawn of `citelens serve` to the first 200 from /api/search. */
  coldStartMs: number;
  /** Spawn to the line `serve` prints once every worker serves. */
  allWorkersMs: number;
  /**
   * Spawn to the end of the work every worker starts in the background (the database's integrity
   * check, the library's concept statistics): health no longer says `checking` and the server idles.
   */
  settledMs: number;
  /** The load before the measured one. */
  warmup: { seconds: number; requests: number; errors: number; p99Ms: number; maxMs: number };
  /** Server processes answering (`serve --workers`). */
  workers: number;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Connection errors, timeouts and non-2xx answers, together. */
  errors: number;
  non2xx: number;
  timeouts: number;
  latency: { p50Ms: number; p90Ms: number; p97_5Ms: number; p99Ms: number; maxMs: number };
  /** The sum of each server process's peak RSS (primary and workers; shared pages count in each). */
  serverPeakRssBytes: number;
  /** The server processes' RSS together, right after the load. */
  serverRssAfterBytes: number;
  /** Server CPU seconds (all processes) over the load, per second of load: 1 = one core busy. */
  serverCoresBusy: number;
};

/** A free TCP port on 127.0.0.1 (the OS picks; released just before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const searchPath = (query: string) => `/api/search?${new URLSearchParams({ q: query, mode: 'hybrid', k: '10' })}`;

/** Resolves when `serve` prints that it is running: every worker is then listening. */
function waitForRunningLine(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`citelens serve did not say it runs within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes('Citelens is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`citelens serve exited with code ${code} before it said it runs`));
    });
  });
}

async function waitForFirstAnswer(child: ChildProcess, base: string, query: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`citelens serve exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(`${base}${searchPath(query)}`);
      if (response.ok) {
        await response.arrayBuffer();
        return;
      }
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`citelens serve did not answer /api/search within ${timeoutMs} ms (last: ${last})`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until no worker says `checking` (ten health answers in a row, so round-robin asks each)
 * and the server's processes use under a fifth of a core over half a second, or `limitMs` passes.
 */
async function waitForStartupWork(pid: number, base: string, limitMs: number): Promise<void> {
  const deadline = performance.now() + limitMs;
  let settledAnswers = 0;
  while (settledAnswers < 10 && performance.now() < deadline) {
    const health = (await (await fetch(`${base}/api/health`)).json()) as { status: string };
    settledAnswers = health.status === 'checking' ? 0 : settledAnswers + 1;
    await pause(50);
  }
  while (performance.now() < deadline) {
    const before = treeCpuSecondsOf(pid);
    await pause(500);
    if (treeCpuSecondsOf(pid) - before < 0.1) return;
  }
}

/** Starts the server on the index, measures its cold start, then loads it with hybrid queries. */
export async function benchHttp(
  indexDir: string,
  queries: readonly string[],
  options: { connections: number; durationSeconds: number; workers?: number; warmupSeconds?: number },
): Promise<HttpResult> {
  const { workers, warmupSeconds } = { ...HTTP_BENCH_DEFAULTS, ...options };
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const args = [
    path.join(PROJECT_ROOT, 'bin', 'citelens.js'),
    'serve',
    '--index',
    indexDir,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--workers',
    String(workers),
  ];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running = waitForRunningLine(child, 120_000);
  running.catch(() => {});
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  // Reading every process's parent each time costs the client a little; VmHWM keeps each peak between samples.
  const sampler = new PeakRssSampler(child.pid!, 200, { tree: true });
  try {
    try {
      await waitForFirstAnswer(child, base, queries[0]!, 120_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stderr.join('').slice(-2000)}`);
    }
    const coldStartMs = performance.now() - began;
    await running;
    const allWorkersMs = performance.now() - began;
    await waitForStartupWork(child.pid!, base, HTTP_BENCH_DEFAULTS.settleLimitMs);
    const settledMs = performance.now() - began;

    const paths = queries.map(searchPath);
    let next = 0;
    const load = (seconds: number) =>
      autocannon({
        url: base,
        connections: options.connections,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      });
    const warm = await load(warmupSeconds);
    const cpuBefore = treeCpuSecondsOf(child.pid!);
    const result = await load(options.durationSeconds);
    const serverRssAfterBytes = treeRssOf(child.pid!);
    const serverCoresBusy = (treeCpuSecondsOf(child.pid!) - cpuBefore) / result.duration;
    return {
      coldStartMs,
      allWorkersMs,
      settledMs,
      warmup: {
        seconds: warm.duration,
        requests: warm.requests.total,
        errors: warm.errors + warm.non2xx,
        p99Ms: warm.latency.p99,
        maxMs: warm.latency.max,
      },
      workers,
      connections: options.connections,
      durationSeconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / result.duration,
      errors: result.errors + result.non2xx,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      latency: {
        p50Ms: result.latency.p50,
        p90Ms: result.latency.p90,
        p97_5Ms: result.latency.p97_5,
        p99Ms: result.latency.p99,
        maxMs: result.latency.max,
      },
      serverPeakRssBytes: sampler.stop(),
      serverRssAfterBytes,
      serverCoresBusy,
    };
  } finally {
    sampler.stop();
    await stop(child);
  }
}
