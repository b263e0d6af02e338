// SQL for passages: their offsets and vectors, the passage-level FTS entries, and BM25 queries
// over passages and papers.
import type { Statement } from 'better-sqlite3';
import type { PassageDraft } from '../passages/split-passages.ts';
import { blobToVector, vectorToBlob } from '../vectors/vector-codec.ts';
import type { Db } from './database.ts';
import { analyzedText } from './papers.repo.ts';

/** A stored passage: where it sits in its paper (text is sliced from the paper by the reader). */
export type PassageRow = {
  pid: number;
  doc: number;
  field: 'title' | 'abstract';
  ordinal: number;
  start: number;
  end: number;
};

export type KeywordHit = { label: number; score: number };

/** Write access to passages (used while building a generation). */
export class PassagesWriter {
  private readonly insertPassage;
  private readonly insertFts;
  private readonly pidsOfDoc;
  private readonly deleteOfDoc;
  private readonly deleteFts;

  constructor(db: Db) {
    this.insertPassage = db.prepare(
      'INSERT INTO passages (pid, doc, field, ordinal, start, end, vector) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertFts = db.prepare('INSERT INTO passages_fts (rowid, title, body) VALUES (?, ?, ?)');
    this.pidsOfDoc = db.prepare('SELECT pid FROM passages WHERE doc = ?').pluck();
    this.deleteOfDoc = db.prepare('DELETE FROM passages WHERE doc = ?');
    this.deleteFts = db.prepare('DELETE FROM passages_fts WHERE rowid = ?');
  }

  insert(pid: number, doc: number, passage: PassageDraft, analyzedTitle: string, vector: Float32Array): void {
    this.insertPassage.run(pid, doc, passage.field, passage.ordinal, passage.start, passage.end, vectorToBlob(vector));
    this.insertFts.run(pid, analyzedTitle, passage.field === 'title' ? '' : analyzedText(passage.text));
  }

  /** Deletes a paper's passages and returns their ids (the labels to drop from the vector file). */
  deleteOfPaper(doc: number): number[] {
    const pids = this.pidsOfDoc.all(doc) as number[];
    for (const pid of pids) this.deleteFts.run(pid);
    this.deleteOfDoc.run(doc);
    return pids;
  }
}

/** A stored passage with its vector. */
export type PassageVectorRow = PassageRow & { vector: Float32Array };

/** Read access to passages and BM25 search. */
export class PassagesReader {
  private readonly byPid;
  private readonly byDoc;
  private readonly withVectorsByDocs;
  private readonly paperFrequency;
  private readonly passageFrequency;
  private readonly countedStatements = new Map<string, Statement<unknown[]>>();

  constructor(private readonly db: Db) {
    this.byPid = db.prepare('SELECT pid, doc, field, ordinal, start, end FROM passages WHERE pid = ?');
    this.byDoc = db.prepare('SELECT pid, doc, field, ordinal, start, end FROM passages WHERE doc = ? ORDER BY ordinal');
    this.paperFrequency = db.prepare('SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?').pluck();
    this.passageFrequency = db.prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?').pluck();
    this.withVectorsByDocs = db.prepare(
      'SELECT pid, doc, field, ordinal, start, end, vector FROM passages WHERE doc IN (SELECT value FROM json_each(?)) ORDER BY doc, ordinal',
    );
  }

  /** How many rows of the FTS table (papers, or passages) hold the term. */
  documentFrequency(table: 'passages' | 'papers', term: string): number {
    const statement = table === 'passages' ? this.passageFrequency : this.paperFrequency;
    return statement.get(`"${term.replaceAll('"', '""')}"`) as number;
  }

  /** The passages of the given papers with their vectors, by doc then ordinal, read in one query. */
  ofPapersWithVectors(docs: readonly number[]): PassageVectorRow[] {
    if (docs.length === 0) return [];
    const rows = this.withVectorsByDocs.all(JSON.stringify(docs)) as Array<PassageRow & { vector: Buffer }>;
    return rows.map((row) => ({ ...row, vector: blobToVector(row.vector) }));
  }

  /**
   * BM25 like bm25(), except that every occurrence of a term in the query counts: a term asked twice
   * weighs twice, as in Lucene's bag-of-words query (long, repetitive queries rank much better so).
   * Ties are broken by label, and statements are prepared once per shape.
   */
  bm25Counted(
    table: 'passages' | 'papers',
    queryTerms: readonly string[],
    limit: number,
    options?: { titleWeight?: number; allowedDocs?: readonly number[] },
  ): KeywordHit[] {
    const counted = queryTerms.filter((t) => t.length > 0);
    if (counted.length === 0 || limit <= 0) return [];
    const match = counted.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ');
    const weight = Number(options?.titleWeight ?? 1);
    const restricted = options?.allowedDocs !== undefined;
    const key = `${table}|${weight}|${restricted}`;
    let statement = this.countedStatements.get(key);
    if (!statement) {
      const fts = table === 'passages' ? 'passages_fts' : 'papers_fts';
      const restrict = !restricted
        ? ''
        : table === 'passages'
          ? ' AND rowid IN (SELECT pid FROM passages WHERE doc IN (SELECT value FROM json_each(?)))'
          : ' AND rowid IN (SELECT value FROM json_each(?))';
      statement = this.db.prepare(
        `SELECT rowid AS label, -bm25(${fts}, ${weight}, 1.0) AS score FROM ${fts}
         WHERE ${fts} MATCH ?${restrict} ORDER BY bm25(${fts}, ${weight}, 1.0), rowid LIMIT ?`,
      );
      this.countedStatements.set(key, statement);
    }
    const params: unknown[] = [match];
    if (restricted) params.push(JSON.stringify(options?.allowedDocs));
    params.push(limit);
    return statement.all(...params) as KeywordHit[];
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

  vector(pid: number): Float32Array | undefined {
    const blob = this.db.prepare('SELECT vector FROM passages WHERE pid = ?').pluck().get(pid) as Buffer | undefined;
    return blob ? blobToVector(blob) : undefined;
  }

  /** pid → doc for every passage, as a dense array indexed by pid (0 where no passage). */
  docOfPassage(): Int32Array {
    const max = (this.db.prepare('SELECT coalesce(max(pid), 0) FROM passages').pluck().get() as number) + 1;
    const map = new Int32Array(max);
    for (const row of this.db.prepare('SELECT pid, doc FROM passages').raw().iterate() as Iterable<[number, number]>) {
      map[row[0]] = row[1];
    }
    return map;
  }

  /** Every passage's id and vector, in id order (for rebuilding the passage vector file). */
  *allVectors(): Generator<{ label: number; vector: Float32Array }> {
    for (const row of this.db.prepare('SELECT pid, vector FROM passages ORDER BY pid').iterate() as Iterable<{
      pid: number;
      vector: Buffer;
    }>) {
      yield { label: row.pid, vector: blobToVector(row.vector) };
    }
  }

  /**
   * BM25 (k1 1.2, b 0.75) over the analyzed FTS table of passages or whole papers.
   * `terms` are analyzer terms, OR-ed; `titleWeight` scales title matches. Higher score is better.
   * `allowedDocs` restricts hits to those papers.
   */
  bm25(
    table: 'passages' | 'papers',
    queryTerms: readonly string[],
    limit: number,
    options?: { titleWeight?: number; allowedDocs?: readonly number[] },
  ): KeywordHit[] {
    const unique = [...new Set(queryTerms)].filter((t) => t.length > 0);
    if (unique.length === 0 || limit <= 0) return [];
    const match = unique.map((t) => `"${t.replaceAll('"', '""')}"`).join(' OR ');
    const fts = table === 'passages' ? 'passages_fts' : 'papers_fts';
    const weight = options?.titleWeight ?? 1;
    let restrict = '';
    const params: unknown[] = [match];
    if (options?.allowedDocs) {
      restrict =
        table === 'passages'
          ? ' AND rowid IN (SELECT pid FROM passages WHERE doc IN (SELECT value FROM json_each(?)))'
          : ' AND rowid IN (SELECT value FROM json_each(?))';
      params.push(JSON.stringify(options.allowedDocs));
    }
    params.push(limit);
    const rows = this.db
      .prepare(
        `SELECT rowid AS label, -bm25(${fts}, ${Number(weight)}, 1.0) AS score FROM ${fts}
         WHERE ${fts} MATCH ?${restrict} ORDER BY bm25(${fts}, ${Number(weight)}, 1.0) LIMIT ?`,
      )
      .all(...params) as KeywordHit[];
    return rows;
  }
}
