// The real server over HTTP: `citelens serve` started as a child process on 127.0.0.1, cold start
// measured from spawn to the first answered /api/search, then load from autocannon (hybrid).
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { cpuSecondsOf, PeakRssSampler, rssOf } from '../measure/child-process.ts';
import { childEnv, PROJECT_ROOT } from './indexing.bench.ts';

export type HttpResult = {
  /** Spawn of `citelens serve` to the first 200 from /api/search. */
  coldStartMs: number;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Connection errors, timeouts and non-2xx answers, together. */
  errors: number;
  non2xx: number;
  timeouts: number;
  latency: { p50Ms: number; p90Ms: number; p97_5Ms: number; p99Ms: number; maxMs: number };
  serverPeakRssBytes: number;
  serverRssAfterBytes: number;
  /** Server CPU seconds over the load, per second of load: 1 = one core busy. */
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

/** Starts the server on the index, measures its cold start, then loads it with hybrid queries. */
export async function benchHttp(
  indexDir: string,
  queries: readonly string[],
  options: { connections: number; durationSeconds: number },
): Promise<HttpResult> {
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
  ];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const sampler = new PeakRssSampler(child.pid!, 50);
  try {
    try {
      await waitForFirstAnswer(child, base, queries[0]!, 120_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${stderr.join('').slice(-2000)}`);
    }
    const coldStartMs = performance.now() - began;

    const paths = queries.map(searchPath);
    let next = 0;
    const cpuBefore = cpuSecondsOf(child.pid!);
    const result = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.durationSeconds,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    });
    const serverRssAfterBytes = rssOf(child.pid!);
    const serverCoresBusy = (cpuSecondsOf(child.pid!) - cpuBefore) / result.duration;
    return {
      coldStartMs,
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
