import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildFts5Table } from '../../../bench/floor/fts5-table.ts';
import { openIndex, terms } from '../../../indexer/index.ts';
import { sampleIndex } from '../../support/sample-index.ts';

describe('fts5-table', () => {
  it('fills a temporary FTS5 table with every paper of the index under its doc number, and removes it', async () => {
    const reader = await openIndex(await sampleIndex(), { offline: true });
    try {
      const table = buildFts5Table(reader);
      expect(table.papers).toBe(reader.manifest.papers);
      expect(table.buildSeconds).toBeGreaterThan(0);
      const db = new Database(table.file, { readonly: true });
      try {
        const first = [...reader.papers.all()][0]!;
        const match = terms(first.paper.title)
          .map((term) => `"${term}"`)
          .join(' AND ');
        const rowids = db.prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?').pluck().all(match);
        expect(rowids).toContain(first.doc);
      } finally {
        db.close();
      }
      table.remove();
      expect(fs.existsSync(table.file)).toBe(false);
    } finally {
      reader.close();
    }
  });
});
