import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentGeneration, indexPapers } from '../../indexer/index.ts';
import { buildFixtureIndex, FIXTURE_PAPERS, type FixtureIndex } from '../server/verify/fixture-library.ts';
import { CLI, startCli, whenRunning } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const TOKEN = 'mcp-cli-test-token-0123456789';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

const clients: Client[] = [];
const running: ChildProcess[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const child of running.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** The environment of a child: this one's, without a token or worker count from the shell. */
function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.CITELENS_TOKEN;
  return { ...env, ...extra };
}

/** An SDK client talking to `citelens mcp --index <dir>` started as a separate process. */
async function stdioClient(indexDir: string): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', '--index', indexDir],
    env: childEnv(),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const client = new Client({ name: 'cli-test', version: '0' });
  await client.connect(transport);
  clients.push(client);
  return { client, stderr: () => stderr };
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function errorOf(result: CallToolResult): { code: string; message: string } {
  expect(result.isError).toBe(true);
  const text = result.content[0];
  return JSON.parse(text?.type === 'text' ? text.text : '{}').error;
}

describe('mcp command', () => {
  it('serves every tool and the paper resources over stdio to the SDK client', async () => {
    const { client } = await stdioClient(fixture.indexDir);
    expect((await client.getServerVersion())?.name).toBe('citelens');
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'ask_library',
      'get_paper',
      'library_info',
      'search_papers',
      'similar_papers',
      'verify_citations',
    ]);

    const search = await call(client, 'search_papers', { query: 'attention sinks', k: 3 });
    const found = search.structuredContent as { results: Array<{ paperId: string }>; hasMore: boolean };
    expect(found.results.map((result) => result.paperId)).toHaveLength(3);
    expect(found.results[0]?.paperId).toBe('attention-sinks');
    const paper = await call(client, 'get_paper', { id: 'attention-sinks' });
    expect(paper.structuredContent).toMatchObject({ paper: { id: 'attention-sinks', arxivId: '2601.04321' } });
    const similar = await call(client, 'similar_papers', { id: 'attention-sinks', k: 2 });
    expect((similar.structuredContent as { results: unknown[] }).results).toHaveLength(2);
    const answer = await call(client, 'ask_library', { question: 'Why do attention sinks appear?' });
    expect(answer.structuredContent).toMatchObject({
      abstained: false,
      sources: expect.arrayContaining([expect.objectContaining({ paperId: 'attention-sinks', cited: true })]),
    });
    const verified = await call(client, 'verify_citations', {
      text: 'Summer heat waves explain most of the acceleration of glacier melt [glacier-melt].',
    });
    expect(verified.structuredContent).toMatchObject({
      claims: [{ citations: [{ paperId: 'glacier-melt', verdict: 'supported' }] }],
    });
    const info = await call(client, 'library_info');
    expect(info.structuredContent).toMatchObject({ papers: 8, embedder: { kind: 'builtin' } });

    const { resources } = await client.listResources();
    expect(resources).toHaveLength(8);
    const { contents } = await client.readResource({ uri: 'citelens://paper/glacier-melt' });
    const content = contents[0]!;
    expect(JSON.parse('text' in content ? content.text : '')).toMatchObject({
      id: 'glacier-melt',
      title: 'Glacier melt rates in the Alps',
      authors: ['Hans Meier'],
      year: 2022,
    });
  });

  it('trims search passages to the budget asked for, and fails an unknown id with the API error', async () => {
    const { client } = await stdioClient(fixture.indexDir);
    const trimmed = await call(client, 'search_papers', { query: 'caffeine memory', k: 3, maxChars: 250 });
    const { results, budget } = trimmed.structuredContent as {
      results: Array<{ passages: Array<{ text: string; truncated: boolean }> }>;
      budget: { maxChars: number; usedChars: number; truncatedPassages: number };
    };
    const passages = results.flatMap((result) => result.passages);
    expect(passages.reduce((n, p) => n + p.text.length, 0)).toBe(budget.usedChars);
    expect(budget.usedChars).toBeLessThanOrEqual(250);
    expect(budget.truncatedPassages).toBe(1);
    expect(passages.filter((p) => p.truncated)).toHaveLength(1);

    expect(errorOf(await call(client, 'get_paper', { id: 'no-such-paper' }))).toMatchObject({
      code: 'PAPER_NOT_FOUND',
      message: "No paper has the id 'no-such-paper'.",
    });
  });

  it('writes only protocol messages to stdout, notices to stderr, and exits when its input closes', async () => {
    const empty = tempDir();
    const child = spawn(process.execPath, [CLI, 'mcp', '--index', empty], {
      env: childEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_papers', arguments: { query: 'x' } } });
    while (!stdout.includes('"id":2')) await new Promise((resolve) => setTimeout(resolve, 20));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.end();
    expect(await exited).toBe(0);

    const lines = stdout.split('\n').filter((line) => line.length > 0);
    expect(lines.map((line) => JSON.parse(line).jsonrpc)).toEqual(['2.0', '2.0']);
    const result = JSON.parse(lines[1]!).result as CallToolResult;
    // Over stdio the client runs on this machine: the error names the folder and the command that fills it.
    expect(errorOf(result)).toMatchObject({
      code: 'INDEX_NOT_FOUND',
      message: `There is no index in ${path.resolve(empty)} yet. Build one with \`citelens index <files> --index ${path.resolve(empty)}\`; this server picks it up once it is built.`,
    });
    expect(stderr).toContain('notice: There is no index in');
  });

  it('picks up an index built after it started, answering INDEX_NOT_FOUND until then', async () => {
    const folder = tempDir();
    const indexDir = path.join(folder, 'index');
    const { client } = await stdioClient(indexDir);
    expect(errorOf(await call(client, 'library_info'))).toMatchObject({ code: 'INDEX_NOT_FOUND' });

    const file = path.join(folder, 'papers.jsonl');
    fs.writeFileSync(file, FIXTURE_PAPERS.map((paper) => JSON.stringify(paper)).join('\n'));
    await indexPapers({ indexDir, files: [file], embedder: 'builtin' });
    // The server polls the index folder every 2 s.
    const deadline = Date.now() + 15_000;
    let info = await call(client, 'library_info');
    while (info.isError && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      info = await call(client, 'library_info');
    }
    expect(info.structuredContent).toMatchObject({ papers: FIXTURE_PAPERS.length, generation: 1 });
  });

  it('starts over a damaged index with nothing older, saying so on stderr, and answers tools INDEX_CORRUPT with the rebuild', async () => {
    const folder = tempDir();
    const indexDir = path.join(folder, 'index');
    const file = path.join(folder, 'papers.jsonl');
    fs.writeFileSync(file, FIXTURE_PAPERS.map((paper) => JSON.stringify(paper)).join('\n'));
    await indexPapers({ indexDir, files: [file], embedder: 'builtin' });
    fs.writeFileSync(path.join(currentGeneration(indexDir)!.dir, 'index.db'), 'not a database, damaged on disk');
    // The old command exited at start here, which a desktop client shows as a broken server.
    const { client, stderr } = await stdioClient(indexDir);
    expect(errorOf(await call(client, 'library_info'))).toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining(`Rebuild it with \`citelens index <files> --index ${indexDir} --rebuild\``),
    });
    expect(stderr()).toMatch(/notice: The index in .* is damaged/);
  });

  it('serves the same tools at /mcp on `citelens serve`, with and without the access token', async () => {
    for (const token of [undefined, TOKEN]) {
      const child = startCli(
        ['serve', '--index', fixture.indexDir, '--port', '0', '--workers', '1'],
        childEnv(token ? { CITELENS_TOKEN: token } : {}),
      );
      running.push(child);
      const { url } = await whenRunning(child);
      const endpoint = new URL(`${url}/mcp`);
      const connect = async (headers: Record<string, string>) => {
        const client = new Client({ name: 'http-test', version: '0' });
        await client.connect(new StreamableHTTPClientTransport(endpoint, { requestInit: { headers } }));
        clients.push(client);
        return client;
      };
      if (token) await expect(connect({})).rejects.toThrow(/401|Unauthorized|access token/i);
      const client = await connect(token ? { authorization: `Bearer ${token}` } : {});
      expect((await client.listTools()).tools).toHaveLength(6);
      const search = await call(client, 'search_papers', { query: 'glacier melt', k: 1 });
      expect(search.structuredContent).toMatchObject({ results: [{ paperId: 'glacier-melt' }] });
      expect(errorOf(await call(client, 'similar_papers', { id: 'missing' }))).toMatchObject({
        code: 'PAPER_NOT_FOUND',
      });
      child.kill('SIGTERM');
    }
  });
});
