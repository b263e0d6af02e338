import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { conceptStatisticsOfIndex } from '../../../server/answer/concept-statistics.ts';
import { englishWordsLoaded } from '../../../server/answer/english-words.ts';
import { type RunningMcpServer, startMcpStdio } from '../../../server/mcp/mcp-stdio.ts';
import { sampleIndex, samplePapers, testConfig } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

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

/** Starts the stdio server over `indexDir` on an in-memory channel and connects a client, which asks nothing yet. */
async function start(indexDir: string, notices: string[] = []): Promise<{ server: RunningMcpServer; client: Client }> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = await startMcpStdio({
    config: testConfig(),
    indexDir,
    watchIntervalMs: undefined,
    onNotice: (message) => notices.push(message),
    transport: serverSide,
  });
  running.push(server);
  const client = new Client({ name: 'test', version: '0' });
  await client.connect(clientSide);
  return { server, client };
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
});
