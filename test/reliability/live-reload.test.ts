// A real server keeps answering while `citelens index` publishes new generations in a child process,
// then switches to the newest one (on POST /api/admin/reload, or by itself when watching) without a
// restart; every response matches, in full, the generation named in its header.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers } from '../../indexer/index.ts';
import { createApp } from '../../server/app.ts';
import { GENERATION_HEADER } from '../../server/http/index.middleware.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { runCli } from '../support/run-cli.ts';
import { holderFor, testConfig } from '../support/sample-index.ts';
import { syntheticPapers, writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Requests fired while generations change; each answer depends on which papers the index holds. */
const URLS = [
  '/api/search?q=attention+heads+sink&k=10',
  '/api/search?q=retrieval+citations+evidence&mode=semantic&k=20',
  '/api/search?q=quantization+latency&mode=keyword&k=10',
  '/api/search?q=zeolite+catalysts&mode=keyword&k=5',
  // BUG (reported): stats reads the size of its generation's folder on every request, so it answers
  // 500 once later publishes have removed that folder while the server still serves it.
  '/api/stats',
];
const WORKERS = 3;

const PAPERS = syntheticPapers(700, 11);
/** Papers with a word no earlier generation has, so a search for it tells generations apart. */
const ZEOLITE_PAPERS = Array.from({ length: 20 }, (_, i) => ({
  id: `zeolite-${i}`,
  title: `Zeolite catalysts for cracking, study ${i}`,
  abstract: `Zeolite catalysts crack heavy hydrocarbons at lower temperature. Pore size ${i} controls selectivity.`,
  authors: ['Author Z'],
  year: 2024,
  tags: ['catalysis'],
}));

type Observation = {
  url: string;
  startedAt: number;
  endedAt: number;
  status: number;
  generation: number;
  body: unknown;
  error?: string;
};

function withoutTiming(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (key, value) => (key === 'tookMs' ? undefined : value));
}

/** The answers to URLS from a frozen copy of an index folder, computed in-process. */
async function answersOf(indexDir: string): Promise<Map<string, unknown>> {
  const copy = path.join(tempDir('citelens-frozen-'), 'index');
  fs.cpSync(indexDir, copy, { recursive: true });
  const app = createApp({ holder: await holderFor(copy), config: testConfig() });
  const answers = new Map<string, unknown>();
  for (const url of URLS) {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    answers.set(url, withoutTiming(await res.json()));
  }
  return answers;
}

/** WORKERS clients that request URLS in turn, as fast as answers come, until stopped. */
function hammer(server: RunningServer) {
  const seen: Observation[] = [];
  let stopped = false;
  const loops = Array.from({ length: WORKERS }, async (_, worker) => {
    for (let i = worker; !stopped; i++) {
      const url = URLS[i % URLS.length]!;
      const startedAt = performance.now();
      try {
        const res = await fetch(`${server.url}${url}`);
        const text = await res.text();
        seen.push({
          url,
          startedAt,
          endedAt: performance.now(),
          status: res.status,
          generation: Number(res.headers.get(GENERATION_HEADER)),
          body: res.status === 200 ? withoutTiming(JSON.parse(text)) : text,
        });
      } catch (error) {
        seen.push({
          url,
          startedAt,
          endedAt: performance.now(),
          status: 0,
          generation: 0,
          body: null,
          error: String(error),
        });
      }
    }
  });
  return {
    seen,
    count: () => seen.length,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return seen;
    },
  };
}

async function indexInChild(file: string, indexDir: string): Promise<void> {
  const run = await runCli(['index', file, '--index', indexDir, '--embedder', 'builtin', '--json']);
  expect(run.code, run.stderr).toBe(0);
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Asserts that every observation is a 200 whose body is exactly its generation's answer. */
function expectConsistent(seen: Observation[], expected: Map<number, Map<string, unknown>>) {
  const failures = seen.filter((o) => o.status !== 200).map((o) => `${o.url}: ${o.status} ${o.error ?? o.body}`);
  expect(failures).toEqual([]);
  for (const o of seen) {
    const answers = expected.get(o.generation);
    expect(answers, `${o.url} was served from generation ${o.generation}`).toBeDefined();
    expect(o.body, `${o.url} from generation ${o.generation}`).toEqual(answers!.get(o.url));
  }
}

/** A first generation of 300 papers, and files for bigger ones (the zeolite papers only in those). */
async function firstGeneration() {
  const inputs = tempDir('citelens-reload-input-');
  const indexDir = path.join(tempDir('citelens-reload-index-'), 'index');
  await indexPapers({
    indexDir,
    files: [writeJsonl(inputs, 'first.jsonl', PAPERS.slice(0, 300))],
    embedder: 'builtin',
    offline: true,
  });
  return {
    indexDir,
    bigger: writeJsonl(inputs, 'bigger.jsonl', [...PAPERS.slice(0, 500), ...ZEOLITE_PAPERS]),
    biggest: writeJsonl(inputs, 'biggest.jsonl', [...PAPERS, ...ZEOLITE_PAPERS]),
  };
}

describe('live reload under load', () => {
  it('serves generation 1 while two newer ones are published (the first removed from disk), then switches on POST /api/admin/reload', async () => {
    const { indexDir, bigger, biggest } = await firstGeneration();
    const expected = new Map([[1, await answersOf(indexDir)]]);
    const server = await startServer({ config: testConfig({ CITELENS_PORT: '0' }), indexDir, watch: false });
    try {
      const load = hammer(server);
      const before = load.count();
      await indexInChild(bigger, indexDir);
      await indexInChild(biggest, indexDir);
      const duringBuilds = load.count() - before;
      // Generation 1's folder is gone now (only the current and previous generations are kept).
      expect(fs.existsSync(path.join(indexDir, 'gen-000001'))).toBe(false);
      expected.set(3, await answersOf(indexDir));
      await waitFor(() => load.count() > before + duringBuilds + 20, 10_000, 'requests after the builds');

      const reloadSentAt = performance.now();
      const reload = await fetch(`${server.url}/api/admin/reload`, { method: 'POST' });
      const reloadedAt = performance.now();
      expect(await reload.json()).toEqual({ changed: true, previous: 1, generation: 3 });
      await waitFor(() => load.seen.some((o) => o.startedAt > reloadedAt + 50), 10_000, 'requests after the reload');
      const seen = await load.stop();

      expect(duringBuilds).toBeGreaterThan(20);
      expectConsistent(seen, expected);
      expect(seen.filter((o) => o.endedAt < reloadSentAt).every((o) => o.generation === 1)).toBe(true);
      expect(seen.filter((o) => o.startedAt > reloadedAt).every((o) => o.generation === 3)).toBe(true);
      expect(new Set(seen.map((o) => o.generation))).toEqual(new Set([1, 3]));
      expect(expected.get(1)!.get(URLS[3]!)).not.toEqual(expected.get(3)!.get(URLS[3]!));
    } finally {
      await server.close();
    }
  }, 90_000);

  it('switches by itself when watching, with no request in between seeing a mix or an error', async () => {
    const { indexDir, bigger } = await firstGeneration();
    const expected = new Map([[1, await answersOf(indexDir)]]);
    const server = await startServer({
      config: testConfig({ CITELENS_PORT: '0' }),
      indexDir,
      watch: true,
      watchIntervalMs: 100,
    });
    try {
      const load = hammer(server);
      const before = load.count();
      await indexInChild(bigger, indexDir);
      const duringBuild = load.count() - before;
      expected.set(2, await answersOf(indexDir));
      await waitFor(() => load.seen.some((o) => o.generation === 2), 10_000, 'the watcher to serve generation 2');
      const firstNew = Math.min(...load.seen.filter((o) => o.generation === 2).map((o) => o.endedAt));
      await waitFor(() => load.seen.some((o) => o.startedAt > firstNew + 200), 10_000, 'requests after the switch');
      const seen = await load.stop();

      expect(duringBuild).toBeGreaterThan(20);
      expectConsistent(seen, expected);
      // Once a response came from generation 2, no request started later was served from generation 1.
      expect(seen.filter((o) => o.startedAt > firstNew).every((o) => o.generation === 2)).toBe(true);
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health).toEqual({ status: 'ok', generation: 2 });
    } finally {
      await server.close();
    }
  }, 90_000);
});
