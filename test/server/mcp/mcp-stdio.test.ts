import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDatabaseInBackground, currentGeneration, indexPapers } from '../../../indexer/index.ts';
import { conceptStatisticsOfIndex } from '../../../server/answer/concept-statistics.ts';
import { englishWordsLoaded } from '../../../server/english/english-words.ts';
import { type RunningMcpServer, startMcpStdio } from '../../../server/mcp/mcp-stdio.ts';
import {
  INDEX_CORRUPT_META,
  INDEX_NOT_FOUND_META,
  INDEX_UNREADABLE_META,
} from '../../../server/mcp/paper.resources.ts';
import { damageDatabasePages } from '../../support/damage-index.ts';
import { buildIndex, SAMPLE_PAPERS_FILE, sampleIndex, samplePapers, testConfig } from '../../support/sample-index.ts';
import { lockDatabase } from '../../support/system-failures.ts';
import { tempDir } from '../../support/temp-dir.ts';

// The real integrity check, watched: a test holds it back to find damage after the start.
vi.mock('../../../indexer/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../indexer/index.ts')>();
  return { ...original, checkDatabaseInBackground: vi.fn(original.checkDatabaseInBackground) };
});

// The real count, watched: which readers the start asked for concept statistics.
vi.mock('../../../server/answer/concept-statistics.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../server/answer/concept-statistics.ts')>();
  return { ...original, conceptStatisticsOfIndex: vi.fn(original.conceptStatisticsOfIndex) };
});

const running: RunningMcpServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  vi.mocked(conceptStatisticsOfIndex).mockClear();
});

/**
 * Starts the stdio server over `indexDir` (watching it every `watchIntervalMs`, if given) on an
 * in-memory channel and connects a client, which asks nothing yet.
 */
async function start(
  indexDir: string,
  notices: string[] = [],
  watchIntervalMs?: number,
): Promise<{ server: RunningMcpServer; client: Client }> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = await startMcpStdio({
    config: testConfig(),
    indexDir,
    watchIntervalMs,
    onNotice: (message) => notices.push(message),
    transport: serverSide,
  });
  running.push(server);
  const client = new Client({ name: 'test', version: '0' });
  await client.connect(clientSide);
  return { server, client };
}

/** The error body of a failed tool call. */
function errorOf(result: CallToolResult): { code: string; message: string; details: unknown; hint: string } {
  expect(result.isError).toBe(true);
  const text = result.content[0];
  return JSON.parse(text?.type === 'text' ? text.text : '{}').error;
}

describe('mcp-stdio', () => {
  it('warms the concept statistics and the English words of the index it opens before the first tool call', async () => {
    const indexDir = await sampleIndex();
    expect(englishWordsLoaded()).toBe(false);
    const { server } = await start(indexDir);
    const lease = server.holder.acquire();
    try {
      // Counting began as the generation started being served: a question finds it under way or done.
      const calls = vi.mocked(conceptStatisticsOfIndex).mock;
      expect(calls.calls).toHaveLength(1);
      expect(calls.calls[0]?.[0]).toBe(lease.reader);
      await expect(calls.results[0]?.value).resolves.toMatchObject({ documents: samplePapers().length });
      await vi.waitFor(() => expect(englishWordsLoaded()).toBe(true));
    } finally {
      lease.release();
    }
  });

  it('starts without an index, saying where to build one, and answers tools with INDEX_NOT_FOUND', async () => {
    const notices: string[] = [];
    const { client } = await start(tempDir(), notices);
    expect(notices.join('\n')).toMatch(/There is no index in .* yet; build one with `citelens index <files> --index /);
    expect(vi.mocked(conceptStatisticsOfIndex)).not.toHaveBeenCalled();
    const result = await client.callTool({ name: 'library_info', arguments: {} });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('INDEX_NOT_FOUND');
  });

  it('starts on a damaged index with nothing older, answers every tool INDEX_CORRUPT saying where and how to rebuild, and serves the rebuilt index once published', async () => {
    const { dir } = await buildIndex();
    const damaged = currentGeneration(dir)!;
    damageDatabasePages(path.join(damaged.dir, 'index.db'));
    const notices: string[] = [];
    // The old code refused to start here: a desktop client showed the server as broken, unexplained.
    const { client } = await start(dir, notices, 50);
    expect(notices.join('\n')).toMatch(/damaged[\s\S]*--rebuild/);
    const rebuild = `citelens index <files> --index ${dir} --rebuild`;
    for (const [name, args] of [
      ['library_info', {}],
      ['search_papers', { query: 'attention' }],
      ['get_paper', { id: 'x' }],
    ] as const) {
      const error = errorOf((await client.callTool({ name, arguments: args })) as CallToolResult);
      expect(error).toMatchObject({
        code: 'INDEX_CORRUPT',
        details: { indexDir: dir, generation: damaged.generation },
      });
      expect(error.message).toContain(`The index in ${dir} is damaged`);
      expect(error.message).toContain(damaged.dir);
      expect(error.message).toContain(rebuild);
    }
    // Listing resources is no failure: none, and why beside the list.
    const listed = await client.listResources();
    expect(listed.resources).toEqual([]);
    expect(listed._meta?.[INDEX_CORRUPT_META]).toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining(rebuild),
    });

    await indexPapers({
      indexDir: dir,
      files: [SAMPLE_PAPERS_FILE],
      embedder: 'builtin',
      offline: true,
      rebuild: true,
    });
    await vi.waitFor(
      async () => {
        const info = (await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult;
        expect(info.isError ?? false).toBe(false);
        expect(info.structuredContent).toMatchObject({ papers: samplePapers().length });
      },
      { timeout: 15_000, interval: 50 },
    );
    expect((await client.listResources())._meta?.[INDEX_CORRUPT_META]).toBeUndefined();
  }, 60_000);
  // Regression: a lock (or permissions, file handles, a file gone) on the index at start made
  // `citelens mcp` exit, shown broken by a desktop client with no word on why.
  it('starts on an index another process holds locked, answers the tools INDEX_BUSY naming the file, and serves it once the lock is gone', async () => {
    const { dir } = await buildIndex();
    const file = path.join(currentGeneration(dir)!.dir, 'index.db');
    const unlock = lockDatabase(file);
    const notices: string[] = [];
    let client: Client;
    try {
      ({ client } = await start(dir, notices, 50));
      expect(notices.join('\n')).toMatch(
        /locked by another connection.*The tools answer INDEX_BUSY until it can be read/,
      );
      const error = errorOf((await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult);
      expect(error).toMatchObject({ code: 'INDEX_BUSY', message: expect.stringContaining(file) });
      const listed = await client.listResources();
      expect(listed.resources).toEqual([]);
      expect(listed._meta?.[INDEX_UNREADABLE_META]).toMatchObject({ code: 'INDEX_BUSY' });
      expect(listed._meta?.[INDEX_NOT_FOUND_META]).toBeUndefined();
    } finally {
      unlock();
    }
    await vi.waitFor(
      async () => {
        const info = (await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult;
        expect(info.isError ?? false).toBe(false);
      },
      { timeout: 15_000, interval: 50 },
    );
  }, 60_000);

  it('answers a tool call that meets a damaged page INDEX_CORRUPT with the folder and the rebuild command, not INTERNAL', async () => {
    const { dir } = await buildIndex();
    const { server, client } = await start(dir);
    const served = currentGeneration(dir)!;
    damageDatabasePages(path.join(served.dir, 'index.db'));
    // SQLite throws "database disk image is malformed" mid-query; the old code answered INTERNAL ("a bug").
    const error = errorOf(
      (await client.callTool({
        name: 'search_papers',
        arguments: { query: 'graph neural networks' },
      })) as CallToolResult,
    );
    expect(error).toMatchObject({ code: 'INDEX_CORRUPT', details: { indexDir: dir, generation: served.generation } });
    expect(error.message).toContain(`citelens index <files> --index ${dir} --rebuild`);
    expect(server.holder.problem).toMatchObject({ generation: served.generation, error: { code: 'INDEX_CORRUPT' } });
  });

  it('says damage met while answering a tool call with the folder and the command that rebuilds it there', async () => {
    const { dir } = await buildIndex();
    const notices: string[] = [];
    const { client } = await start(dir, notices);
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    await client.callTool({ name: 'search_papers', arguments: { query: 'graph neural networks' } });
    const notice = notices.join('\n');
    // The old notice said "this request could not be answered" and named `--index <dir>`, not the folder.
    expect(notice).toContain(`citelens index <files> --index ${dir} --rebuild`);
    expect(notice).not.toMatch(/<dir>|this request|API|503/);
    expect(notice).toMatch(/tool calls that read the damaged pages answer INDEX_CORRUPT/);
  });

  it('says damage the integrity check finds after the start as the tools answer it, not as an HTTP API', async () => {
    const { dir } = await buildIndex();
    let finishCheck = () => {};
    const held = new Promise<void>((resolve) => {
      finishCheck = resolve;
    });
    const original = await vi.importActual<typeof import('../../../indexer/index.ts')>('../../../indexer/index.ts');
    vi.mocked(checkDatabaseInBackground).mockImplementationOnce(async (file) => {
      await held;
      return original.checkDatabaseInBackground(file);
    });
    const notices: string[] = [];
    // The check outlasts the start's wait (a large library): the server starts serving meanwhile.
    const { client } = await start(dir, notices, 60_000);
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    finishCheck();
    await vi.waitFor(() => expect(notices.join('\n')).toMatch(/damaged/), { timeout: 10_000 });
    const notice = notices.join('\n');
    // The old notice said "The API answers 503", under a server that has no HTTP API.
    expect(notice).not.toMatch(/API|503/);
    expect(notice).toContain(`citelens index <files> --index ${dir} --rebuild`);
    expect(notice).toMatch(/the tools answer INDEX_CORRUPT/);
    const error = errorOf((await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult);
    expect(error.code).toBe('INDEX_CORRUPT');
  });
});
