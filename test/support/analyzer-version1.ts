// An index as a Citelens before folding left it (analyzer version 1): postings of each word lowercased
// with its accents kept, author rows lowercased, and no analyzer version in the manifest.
import path from 'node:path';
import Database from 'better-sqlite3';
import { PostingsWriter } from '../../indexer/store/keyword/index.ts';
import { STOP_WORDS, stem, terms } from '../../indexer/text/analyze.ts';

/** The terms analyzer version 1 made of a text without apostrophes or decomposed accents. */
export function version1Terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => !STOP_WORDS.has(word)).map(stem);
}

/** Rewrites the terms and author rows of the generation in `generationDir` as analyzer version 1 made them. */
export function downgradeIndexAnalysis(generationDir: string): void {
  const db = new Database(path.join(generationDir, 'index.db'));
  try {
    const papers = db.prepare('SELECT doc, title, abstract, authors FROM papers').all() as Array<{
      doc: number;
      title: string;
      abstract: string;
      authors: string;
    }>;
    const postings = new PostingsWriter(db);
    db.transaction(() => {
      for (const { doc, title, abstract } of papers) postings.remove(doc, terms(title), terms(abstract));
      postings.flush();
      for (const { doc, title, abstract } of papers) postings.add(doc, version1Terms(title), version1Terms(abstract));
      postings.flush();
      db.prepare('DELETE FROM paper_authors').run();
      const insertAuthor = db.prepare('INSERT INTO paper_authors (doc, author) VALUES (?, ?)');
      for (const { doc, authors } of papers) {
        for (const author of JSON.parse(authors) as string[]) insertAuthor.run(doc, author.toLowerCase());
      }
      const manifest = JSON.parse(
        db.prepare("SELECT value FROM manifest WHERE key = 'manifest'").pluck().get() as string,
      );
      delete manifest.analyzer;
      db.prepare("UPDATE manifest SET value = ? WHERE key = 'manifest'").run(JSON.stringify(manifest));
    })();
  } finally {
    db.close();
  }
}
