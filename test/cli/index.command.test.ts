import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasZoteroSchema, ZoteroLibrary } from '../indexer/readers/zotero-library.ts';
import { runCli } from '../support/run-cli.ts';
import { syntheticPapers, writeJsonl } from '../support/synthetic-papers.ts';
import { lockDatabaseInChild } from '../support/system-failures.ts';
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

describe('citelens index on real libraries', () => {
  it('repairs by default, printing each repair and refusal located, and counts them in the summary', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'export.bib');
    fs.writeFileSync(
      file,
      "@article{,\n  author = {Lovelace, Ada},\n  title = {Sketch},\n  year = {1843}\n}\n@article{O'Hara_1999, title = {Trust}, year = {6}}\n@misc{empty, year = 2000}\n",
    );
    const result = await runCli(['index', file, '--index', tempDir(), '--embedder', 'builtin']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/2 added, 0 updated, 0 unchanged, 0 removed; 2 repaired, 1 refused/);
    expect(result.stderr).toContain(`repaired: ${file}:1 (record 1) key: the entry has no citation key`);
    expect(result.stderr).toContain(`repaired: ${file}:6 (record 2) year:`);
    expect(result.stderr).toContain(`refused: ${file}:7 (record 3) title:`);
  });

  it('prints the CSV columns used and a guessed encoding as notices', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'xplore.csv');
    fs.writeFileSync(file, Buffer.from('Document Title,Publication Year,Color\nCaf\u00e9 study,2020,red\n', 'latin1'));
    const result = await runCli(['index', file, '--index', tempDir(), '--embedder', 'builtin']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`notice: ${file}: read as Windows-1252`);
    expect(result.stderr).toContain(
      `notice: ${file}: CSV columns used: Document Title → title, Publication Year → year; not used for a field (kept as metadata): Color`,
    );
  });

  it('asks for files or --zotero when given neither', async () => {
    const result = await runCli(['index', '--index', tempDir(), '--embedder', 'builtin']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Name the files to index, or pass --zotero to index a Zotero library.');
  });

  it('reads the Zotero data folder in HOME by default with --zotero', async () => {
    const home = tempDir();
    const result = await runCli(['index', '--zotero', '--index', tempDir(), '--embedder', 'builtin'], {
      env: { ...process.env, HOME: home, USERPROFILE: home },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `there is no Zotero data folder or database at ${path.join(home, 'Zotero', 'zotero.sqlite')}`,
    );
  });

  it('lists at most 50 repairs and counts the rest', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'many.bib');
    const entries = Array.from({ length: 53 }, (_, i) => `@article{k${i}, title = {Paper ${i}}, year = {${i + 1}}}`);
    fs.writeFileSync(file, `${entries.join('\n')}\n`);
    const result = await runCli(['index', file, '--index', tempDir(), '--embedder', 'builtin']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/^repaired: .*many\.bib:\d+/gm)).toHaveLength(50);
    expect(result.stderr).toContain('repaired: … and 3 more (--json lists them all)');
    expect(result.stdout).toMatch(/53 repaired, 0 refused/);
  });

  it.skipIf(!hasZoteroSchema)('indexes a Zotero data folder with --zotero <folder> beside other files', async () => {
    const library = new ZoteroLibrary(path.join(tempDir(), 'Zotero'));
    library.collection('Thesis');
    library.add({ key: 'ABCD1234', type: 'journalArticle', fields: { title: 'From Zotero' }, collections: ['Thesis'] });
    library.add({ key: 'TRASHED1', type: 'journalArticle', fields: { title: 'Trashed' }, trashed: true });
    library.db.close();
    const file = writeJsonl(tempDir(), 'more.jsonl', syntheticPapers(3));
    const index = tempDir();
    const result = await runCli(['index', file, '--zotero', library.dir, '--index', index, '--embedder', 'builtin']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Indexed 4 papers/);
    const info = await runCli(['search', 'From Zotero', '--index', index, '--json']);
    expect(info.stdout).toContain('zotero:ABCD1234');
  });

  // Regression: an update gave up on another process's lock on the published database after 100 ms
  // (a lock met by a later query of it: after 250 ms, as INDEX_WRITE_FAILED, "check free disk space").
  it('waits a few seconds for another process holding the published database locked, then fails with INDEX_BUSY and its hint, changing nothing', async () => {
    const index = tempDir();
    const dir = tempDir();
    const first = await runCli(['index', writeJsonl(dir, 'a.jsonl', syntheticPapers(5)), '--index', index]);
    expect(first.code, first.stderr).toBe(0);
    const lock = await lockDatabaseInChild(path.join(index, 'gen-000001', 'index.db'));
    try {
      const started = Date.now();
      const more = writeJsonl(dir, 'b.jsonl', syntheticPapers(8));
      const result = await runCli(['index', more, '--index', index, '--json']);
      expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
      expect(result.code).toBe(1);
      const { error } = JSON.parse(result.stdout);
      expect(error).toMatchObject({
        code: 'INDEX_BUSY',
        message: expect.stringMatching(/locked by another connection for the 5 s the run waits \(SQLITE_BUSY\)/),
        hint: expect.stringMatching(
          /^Another process holds a lock on the named database .*do not rebuild it for this\.$/,
        ),
      });
      expect(fs.readdirSync(index).sort()).toEqual(['CURRENT', 'gen-000001']);
    } finally {
      await lock.release();
    }
    const info = await runCli(['info', '--index', index, '--json']);
    expect(JSON.parse(info.stdout)).toMatchObject({ papers: 5, generation: 1 });
  });
});
