import fs from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ResourceListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { indexPapers } from '../../../indexer/index.ts';
import { createMcpServer } from '../../../server/mcp/mcp-server.ts';
import { announceResourceListChanges } from '../../../server/mcp/resource-list-changes.ts';
import { buildIndex, holderFor, testConfig } from '../../support/sample-index.ts';
import { syntheticPapers, writeJsonl } from '../../support/synthetic-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done()) && Date.now() < deadline) await pause(25);
}

describe('announceResourceListChanges', () => {
  it('tells the client the list changed when the index is deleted and built again from scratch (generation 1 again)', async () => {
    const { dir } = await buildIndex([writeJsonl(tempDir(), 'papers.jsonl', syntheticPapers(39))]);
    const holder = await holderFor(dir);
    holder.watch(50);
    const server = createMcpServer({
      holder,
      config: testConfig(),
      log: () => {},
      indexFolderInErrors: { watching: true },
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'test', version: '0' });
    let changed = 0;
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
      changed += 1;
    });
    await client.connect(clientSide);
    clients.push(client);
    expect(holder.generation).toBe(1);
    expect((await client.listResources()).resources).toHaveLength(39);

    fs.rmSync(dir, { recursive: true, force: true });
    await indexPapers({
      indexDir: dir,
      files: [writeJsonl(tempDir(), 'papers.jsonl', syntheticPapers(5, 2))],
      embedder: 'builtin',
      offline: true,
    });
    await until(async () => (await client.listResources()).resources.length === 5, 10_000);
    expect(holder.generation).toBe(1);
    await until(() => changed > 0, 1000);
    expect(changed).toBe(1);
  });

  it('keeps the handlers a server already had for initialized and close, and still calls them', async () => {
    const holder = await holderFor();
    const server = new Server({ name: 'test', version: '0' }, { capabilities: { resources: { listChanged: true } } });
    const calls: string[] = [];
    server.oninitialized = () => calls.push('initialized');
    server.onclose = () => calls.push('closed');
    announceResourceListChanges(server, holder);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'test', version: '0' });
    await client.connect(clientSide);
    await until(() => calls.includes('initialized'), 1000);
    await client.close();
    await until(() => calls.includes('closed'), 1000);
    expect(calls).toEqual(['initialized', 'closed']);
  });
});
