// The CLI says what the server says: a damaged vector graph is rebuilt with a notice on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportFailure } from '../../cli/output.ts';
import { currentGeneration } from '../../indexer/store/generations.ts';
import { appErrorOf } from '../../server/http/error-handler.ts';
import { indexErrorForClient } from '../../server/mcp/index-folder-errors.ts';
import { toolErrorBody } from '../../server/mcp/mcp-tool.ts';
import { runCli } from '../support/run-cli.ts';
import { buildIndex } from '../support/sample-index.ts';
import { tempDir } from '../support/temp-dir.ts';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('cli output', () => {
  it('reports damage SQLite meets during a command as INDEX_CORRUPT with the rebuild command, not INTERNAL', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    reportFailure(malformed, true);
    expect(JSON.parse(written.join(''))).toMatchObject({
      error: { code: 'INDEX_CORRUPT', hint: expect.stringMatching(/citelens index .* --rebuild/) },
    });
    expect(process.exitCode).toBe(1);
  });

  // Regression: a lock or too many open files met while a command read the index was INTERNAL, "a bug in Citelens".
  it('words the failures to read the index met during a command as the MCP tools on this machine word them', async () => {
    const { dir } = await buildIndex();
    const file = path.join(currentGeneration(dir)!.dir, 'index.db');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    for (const error of [
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      Object.assign(new Error("EMFILE: too many open files, open '/m/words.txt'"), {
        code: 'EMFILE',
        path: '/m/words.txt',
      }),
    ]) {
      written.length = 0;
      reportFailure(error, true, dir);
      const cli = JSON.parse(written.join('')).error;
      const reader = { generation: 1, generationDir: currentGeneration(dir)!.dir };
      const served = appErrorOf(error, { where: 'a tool call', log: () => {}, holder: { dir }, reader });
      const mcp = toolErrorBody(indexErrorForClient(served, { dir, problem: undefined }, { watching: true })).error;
      expect(cli, error.code).toEqual(mcp);
      expect(cli.code, error.code).not.toBe('INTERNAL');
    }
    written.length = 0;
    reportFailure(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), true, dir);
    expect(JSON.parse(written.join('')).error).toMatchObject({
      code: 'INDEX_BUSY',
      message: `Could not read the index file ${file} while answering: the database is locked by another connection (SQLITE_BUSY).`,
    });
    expect(process.exitCode).toBe(1);
  });

  it('prints the notice when search, info, ask or verify rebuild a damaged vector graph', async () => {
    const { dir } = await buildIndex();
    const graph = path.join(currentGeneration(dir)!.dir, 'papers.hnsw');
    const data = fs.readFileSync(graph);
    data.writeUInt32LE(0x7fffffff, 96 + 4);
    fs.writeFileSync(graph, data);
    const text = path.join(tempDir(), 'claim.txt');
    fs.writeFileSync(
      text,
      'Attention sinks carry no meaning [1].\n\nReferences\n[1] Someone. Attention sinks. 2024.\n',
    );
    for (const args of [
      ['search', 'attention sinks', '--index', dir],
      ['info', '--index', dir],
      ['ask', 'Why do attention sinks appear?', '--index', dir, '--no-generate'],
      ['verify', text, '--index', dir],
    ]) {
      const result = await runCli(args);
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
      expect(result.stderr, args[0]).toMatch(
        /notice: The vector file papers\.hnsw is damaged .*rebuilding it in memory/,
      );
    }
  }, 120_000);
});
