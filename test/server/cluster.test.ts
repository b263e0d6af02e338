import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../core/config.ts';
import { indexPapers } from '../../indexer/index.ts';
import { startCluster } from '../../server/cluster/index.ts';
import { damageDatabasePages } from '../support/damage-index.ts';
import { type Running, whenRunning } from '../support/run-cli.ts';
import { syntheticPapers, writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

const CLI = path.join(PROJECT_ROOT, 'bin', 'citelens.js');
const papers = syntheticPapers(32);

type Served = Running;

const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** An index of the first `count` synthetic papers (built with the builtin embedder) in a temp folder. */
async function buildIndex(count: number): Promise<string> {
  const dir = tempDir('citelens-cluster-');
  const indexDir = path.join(dir, 'index');
  await addPapers(indexDir, 0, count);
  return indexDir;
}

/** Publishes a new generation that adds papers `from` to `to` (exclusive). */
async function addPapers(indexDir: string, from: number, to: number): Promise<void> {
  const file = writeJsonl(path.dirname(indexDir), `papers-${from}-${to}.jsonl`, papers.slice(from, to));
  await indexPapers({ indexDir, files: [file], embedder: 'builtin', offline: true });
}

// The shell's CITELENS_* variables (a token, another host) would change what is tested.
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CITELENS_')));
  return { ...env, CITELENS_OFFLINE: '1' };
}

/** Runs `citelens serve --port 0 ...args` and resolves with the URL it prints. */
function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    cwd: PROJECT_ROOT,
    env: cleanEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return whenRunning(child, 'citelens serve');
}

/** GET on a connection of its own, so that round-robin hands successive requests to different workers. */
function get(url: string, method = 'GET'): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent: false, timeout: 10_000 }, (response) => {
      let data = '';
      response.on('data', (chunk) => {
        data += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(data) }));
    });
    request.on('timeout', () => request.destroy(new Error(`${method} ${url} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

async function getMany(url: string, count: number): Promise<Array<{ status: number; body: Record<string, unknown> }>> {
  const answers = [];
  for (let i = 0; i < count; i++) answers.push(await get(url));
  return answers;
}

/** /proc/<pid>/stat fields after the command name (which may hold spaces). */
function statFields(pid: number): string[] {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The server worker processes the primary `pid` forked, alive now. */
function workerPids(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => {
      try {
        return (
          Number(statFields(child)[1]) === pid &&
          fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('serve-worker')
        );
      } catch {
        return false;
      }
    })
    .sort((a, b) => a - b);
}

/** CPU time (user + system, in clock ticks) the process has used. */
function cpuTicks(pid: number): number {
  const fields = statFields(pid);
  return Number(fields[11]) + Number(fields[12]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const search = (url: string) => `${url}/api/search?q=attention+heads+softmax&k=5`;

/** Asks for health on fresh connections until every answer satisfies `each` (round-robin reaches every worker). */
async function untilEveryWorker(
  url: string,
  each: (body: Record<string, unknown>) => boolean,
  what: string,
): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answers = (await getMany(`${url}/api/health`, 6)).map((a) => a.body);
    if (answers.every(each)) return answers;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}: ${JSON.stringify(answers)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('cluster', () => {
  it('answers from two worker processes that share the one port it prints', async () => {
    const server = await serve(['--index', await buildIndex(24), '--workers', '2']);
    // The banner's lines are separate writes; the URL may come alone.
    await waitFor('the banner', () => server.stdout().includes('2 server processes share the port.'), 5_000);
    const workers = workerPids(server.child.pid!);
    expect(workers).toHaveLength(2);

    const before = workers.map(cpuTicks);
    const answers = await getMany(search(server.url), 80);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(answers.every((a) => (a.body.results as unknown[]).length === 5)).toBe(true);
    // Both did the work: each spent CPU time on its share of the requests.
    const spent = workers.map((pid, i) => cpuTicks(pid) - before[i]!);
    expect(Math.min(...spent)).toBeGreaterThanOrEqual(2);
  });

  it('reloads every worker when one is asked to, so that every later request sees the new generation', async () => {
    const indexDir = await buildIndex(24);
    const server = await serve(['--index', indexDir, '--workers', '2']);
    await addPapers(indexDir, 24, 32);
    // Not watching: until told, no worker switches.
    const stale = await getMany(`${server.url}/api/health`, 10);
    expect(stale.map((a) => a.body.generation)).toEqual(stale.map(() => 1));

    const reload = await get(`${server.url}/api/admin/reload`, 'POST');
    expect(reload).toEqual({ status: 200, body: { changed: true, previous: 1, generation: 2 } });

    const health = await getMany(`${server.url}/api/health`, 30);
    expect(health.map((a) => a.body.generation)).toEqual(health.map(() => 2));
    const stats = await getMany(`${server.url}/api/stats`, 10);
    expect(stats.map((a) => [a.body.generation, a.body.papers])).toEqual(stats.map(() => [2, 32]));
  });

  it('replaces a worker killed with SIGKILL and keeps answering', async () => {
    const server = await serve(['--index', await buildIndex(24), '--workers', '2']);
    const [killed, survivor] = workerPids(server.child.pid!);
    process.kill(killed!, 'SIGKILL');

    await waitFor('the death notice', () => server.stderr().includes(`Server worker ${killed} stopped unexpectedly`));
    expect(server.stderr()).toContain(
      `Server worker ${killed} stopped unexpectedly (signal SIGKILL); starting a new one.`,
    );
    const meanwhile = await getMany(search(server.url), 10);
    expect(meanwhile.map((a) => a.status)).toEqual(meanwhile.map(() => 200));

    await waitFor('the replacement', () => /Server worker \d+ took over\./.test(server.stderr()));
    const workers = workerPids(server.child.pid!);
    expect(workers).toHaveLength(2);
    expect(workers).toContain(survivor);
    expect(workers).not.toContain(killed);
    const replacement = workers.find((pid) => pid !== survivor)!;
    const before = cpuTicks(replacement);
    const after = await getMany(search(server.url), 40);
    expect(after.map((a) => a.status)).toEqual(after.map(() => 200));
    expect(cpuTicks(replacement) - before).toBeGreaterThanOrEqual(2);
  });

  it('stops every worker and exits 0 on SIGTERM', async () => {
    const server = await serve(['--index', await buildIndex(24), '--workers', '2']);
    const workers = workerPids(server.child.pid!);
    expect(workers).toHaveLength(2);

    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toContain('Stopping (SIGTERM); finishing running requests');
    expect(server.stderr()).not.toContain('stopped unexpectedly');
    await waitFor('the workers to exit', () => workers.every((pid) => !isAlive(pid)), 5_000);
  });

  // Regression: a fall back from damage confirmed in one worker stayed in that worker; the other went on
  // serving the damaged generation (its health "ok", its requests on the bad pages 503) until it met
  // the damage and checked the whole database itself.
  it('falls back in every worker from damage one worker met and confirmed, without the others checking it', async () => {
    const indexDir = await buildIndex(24);
    await addPapers(indexDir, 24, 32);
    const notices: string[] = [];
    const cluster = await startCluster({
      config: { ...loadConfig({ CITELENS_OFFLINE: '1' }), port: 0 },
      indexDir,
      workers: 2,
      workerScript: { exec: CLI, args: ['serve-worker'] },
      onNotice: (message) => notices.push(message),
    });
    try {
      await untilEveryWorker(cluster.url, (body) => body.status === 'ok' && body.generation === 2, 'generation 2');
      damageDatabasePages(path.join(indexDir, 'gen-000002', 'index.db'));
      // One request, so one worker, meets the damaged pages.
      const met = await get(search(cluster.url));
      expect([met.status, (met.body.error as { code?: string } | undefined)?.code]).toEqual([503, 'INDEX_CORRUPT']);
      await waitFor('the fall back', () => notices.some((n) => /Serving generation 1, the one before it/.test(n)));
      const health = await untilEveryWorker(
        cluster.url,
        (body) => body.generation === 1,
        'every worker on generation 1',
      );
      expect(health.map((body) => [body.status, body.code])).toEqual(health.map(() => ['degraded', 'INDEX_CORRUPT']));
      // Only the worker that met the damage said so: the other fell back on its report.
      expect(notices.filter((n) => /SQLite met a damaged page/.test(n))).toHaveLength(1);
      const answers = await getMany(search(cluster.url), 10);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    } finally {
      await cluster.close();
    }
  });

  it('never gives up on workers that keep dying: replacements back off, and the cluster keeps answering', async () => {
    const notices: string[] = [];
    const cluster = await startCluster({
      config: { ...loadConfig({ CITELENS_OFFLINE: '1' }), port: 0 },
      indexDir: await buildIndex(8),
      workers: 2,
      workerScript: { exec: CLI, args: ['serve-worker'] },
      maxDeaths: 2,
      backoffMs: 300,
      onNotice: (message) => notices.push(message),
    });
    let failure: unknown;
    cluster.failed.catch((error: unknown) => {
      failure = error;
    });
    try {
      for (let round = 1; round <= 3; round++) {
        const [victim] = cluster.workerPids();
        const tookOver = notices.filter((n) => n.endsWith('took over.')).length;
        process.kill(victim!, 'SIGKILL');
        await waitFor(`replacement ${round}`, () => notices.filter((n) => n.endsWith('took over.')).length > tookOver);
      }
      expect(notices.filter((n) => n.includes('starting a new one.'))).toHaveLength(1);
      expect(notices).toContain(
        'Server workers stopped unexpectedly 2 times within 60 s (the last one: signal SIGKILL); starting a new one in 0.3 s.',
      );
      expect(notices).toContain(
        'Server workers stopped unexpectedly 3 times within 60 s (the last one: signal SIGKILL); starting a new one in 0.6 s.',
      );
      expect(failure).toBeUndefined();
      expect(cluster.workerPids()).toHaveLength(2);
      const answers = await getMany(`${cluster.url}/api/health`, 6);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    } finally {
      await cluster.close();
    }
  });
});
