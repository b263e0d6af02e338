import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openIndex } from '../../../indexer/read/open-index.ts';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { buildIndex, SAMPLE_PAPERS_FILE } from '../../support/sample-index.ts';
import { asUnprivileged, withFileHandlesExhausted } from '../../support/system-failures.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** A small index (ten sample papers) whose folders others may enter, and its published database. */
async function smallIndex(): Promise<{ dir: string; generation: { generation: number; dir: string }; db: string }> {
  const file = path.join(tempDir(), 'ten.jsonl');
  const lines = fs.readFileSync(SAMPLE_PAPERS_FILE, 'utf8').split('\n').filter(Boolean).slice(0, 10);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const { dir } = await buildIndex([file]);
  fs.chmodSync(path.dirname(dir), 0o755);
  const generation = currentGeneration(dir)!;
  return { dir, generation, db: path.join(generation.dir, 'index.db') };
}

describe('open-index', () => {
  // Regression: every failure to open was INDEX_CORRUPT ("rebuild it"), and a server fell back to an older generation.
  it('refuses a database it may not read with INDEX_ACCESS_DENIED, naming the file and the reason, not as damage', async () => {
    const { dir, db } = await smallIndex();
    fs.chmodSync(db, 0o000);
    const opening = asUnprivileged(() => openIndex(dir, { offline: true }));
    const error = await opening.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toMatchObject({
      code: 'INDEX_ACCESS_DENIED',
      message: `Could not open the index file ${db}: permission denied (EACCES; SQLite: unable to open database file).`,
      details: { code: 'EACCES' },
    });
    expect((error as { hint: string }).hint).toMatch(/read access.*do not rebuild/);
  });

  // Regression: CURRENT that could not be read was taken for no index at all ("build one").
  it('says the index cannot be read, not that there is none, when CURRENT may not be read', async () => {
    const { dir } = await smallIndex();
    const current = path.join(dir, 'CURRENT');
    fs.chmodSync(current, 0o000);
    const opening = asUnprivileged(() => openIndex(dir, { offline: true }));
    await expect(opening).rejects.toMatchObject({
      code: 'INDEX_ACCESS_DENIED',
      message: `Could not open the index file ${current}: permission denied (EACCES).`,
    });
  });

  // Regression: the open waited out SQLite's 5 s busy timeout on the main thread (a watching server froze).
  it('refuses a database another connection holds locked with INDEX_BUSY within a second, not as damage', async () => {
    const { dir, db } = await smallIndex();
    const other = new Database(db);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      await expect(openIndex(dir, { offline: true })).rejects.toMatchObject({
        code: 'INDEX_BUSY',
        message: expect.stringMatching(
          /index file .*index\.db: the database is locked by another connection \(SQLITE_BUSY\)/,
        ),
      });
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const reader = await openIndex(dir, { offline: true });
    expect(reader.manifest.papers).toBe(10);
    reader.close();
  });

  it('refuses with RESOURCES_EXHAUSTED when no file handle is left, not as damage', async (context) => {
    const { dir, generation, db } = await smallIndex();
    const opened = withFileHandlesExhausted(db, () => openIndex(dir, { generation, offline: true }));
    if (!opened) return context.skip('the open-files limit is too high to take every handle');
    await expect(opened.value).rejects.toMatchObject({
      code: 'RESOURCES_EXHAUSTED',
      message: expect.stringContaining(
        `${db}: too many open files in this process (EMFILE; SQLite: unable to open database file).`,
      ),
    });
  });

  // A server serves the generation before it meanwhile (IndexHolder), as for damage.
  it('says a database that is missing from its generation is missing (INDEX_UNREADABLE), naming the file', async () => {
    const { dir, db } = await smallIndex();
    fs.rmSync(db);
    await expect(openIndex(dir, { offline: true })).rejects.toMatchObject({
      code: 'INDEX_UNREADABLE',
      message: `Could not open the index file ${db}: the file is missing (ENOENT; SQLite: unable to open database file).`,
    });
  });

  it('keeps INDEX_CORRUPT for a file that is not a database', async () => {
    const { dir, db } = await smallIndex();
    fs.writeFileSync(db, Buffer.alloc(8192, 0x5a));
    await expect(openIndex(dir, { offline: true })).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringMatching(/index file .*index\.db is damaged: file is not a database/),
    });
  });
});
