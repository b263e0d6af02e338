import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { syntheticPapers, writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('citelens index, info and remove', () => {
  it('indexes a file, reports counts with info --json, and removes a paper', async () => {
    const index = tempDir();
    const file = writeJsonl(tempDir(), 'papers.jsonl', syntheticPapers(25));
    const indexed = await runCli(['index', file, '--index', index, '--embedder', 'builtin']);
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stdout).toMatch(/Indexed 25 papers \(\d+ passages\) into generation 1\./);
    expect(indexed.stdout).toMatch(/papers\/s, index size/);

    const info = await runCli(['info', '--index', index, '--json']);
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ papers: 25, passages: expect.any(Number), generation: 1 });

    const removed = await runCli(['remove', 'p3', '--index', index]);
    expect(removed.stdout).toMatch(/Removed 1 paper; 24 papers/);
  });

  it('names the file, line and field of a bad record under --strict, changes nothing and exits non-zero without a stack trace', async () => {
    const index = tempDir();
    const dir = tempDir();
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, '{"id":"a","title":"Fine"}\n{"id":"b","title":"Bad","year":"soon"}\n');
    const result = await runCli(['index', file, '--index', index, '--embedder', 'builtin', '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:2`);
    expect(result.stderr).toMatch(/year/);
    expect(result.stderr).toMatch(/hint: .*--skip-invalid/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(index, 'CURRENT'))).toBe(false);
  });

  it('explains an unreadable file and an empty index folder plainly', async () => {
    const missing = await runCli(['index', '/nonexistent/papers.jsonl', '--index', tempDir(), '--embedder', 'builtin']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\/nonexistent\/papers\.jsonl/);
    const info = await runCli(['info', '--index', tempDir()]);
    expect(info.code).toBe(1);
    expect(info.stderr).toMatch(/There is no index in .*\nhint: Build one with `citelens index/);
  });

  it('prints help for each subcommand', async () => {
    for (const command of ['index', 'remove', 'info', 'serve', 'search', 'ask', 'verify', 'eval']) {
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: citelens ${command}`);
    }
  });
});
