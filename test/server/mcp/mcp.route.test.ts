import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentGeneration } from '../../../indexer/index.ts';
import { createApp } from '../../../server/app.ts';
import {
  INDEX_CORRUPT_META,
  INDEX_NOT_FOUND_META,
  INDEX_UNREADABLE_META,
} from '../../../server/mcp/paper.resources.ts';
import { damageDatabasePages } from '../../support/damage-index.ts';
import { buildIndex, holderFor, testConfig } from '../../support/sample-index.ts';
import { lockDatabase } from '../../support/system-failures.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

const TOKEN = 'mcp-test-token-0123456789';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

async function appWith(env: Record<string, string> = {}, options: { maxBodyBytes?: number } = {}) {
  return createApp({ holder: await holderFor(fixture.indexDir), config: testConfig(env), log: () => {}, ...options });
}

/** An SDK client speaking Streamable HTTP to `app` through app.request (no socket). */
async function connect(
  app: Awaited<ReturnType<typeof appWith>>,
  headers: Record<string, string> = {},
): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL('http://localhost/mcp'), {
    fetch: async (url, init) => app.request(String(url), init),
    requestInit: { headers },
  });
  const client = new Client({ name: 'test', version: '0' });
  await client.connect(transport);
  return client;
}

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
};

/** A raw JSON-RPC POST to /mcp with the headers an MCP client sends, plus `headers`. */
function post(
  app: Awaited<ReturnType<typeof appWith>>,
  headers: Record<string, string> = {},
  body: unknown = INITIALIZE,
) {
  return app.request('http://localhost/mcp', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
}

describe('mcp.route', () => {
  it('serves the MCP tools at /mcp to an SDK client, from the index the API serves', async () => {
    const client = await connect(await appWith());
    expect((await client.listTools()).tools).toHaveLength(6);
    const result = (await client.callTool({
      name: 'search_papers',
      arguments: { query: 'glacier melt', k: 1 },
    })) as CallToolResult;
    expect(result.isError ?? false).toBe(false);
    expect(result.structuredContent).toMatchObject({ results: [{ paperId: 'glacier-melt' }] });
    const { contents } = await client.readResource({ uri: 'citelens://paper/glacier-melt' });
    const content = contents[0]!;
    expect(JSON.parse('text' in content ? content.text : '')).toMatchObject({ id: 'glacier-melt', year: 2022 });
    await client.close();
  });

  it('lists no resources while the server has no index, saying why beside the list without naming server paths', async () => {
    const app = createApp({ holder: await holderFor(), config: testConfig(), log: () => {} });
    const client = await connect(app);
    const listed = await client.listResources();
    expect(listed.resources).toEqual([]);
    expect(listed._meta?.[INDEX_NOT_FOUND_META]).toEqual({
      code: 'INDEX_NOT_FOUND',
      message: 'The server has no index loaded yet.',
      details: null,
      hint: expect.stringContaining('citelens index'),
    });
    // Each request is a new server: nothing could announce a later change.
    expect(client.getServerCapabilities()?.resources?.listChanged).toBeUndefined();
    const info = (await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult;
    expect(info.isError).toBe(true);
    await client.close();
  });

  it('answers tools INDEX_CORRUPT over a damaged index with nothing older, naming no server path', async () => {
    const { dir } = await buildIndex();
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const holder = await holderFor();
    await expect(holder.open(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    const client = await connect(createApp({ holder, config: testConfig(), log: () => {} }));
    const info = (await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult;
    expect(info.isError).toBe(true);
    const text = JSON.stringify(info.content);
    expect(text).toContain('INDEX_CORRUPT');
    expect(text).toContain('--rebuild');
    expect(text).not.toContain(path.dirname(dir));
    const listed = await client.listResources();
    expect(listed.resources).toEqual([]);
    expect(listed._meta?.[INDEX_CORRUPT_META]).toMatchObject({ code: 'INDEX_CORRUPT' });
    expect(JSON.stringify(listed)).not.toContain(path.dirname(dir));
    await client.close();
  });

  it('answers tools INDEX_BUSY over an index another process holds locked, naming no server path', async () => {
    const { dir } = await buildIndex();
    const holder = await holderFor();
    const unlock = lockDatabase(path.join(currentGeneration(dir)!.dir, 'index.db'));
    try {
      await expect(holder.open(dir)).rejects.toMatchObject({ code: 'INDEX_BUSY' });
    } finally {
      unlock();
    }
    const client = await connect(createApp({ holder, config: testConfig(), log: () => {} }));
    const info = (await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult;
    expect(info.isError).toBe(true);
    const text = JSON.stringify(info.content);
    expect(text).toContain('INDEX_BUSY');
    expect(text).not.toContain(path.dirname(dir));
    const listed = await client.listResources();
    // The old code said it under `citelens/indexNotFound`, which the index is not.
    expect(listed._meta?.[INDEX_UNREADABLE_META]).toMatchObject({ code: 'INDEX_BUSY' });
    expect(listed._meta?.[INDEX_NOT_FOUND_META]).toBeUndefined();
    expect(JSON.stringify(listed)).not.toContain(path.dirname(dir));
    await client.close();
  });

  // Regression: a call that met a lock on the served database answered INTERNAL ("a bug in Citelens").
  it('answers a tool call and a resource list that meet a lock on the served database INDEX_BUSY, not INTERNAL nor an empty library', async () => {
    const { dir } = await buildIndex();
    const holder = await holderFor(dir);
    const logged: string[] = [];
    const client = await connect(createApp({ holder, config: testConfig(), log: (message) => logged.push(message) }));
    const unlock = lockDatabase(path.join(currentGeneration(dir)!.dir, 'index.db'));
    try {
      const result = (await client.callTool({ name: 'get_paper', arguments: { id: 'x' } })) as CallToolResult;
      expect(result.isError).toBe(true);
      const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
      expect(JSON.parse(text).error).toMatchObject({
        code: 'INDEX_BUSY',
        message: expect.stringContaining('…/index.db while answering: the database is locked by another connection'),
        hint: expect.stringMatching(/do not rebuild/),
      });
      expect(text).not.toContain(path.dirname(dir));
      await expect(client.listResources()).rejects.toMatchObject({ data: { code: 'INDEX_BUSY' } });
    } finally {
      unlock();
    }
    expect(logged.join('\n')).toMatch(/INDEX_BUSY in MCP tool call get_paper: SqliteError: database is locked/);
    expect((await client.listResources()).resources.length).toBeGreaterThan(0);
    await client.close();
  });

  it('answers a tool call that meets a damaged page INDEX_CORRUPT naming no server path, as the API answers such a request', async () => {
    const { dir } = await buildIndex();
    const holder = await holderFor(dir);
    const logged: string[] = [];
    const app = createApp({ holder, config: testConfig(), log: (message) => logged.push(message) });
    const client = await connect(app);
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const result = (await client.callTool({
      name: 'search_papers',
      arguments: { query: 'graph neural networks' },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
    // The old code answered INTERNAL, "a bug in Citelens".
    expect(JSON.parse(text).error).toMatchObject({ code: 'INDEX_CORRUPT', hint: expect.stringMatching(/--rebuild/) });
    expect(text).not.toContain(path.dirname(dir));
    const api = await app.request('/api/search?q=graph%20neural%20networks');
    expect([api.status, (await api.json()).error.code]).toEqual([503, 'INDEX_CORRUPT']);
    expect(logged.join('\n')).toMatch(
      /index database is damaged \(database disk image is malformed\) in MCP tool call search_papers/,
    );
    expect(logged.join('\n')).not.toMatch(/unexpected error/);
    await client.close();
  });

  // Regression (review of 6a77771): the holder was told of damage without the generation the call read,
  // so a call still running on a generation a fall back replaced blamed the sound one served after it.
  it('reports damage met by a tool call, a resource list and a resource read for the generation each read', async () => {
    const { dir } = await buildIndex();
    const holder = await holderFor(dir);
    const served = holder.acquire();
    served.release();
    const reports = vi.spyOn(holder, 'reportDamage');
    const client = await connect(createApp({ holder, config: testConfig(), log: () => {} }));
    const listed = await client.listResources();
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const result = (await client.callTool({
      name: 'search_papers',
      arguments: { query: 'graph neural networks' },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    // A served index that meets damage while listing is a JSON-RPC error, not an empty library.
    await expect(client.listResources()).rejects.toMatchObject({ data: { code: 'INDEX_CORRUPT' } });
    await expect(client.readResource({ uri: listed.resources[0]!.uri })).rejects.toMatchObject({
      data: { code: 'INDEX_CORRUPT' },
    });
    expect(reports.mock.calls).toHaveLength(3);
    for (const [error, reader] of reports.mock.calls) {
      expect(error.code).toBe('INDEX_CORRUPT');
      expect(reader).toBe(served.reader);
    }
    await client.close();
  });

  it('needs the access token when one is set, as the API does', async () => {
    const app = await appWith({ CITELENS_TOKEN: TOKEN });
    const refused = await post(app);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The access token is missing.',
    });
    await expect(connect(app)).rejects.toThrow();
    expect((await post(app, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);

    const client = await connect(app, { authorization: `Bearer ${TOKEN}` });
    const info = (await client.callTool({ name: 'library_info', arguments: {} })) as CallToolResult;
    expect(info.structuredContent).toMatchObject({ papers: 8 });
    await client.close();
  });

  it("refuses requests from another site's web page (the app's same-origin rule), and accepts its own and configured origins", async () => {
    const app = await appWith({ CITELENS_CORS_ORIGINS: 'http://localhost:5173' });
    // The app-wide same-origin rule (server/http/same-origin.middleware.ts) answers for every POST.
    const foreign = await post(app, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error).toMatchObject({
      code: 'CROSS_ORIGIN',
      message: "POST /mcp was sent by a page from 'https://evil.example', not from this server.",
      details: { field: 'origin' },
    });
    expect((await post(app, { origin: 'null' })).status).toBe(403);
    expect((await post(app, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(app, { origin: 'http://localhost.evil.example' })).status).toBe(403);

    // Behind a TLS proxy the page's origin is https while the server sees http: the host decides.
    for (const origin of ['http://localhost', 'http://localhost:5173', 'https://localhost']) {
      const accepted = await post(app, { origin });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({ id: 1, result: { serverInfo: { name: 'citelens' } } });
    }
    expect((await post(app, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('answers the CORS preflight of a configured origin, and only of one', async () => {
    const app = await appWith({ CITELENS_CORS_ORIGINS: 'http://localhost:5173' });
    const preflight = (origin: string) =>
      app.request('http://localhost/mcp', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers GET and DELETE with 405 (no sessions, no server-sent stream) instead of the web UI', async () => {
    const app = await appWith();
    for (const method of ['GET', 'DELETE']) {
      const res = await app.request('http://localhost/mcp', { method, headers: { accept: 'text/event-stream' } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('limits the request body as the API does', async () => {
    const app = await appWith({}, { maxBodyBytes: 1024 });
    const big = { ...INITIALIZE, params: { ...INITIALIZE.params, padding: 'x'.repeat(2048) } };
    const res = await post(app, {}, big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
