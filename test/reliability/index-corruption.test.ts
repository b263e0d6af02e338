// Damage on disk, found by an attack pass: bits flipped in the vector graph's neighbour ids (same size)
// and in index.db's pages. The server must notice, say what to do, keep answering from what it can
// trust, and never crash or claim to be healthy over a damaged index.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers, openIndex } from '../../indexer/index.ts';
import { currentGeneration } from '../../indexer/store/generations.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { buildIndex, SAMPLE_PAPERS_FILE, testConfig } from '../support/sample-index.ts';

/** Points every level-0 neighbour id of the first `elements` graph elements far past the element count. */
function damageGraphNeighbours(file: string, elements: number): void {
  const data = fs.readFileSync(file);
  const bytesPerElement = Number(data.readBigUInt64LE(24));
  for (let element = 0; element < elements; element++) {
    const at = 96 + element * bytesPerElement;
    const count = data.readUInt16LE(at);
    for (let slot = 0; slot < count; slot++) data.writeUInt32LE(0x40000000 + slot, at + 4 + slot * 4);
  }
  fs.writeFileSync(file, data);
}

/** Overwrites the b-tree page header of every page past the first few (the schema stays readable). */
function damageDatabasePages(file: string): void {
  const data = fs.readFileSync(file);
  const pageSize = data.readUInt16BE(16) === 1 ? 65536 : data.readUInt16BE(16);
  for (let page = 4; page * pageSize < data.length; page += 3) data.fill(0x5a, page * pageSize, page * pageSize + 12);
  fs.writeFileSync(file, data);
}

async function json(server: RunningServer, urlPath: string, init?: RequestInit) {
  const res = await fetch(`${server.url}${urlPath}`, init);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: Record<string, unknown> },
  };
}

/** Publishes a second generation of the sample library in `dir`. */
async function rebuildSample(dir: string): Promise<void> {
  await indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE], embedder: 'builtin', offline: true, rebuild: true });
}

/** The server answers searches from generation 1 while its health names generation 2's damage. */
async function expectServingGenerationOneDegraded(server: RunningServer): Promise<void> {
  const search = await json(server, '/api/search?q=attention&k=3');
  expect([search.status, (search.body.results as unknown[]).length]).toEqual([200, 3]);
  const health = await json(server, '/api/health');
  expect(health.status).toBe(200);
  expect(health.body).toMatchObject({
    status: 'degraded',
    generation: 1,
    problem: expect.stringMatching(/generation 2/),
  });
}

/** A server on `dir` (an OS-chosen port) and the notices it prints. */
async function serveCollectingNotices(dir: string): Promise<{ server: RunningServer; notices: string[] }> {
  const notices: string[] = [];
  const server = await startServer({
    config: testConfig({ CITELENS_PORT: '0' }),
    indexDir: dir,
    onNotice: (m) => notices.push(m),
  });
  return { server, notices };
}

describe('a damaged index on disk', () => {
  it('rebuilds a graph whose neighbour ids point past its end (same file size), says so, and searches with a large ef', async () => {
    const { dir } = await buildIndex();
    const graph = path.join(currentGeneration(dir)!.dir, 'papers.hnsw');
    const size = fs.statSync(graph).size;
    damageGraphNeighbours(graph, 40);
    expect(fs.statSync(graph).size).toBe(size);
    const notices: string[] = [];
    const reader = await openIndex(dir, { offline: true, onNotice: (m) => notices.push(m) });
    try {
      // Asserted before searching: the old code loaded this graph and a search with a large ef crashed the process.
      expect(notices.join('\n')).toMatch(
        /The vector file papers\.hnsw is damaged \(element 0 names neighbour \d+; .*rebuilding it/,
      );
      const vector = await reader.embedQuery('attention sinks in transformers');
      const hits = reader.searchPapersDense(vector, 10, { ef: 2_000 });
      expect(hits).toHaveLength(10);
    } finally {
      reader.close();
    }
  });

  it('refuses a damaged index.db at open with INDEX_CORRUPT and the remedy', async () => {
    const { dir } = await buildIndex();
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    await expect(openIndex(dir, { offline: true })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringMatching(/index database .* is damaged/),
      hint: expect.stringMatching(/--rebuild/),
    });
  });

  it('keeps serving the previous generation when the newest index.db is damaged, answers the reload 503 without a path, and health says degraded', async () => {
    const { dir } = await buildIndex();
    const server = await startServer({ config: testConfig({ CITELENS_PORT: '0' }), indexDir: dir });
    try {
      await rebuildSample(dir);
      damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
      const reload = await json(server, '/api/admin/reload', { method: 'POST' });
      expect(reload.status).toBe(503);
      expect(reload.body.error).toMatchObject({ code: 'INDEX_CORRUPT', hint: expect.stringMatching(/--rebuild/) });
      expect(JSON.stringify(reload.body)).not.toContain(dir);
      expect(JSON.stringify(reload.body)).not.toContain(path.dirname(dir));

      await expectServingGenerationOneDegraded(server);
      expect(JSON.stringify((await json(server, '/api/health')).body)).not.toContain(dir);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('starts over an index whose newest generation is damaged by serving the one before it, and says so', async () => {
    const { dir } = await buildIndex();
    await rebuildSample(dir);
    expect(currentGeneration(dir)!.generation).toBe(2);
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const { server, notices } = await serveCollectingNotices(dir);
    try {
      await expectServingGenerationOneDegraded(server);
      expect(notices.join('\n')).toMatch(
        /Index generation 2 is damaged: [\s\S]* Serving generation 1, the one before it/,
      );
    } finally {
      await server.close();
    }
  }, 60_000);

  it('starts over an index whose only generation is damaged, answering 503 INDEX_CORRUPT, and health is not ok', async () => {
    const { dir } = await buildIndex();
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const { server, notices } = await serveCollectingNotices(dir);
    try {
      const search = await json(server, '/api/search?q=attention&k=3');
      expect(search.status).toBe(503);
      expect(search.body.error).toMatchObject({ code: 'INDEX_CORRUPT' });
      expect(JSON.stringify(search.body)).not.toContain(dir);
      const health = await json(server, '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'corrupt', generation: null });
      expect(notices.join('\n')).toMatch(/damaged/);
    } finally {
      await server.close();
    }
  }, 60_000);
});
