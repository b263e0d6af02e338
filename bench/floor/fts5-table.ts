// The bare FTS5 table the floor queries: the index keeps its own BM25 postings and no FTS5 table,
// so the floor builds one on the same papers and analyzed terms, in a temporary SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type IndexReader, terms } from '../../indexer/index.ts';

/** The table Citelens kept before its own postings: title and body columns of analyzed terms. */
export const FTS5_SCHEMA =
  "CREATE VIRTUAL TABLE papers_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', columnsize=1)";

export type Fts5Table = {
  /** The temporary database file (removed by `remove`). */
  file: string;
  papers: number;
  /** Reading and analyzing every paper, inserting it in one transaction, then FTS5's 'optimize'. */
  buildSeconds: number;
  /** Deletes the temporary folder. */
  remove(): void;
};

/** Fills a new FTS5 table in a temporary file with every paper of the reader, doc number as rowid. */
export function buildFts5Table(reader: IndexReader): Fts5Table {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-floor-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'fts5.db');
    const start = performance.now();
    const db = new Database(file);
    let papers = 0;
    try {
      db.exec(FTS5_SCHEMA);
      const insert = db.prepare('INSERT INTO papers_fts (rowid, title, body) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (const { doc, paper } of reader.papers.all()) {
          insert.run(doc, terms(paper.title).join(' '), terms(paper.abstract).join(' '));
          papers++;
        }
      })();
      db.exec("INSERT INTO papers_fts(papers_fts) VALUES ('optimize')");
    } finally {
      db.close();
    }
    const buildSeconds = (performance.now() - start) / 1000;
    if (papers !== reader.manifest.papers) {
      throw new Error(
        `The FTS5 floor table in ${file} got ${papers} papers; the index manifest in ${reader.generationDir} records ${reader.manifest.papers}.`,
      );
    }
    return { file, papers, buildSeconds, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
