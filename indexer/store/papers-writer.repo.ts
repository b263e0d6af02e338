// SQL that writes papers: insert and delete them with their author and tag rows, and read the keys a
// re-index compares its input with.
import type { Paper } from '../paper.schema.ts';
import { fold } from '../text/fold.ts';
import { vectorToBlob } from '../vectors/vector-codec.ts';
import { versionlessArxivId } from './arxiv-id.ts';
import { type Db, schemaVersionOf } from './database.ts';
import { PAPER_COLUMNS } from './paper-rows.ts';

/** Write access to papers (used while building a generation). */
export class PapersWriter {
  private readonly insertPaper;
  private readonly deletePaper;
  private readonly insertAuthor;
  private readonly deleteAuthors;
  private readonly insertTag;
  private readonly deleteTags;
  private readonly updateFingerprint;

  constructor(private readonly db: Db) {
    this.insertPaper = db.prepare(
      `INSERT INTO papers (${PAPER_COLUMNS}, arxiv_base, content_hash, vector, fingerprint)
       VALUES (@doc, @id, @title, @abstract, @authors, @affiliations, @year, @venue, @url, @doi, @arxiv_id, @tags, @metadata, @arxiv_base, @content_hash, @vector, @fingerprint)`,
    );
    this.updateFingerprint = db.prepare('UPDATE papers SET fingerprint = ? WHERE doc = ?');
    this.deletePaper = db.prepare('DELETE FROM papers WHERE doc = ?');
    this.insertAuthor = db.prepare('INSERT INTO paper_authors (doc, author) VALUES (?, ?)');
    this.deleteAuthors = db.prepare('DELETE FROM paper_authors WHERE doc = ?');
    this.insertTag = db.prepare('INSERT INTO paper_tags (doc, tag) VALUES (?, ?)');
    this.deleteTags = db.prepare('DELETE FROM paper_tags WHERE doc = ?');
  }

  /** The next free doc number (doc numbers are never reused within an index's life). */
  nextDoc(): number {
    const max = this.db.prepare("SELECT CAST(value AS INTEGER) FROM manifest WHERE key = 'nextDoc'").pluck().get() as
      | number
      | undefined;
    return max ?? 1;
  }

  /** Stores a paper; `fingerprint` is its source record's (see readers/jsonl.reader.ts), if it has one. */
  insert(doc: number, paper: Paper, contentHash: string, vector: Float32Array, fingerprint: string | null): void {
    this.insertPaper.run({
      doc,
      id: paper.id,
      title: paper.title,
      abstract: paper.abstract,
      authors: JSON.stringify(paper.authors),
      affiliations: JSON.stringify(paper.affiliations),
      year: paper.year,
      venue: paper.venue,
      url: paper.url,
      doi: paper.doi,
      arxiv_id: paper.arxivId,
      arxiv_base: paper.arxivId === null ? null : versionlessArxivId(paper.arxivId),
      tags: JSON.stringify(paper.tags),
      metadata: JSON.stringify(paper.metadata),
      content_hash: contentHash,
      vector: vectorToBlob(vector),
      fingerprint,
    });
    // Folded, so the author filter finds "Pérez" as "perez", "PEREZ" or "pérez".
    for (const author of paper.authors) this.insertAuthor.run(doc, fold(author));
    for (const tag of new Set(paper.tags.map((t) => t.toLowerCase()))) this.insertTag.run(doc, tag);
  }

  delete(doc: number): void {
    this.deletePaper.run(doc);
    this.deleteAuthors.run(doc);
    this.deleteTags.run(doc);
  }

  /** Writes every paper's author rows again, folded (an index made before they were holds them lowercased). */
  refoldAuthors(): void {
    const rows = this.db.prepare('SELECT doc, authors FROM papers').raw().all() as Array<[number, string]>;
    this.db.prepare('DELETE FROM paper_authors').run();
    for (const [doc, authors] of rows)
      for (const author of JSON.parse(authors) as string[]) this.insertAuthor.run(doc, fold(author));
  }

  /** Records the fingerprint of an unchanged paper's source record, which now has other bytes. */
  setFingerprint(doc: number, fingerprint: string | null): void {
    this.updateFingerprint.run(fingerprint, doc);
  }
}

/** What a re-index compares its input with: each stored paper's doc, content hash and record fingerprint. */
export type StoredKey = { doc: number; contentHash: string; fingerprint: string | null };

/**
 * Every stored paper's key by id, and the id of each record fingerprint. One scan of a covering index; a
 * database of schema version 2 (before fingerprints) gives no fingerprints.
 */
export function readStoredKeys(db: Db): { byId: Map<string, StoredKey>; byFingerprint: Map<string, string> } {
  const hasFingerprints = schemaVersionOf(db) >= 3;
  const rows = db
    .prepare(`SELECT id, doc, content_hash, ${hasFingerprints ? 'fingerprint' : 'NULL'} FROM papers`)
    .raw()
    .all() as Array<[string, number, string, string | null]>;
  const byId = new Map<string, StoredKey>();
  const byFingerprint = new Map<string, string>();
  for (const [id, doc, contentHash, fingerprint] of rows) {
    byId.set(id, { doc, contentHash, fingerprint });
    if (fingerprint !== null) byFingerprint.set(fingerprint, id);
  }
  return { byId, byFingerprint };
}
