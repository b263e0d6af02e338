import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { currentGeneration, indexPapers, openIndex } from '../../../indexer/index.ts';
import {
  openDatabaseForRead,
  openDatabaseForWrite,
  SCHEMA_VERSION,
  schemaVersionOf,
} from '../../../indexer/store/database.ts';
import { syntheticPapers, writeJsonl } from '../../support/synthetic-papers.ts';
import { lockDatabase } from '../../support/system-failures.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ARXIV_IDS = ['2401.01234v2', 'hep-th/9901001', 'arXiv:2312.00001v3'];

async function indexWithArxivIds(): Promise<{ dir: string; file: string }> {
  const papers = syntheticPapers(12).map((paper, i) => ({ ...paper, arxivId: ARXIV_IDS[i] ?? null }));
  const dir = tempDir();
  const file = writeJsonl(tempDir(), 'papers.jsonl', papers);
  await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
  return { dir, file };
}

const databaseOf = (dir: string) => path.join(currentGeneration(dir)!.dir, 'index.db');

// Turns a freshly built index into one of schema version 3, as an older Citelens wrote it.
function downgradeToVersion3(dir: string): void {
  const db = new Database(databaseOf(dir));
  db.exec(`DROP INDEX papers_arxiv_base; ALTER TABLE papers DROP COLUMN arxiv_base;
    UPDATE manifest SET value = '3' WHERE key = 'schemaVersion';`);
  db.close();
}

describe('database', () => {
  it('reads an index of schema version 3 as it is, arXiv lookups included', async () => {
    const { dir } = await indexWithArxivIds();
    downgradeToVersion3(dir);
    const reader = await openIndex(dir);
    try {
      expect(reader.papers.findByArxivId('2401.01234')?.id).toBeDefined();
      expect(reader.papers.findByArxivId('2401.01234v5')?.id).toBe(reader.papers.findByArxivId('2401.01234v2')?.id);
      expect(reader.papers.findByArxivId('HEP-TH/9901001')).toBeDefined();
    } finally {
      reader.close();
    }
  });

  it('migrates a version 3 index on its next run, filling the version-less arXiv ids of papers it keeps', async () => {
    const { dir, file } = await indexWithArxivIds();
    downgradeToVersion3(dir);
    const again = await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin' });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 12 });

    const db = openDatabaseForRead(databaseOf(dir));
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(
      db.prepare('SELECT arxiv_base FROM papers WHERE arxiv_base IS NOT NULL ORDER BY arxiv_base').pluck().all(),
    ).toEqual(['2312.00001', '2401.01234', 'hep-th/9901001']);
    db.close();
    const reader = await openIndex(dir);
    try {
      expect(reader.papers.findByArxivId('2312.00001')).toBeDefined();
    } finally {
      reader.close();
    }
  });

  // Regression: every query on a served generation waited SQLite's 5 s busy timeout, blocking the main
  // thread (and so every other request), while another process held a lock on the database.
  it('gives up a query on a read-only connection within a few hundred ms while another connection holds a lock', async () => {
    const { dir } = await indexWithArxivIds();
    const db = openDatabaseForRead(databaseOf(dir));
    const unlock = lockDatabase(databaseOf(dir));
    try {
      const started = performance.now();
      expect(() => schemaVersionOf(db)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      unlock();
    }
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("keeps the writer's connection waiting SQLite's 5 s on a lock, and a reader's at most a few hundred ms", async () => {
    const { dir } = await indexWithArxivIds();
    const reader = openDatabaseForRead(databaseOf(dir));
    expect(reader.pragma('busy_timeout', { simple: true })).toBeLessThanOrEqual(300);
    reader.close();
    const copy = path.join(tempDir(), 'index.db');
    const source = new Database(databaseOf(dir), { readonly: true });
    await source.backup(copy);
    source.close();
    const writer = openDatabaseForWrite(copy);
    expect(writer.pragma('busy_timeout', { simple: true })).toBe(5_000);
    writer.close();
  });
});
