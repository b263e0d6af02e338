// SQL for passages: where each sits in its paper, and its vector.
import type { PassageDraft } from '../passages/split-passages.ts';
import { blobToVector, vectorToBlob } from '../vectors/vector-codec.ts';
import type { Db } from './database.ts';

/** A stored passage: where it sits in its paper (text is sliced from the paper by the reader). */
export type PassageRow = {
  pid: number;
  doc: number;
  field: 'title' | 'abstract';
  ordinal: number;
  start: number;
  end: number;
};

/** Write access to passages (used while building a generation). */
export class PassagesWriter {
  private readonly insertPassage;
  private readonly pidsOfDoc;
  private readonly deleteOfDoc;

  constructor(db: Db) {
    this.insertPassage = db.prepare(
      'INSERT INTO passages (pid, doc, field, ordinal, start, end, vector) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.pidsOfDoc = db.prepare('SELECT pid FROM passages WHERE doc = ?').pluck();
    this.deleteOfDoc = db.prepare('DELETE FROM passages WHERE doc = ?');
  }

  insert(pid: number, doc: number, passage: PassageDraft, vector: Float32Array): void {
    this.insertPassage.run(pid, doc, passage.field, passage.ordinal, passage.start, passage.end, vectorToBlob(vector));
  }

  /** Deletes a paper's passages and returns their ids (the labels to drop from the vector file). */
  deleteOfPaper(doc: number): number[] {
    const pids = this.pidsOfDoc.all(doc) as number[];
    this.deleteOfDoc.run(doc);
    return pids;
  }
}

/** A stored passage with its vector. */
export type PassageVectorRow = PassageRow & { vector: Float32Array };

/** Read access to passages. */
export class PassagesReader {
  private readonly byPid;
  private readonly byDoc;
  private readonly withVectorsByDocs;

  constructor(private readonly db: Db) {
    this.byPid = db.prepare('SELECT pid, doc, field, ordinal, start, end FROM passages WHERE pid = ?');
    this.byDoc = db.prepare('SELECT pid, doc, field, ordinal, start, end FROM passages WHERE doc = ? ORDER BY ordinal');
    this.withVectorsByDocs = db.prepare(
      'SELECT pid, doc, field, ordinal, start, end, vector FROM passages WHERE doc IN (SELECT value FROM json_each(?)) ORDER BY doc, ordinal',
    );
  }

  /** The passages of the given papers with their vectors, by doc then ordinal, read in one query. */
  ofPapersWithVectors(docs: readonly number[]): PassageVectorRow[] {
    if (docs.length === 0) return [];
    const rows = this.withVectorsByDocs.all(JSON.stringify(docs)) as Array<PassageRow & { vector: Buffer }>;
    return rows.map((row) => ({ ...row, vector: blobToVector(row.vector) }));
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
  }

  get(pid: number): PassageRow | undefined {
    return this.byPid.get(pid) as PassageRow | undefined;
  }

  ofPaper(doc: number): PassageRow[] {
    return this.byDoc.all(doc) as PassageRow[];
  }
}
