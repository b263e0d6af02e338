// The keyword index in SQLite: one posting list per analyzed term (docs ascending with their title and
// body counts) plus each paper's length, written incrementally and ranked exactly as FTS5's bm25().
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../database.ts';
import { Bm25Ranker, bm25Idf, weighQuery } from './bm25-ranking.ts';
import { PostingCache } from './postings-cache.ts';
import { decodePosting, type Posting, type PostingRow } from './postings-codec.ts';
import { PostingMerge } from './postings-merge.ts';
import { PendingPostings } from './postings-pending.ts';

/**
 * Tables of the keyword index. `docs` is little-endian int32 doc numbers, ascending; `tf` holds a
 * (title, body) count pair per doc, each count 1, 2 or 4 bytes wide (width = byte length / (2·df)).
 */
export const POSTINGS_SCHEMA = `
CREATE TABLE postings (term TEXT PRIMARY KEY, df INTEGER NOT NULL, docs BLOB NOT NULL, tf BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE postings_docs (doc INTEGER PRIMARY KEY, length INTEGER NOT NULL);
`;

/** A keyword search hit: `label` is the paper's doc number, a higher `score` is better. */
export type KeywordHit = { label: number; score: number };

/** BM25 options: the title column's weight (the body's is 1) and an optional set of docs to keep. */
export type Bm25Options = { titleWeight?: number; allowedDocs?: readonly number[] };

const BM25_DEFAULTS = { titleWeight: 1 } satisfies Bm25Options;

const MAX_DOC = 0x7fffffff;

/** Writer options. */
export type PostingsWriterOptions = {
  /** Flush groups pending additions by term in passes of at most this many postings (6 bytes each). */
  passPostings?: number;
};

const WRITER_DEFAULTS = { passPostings: 1 << 21 } satisfies PostingsWriterOptions;

/** Reader options. */
export type PostingsReaderOptions = {
  /**
   * Bytes of decoded posting lists (those of at least 1024 docs) kept between queries, least recently used
   * first out; 0 turns the cache off. Long lists of common terms are most of a query's reading.
   */
  cacheBytes?: number;
};

const READER_DEFAULTS = { cacheBytes: 64 * 2 ** 20 } satisfies PostingsReaderOptions;

const SELECT_POSTING = 'SELECT df, docs, tf FROM postings WHERE term = ?';

function checkDoc(doc: number, where: string): void {
  if (!Number.isInteger(doc) || doc < 1 || doc > MAX_DOC) {
    throw new AppError('INVALID_INPUT', `${where}: doc must be an integer from 1 to ${MAX_DOC}, got ${doc}.`);
  }
}

/**
 * Collects paper additions and removals and merges them into the posting lists on flush, rewriting only
 * the terms they touch. Pending postings cost 6 bytes each (term id and packed counts) until flush.
 */
export class PostingsWriter {
  private readonly selectPosting: Statement<[string], PostingRow>;
  private readonly upsertPosting: Statement<[string, number, Buffer, Buffer]>;
  private readonly deletePosting: Statement<[string]>;
  private readonly insertDoc: Statement<[number, number]>;
  private readonly deleteDoc: Statement<[number], number>;
  private readonly clearTables: () => void;
  private readonly passPostings: number;
  private pending = new PendingPostings();

  constructor(db: Db, options: PostingsWriterOptions = {}) {
    this.passPostings = { ...WRITER_DEFAULTS, ...options }.passPostings;
    this.selectPosting = db.prepare(SELECT_POSTING).raw() as Statement<[string], PostingRow>;
    this.upsertPosting = db.prepare('INSERT OR REPLACE INTO postings (term, df, docs, tf) VALUES (?, ?, ?, ?)');
    this.deletePosting = db.prepare('DELETE FROM postings WHERE term = ?');
    this.insertDoc = db.prepare('INSERT INTO postings_docs (doc, length) VALUES (?, ?)');
    this.deleteDoc = db.prepare('DELETE FROM postings_docs WHERE doc = ? RETURNING length').pluck() as Statement<
      [number],
      number
    >;
    this.clearTables = () => db.exec('DELETE FROM postings; DELETE FROM postings_docs;');
  }

  /** Adds a paper's analyzed terms (in text order, repeats included) for the title and body columns. */
  add(doc: number, titleTerms: readonly string[], bodyTerms: readonly string[]): void {
    checkDoc(doc, 'PostingsWriter.add');
    this.pending.add(doc, titleTerms, bodyTerms);
  }

  /** Forgets a paper; the caller passes the same terms it was added with (re-analyzed from the stored paper). */
  remove(doc: number, titleTerms: readonly string[], bodyTerms: readonly string[]): void {
    checkDoc(doc, 'PostingsWriter.remove');
    this.pending.remove(doc, titleTerms, bodyTerms);
  }

  /**
   * Empties the keyword index and drops pending changes, for a re-analysis that adds every paper again
   * (its terms were made by another analyzer, so they cannot be removed term by term).
   */
  clear(): void {
    this.clearTables();
    this.pending = new PendingPostings();
  }

  /**
   * Writes every pending change to the tables. The caller owns the transaction (BEGIN/COMMIT around it) and
   * rolls it back if this throws: the tables may then be half written.
   */
  flush(): void {
    this.writeDocRows();
    const merge = new PostingMerge();
    this.pending.forEachChange(this.passPostings, (term, removals, added, index) => {
      const stored = this.selectPosting.get(term);
      merge.run(term, stored, removals, added, index);
      if (merge.length === 0) {
        if (stored) this.deletePosting.run(term);
      } else {
        const [docs, tf] = merge.blobs();
        this.upsertPosting.run(term, merge.length, docs, tf);
      }
    });
    this.pending = new PendingPostings();
  }

  // Length rows: removals first (checked against the stored lengths), so a doc removed and added again is replaced.
  private writeDocRows(): void {
    for (const [doc, expected] of this.pending.removedDocs()) {
      const stored = this.deleteDoc.get(doc);
      if (stored === undefined) {
        throw new AppError('INDEX_CORRUPT', `The keyword index cannot remove doc ${doc}: it does not hold it.`);
      }
      if (stored !== expected) {
        throw new AppError(
          'INDEX_CORRUPT',
          `The keyword index holds doc ${doc} with ${stored} terms, but it was removed with ${expected}.`,
        );
      }
    }
    for (const [doc, length] of this.pending.addedDocs()) {
      try {
        this.insertDoc.run(doc, length);
      } catch (error) {
        throw new AppError(
          'INDEX_CORRUPT',
          `The keyword index cannot add doc ${doc}: it already holds it.`,
          undefined,
          {
            cause: error,
          },
        );
      }
    }
  }
}

/**
 * Ranks papers by BM25 over the posting lists of a published (read-only) database (see Bm25Ranker for how).
 * Doc lengths are read once, on the first query: the reader never sees writes.
 */
export class PostingsReader {
  private readonly selectPosting: Statement<[string], PostingRow>;
  private readonly selectDf: Statement<[string], number>;
  private readonly logarithm: (x: number) => number;
  private readonly db: Db;
  private readonly cache: PostingCache;
  private totals: { docs: number; tokens: number } | null = null;
  private ranker: Bm25Ranker | null = null;

  constructor(db: Db, options: PostingsReaderOptions = {}) {
    this.db = db;
    this.cache = new PostingCache({ ...READER_DEFAULTS, ...options }.cacheBytes, (term) => this.readPosting(term));
    this.selectPosting = db.prepare(SELECT_POSTING).raw() as Statement<[string], PostingRow>;
    this.selectDf = db.prepare('SELECT df FROM postings WHERE term = ?').pluck() as Statement<[string], number>;
    this.logarithm = sqliteLogarithm(db);
  }

  /** Papers holding the term. */
  documentFrequency(term: string): number {
    return this.selectDf.get(term) ?? 0;
  }

  /**
   * Papers holding each term, for every term, read in one scan. A row's lists spill onto overflow pages, and
   * SQLite reads a whole spilled row to compare a key with it while seeking: at 100k papers a lookup costs
   * about 150 µs, the scan of all terms (24k) about 60 ms, so many lookups are cheaper made from this map.
   */
  documentFrequencies(): Map<string, number> {
    // Filled row by row, so no array of every row is held beside the map at the peak.
    const rows = this.db.prepare('SELECT term, df FROM postings').raw().iterate() as IterableIterator<[string, number]>;
    const frequencies = new Map<string, number>();
    for (const [term, df] of rows) frequencies.set(term, df);
    return frequencies;
  }

  /** The papers holding the term, ascending (empty when none does): search intersects these for a phrase's words. */
  docsOf(term: string): Int32Array {
    return this.cache.get(term)?.docs ?? new Int32Array(0);
  }

  /** Live papers in the index. */
  count(): number {
    return this.loadTotals().docs;
  }

  /** Mean analyzed terms (title and body) per live paper: BM25's average document length; 0 when empty. */
  averageLength(): number {
    const { docs, tokens } = this.loadTotals();
    return docs > 0 ? tokens / docs : 0;
  }

  /** The posting lists held by the cache and their bytes (for diagnostics). */
  cacheUsage(): { lists: number; bytes: number } {
    return this.cache.usage();
  }

  /**
   * BM25 top `limit` as FTS5's bm25(table, titleWeight, 1.0) scores the query `"t1" OR "t2" OR …` (negated):
   * every occurrence of a term in queryTerms counts (a term asked twice weighs twice); ties are broken by doc
   * ascending; allowedDocs restricts hits to those docs. Empty terms are ignored.
   */
  bm25(queryTerms: readonly string[], limit: number, options: Bm25Options = {}): KeywordHit[] {
    const { titleWeight, allowedDocs } = { ...BM25_DEFAULTS, ...options };
    if (!Number.isInteger(limit) || limit < 0) {
      throw new AppError('INVALID_INPUT', `bm25: limit must be a non-negative integer, got ${limit}.`);
    }
    if (!Number.isFinite(titleWeight) || titleWeight < 0) {
      throw new AppError('INVALID_INPUT', `bm25: titleWeight must be a finite number ≥ 0, got ${titleWeight}.`);
    }
    const phrases = queryTerms.filter((term) => term.length > 0);
    if (limit === 0 || phrases.length === 0) return [];
    const n = this.loadTotals().docs;
    if (n === 0) return [];
    const query = weighQuery(
      phrases,
      (term) => this.cache.get(term),
      (df) => bm25Idf(n, df, this.logarithm),
    );
    if (query.terms.length === 0) return [];
    return this.loadRanker().rank(query, limit, { titleWeight, allowedDocs });
  }

  private readPosting(term: string): Posting | null {
    const row = this.selectPosting.get(term);
    return row ? decodePosting(term, row) : null;
  }

  private loadTotals(): { docs: number; tokens: number } {
    this.totals ??= this.db
      .prepare('SELECT count(*) AS docs, coalesce(sum(length), 0) AS tokens FROM postings_docs')
      .get() as { docs: number; tokens: number };
    return this.totals;
  }

  private loadRanker(): Bm25Ranker {
    if (this.ranker) return this.ranker;
    const { docs: n, tokens } = this.loadTotals();
    // Two JSON arrays over the same rows (so in the same order) read several times faster than a row per doc.
    const row = this.db
      .prepare('SELECT json_group_array(doc) AS docs, json_group_array(length) AS lengths FROM postings_docs')
      .get() as { docs: string; lengths: string };
    this.ranker = new Bm25Ranker(JSON.parse(row.docs) as number[], JSON.parse(row.lengths) as number[], tokens / n);
    return this.ranker;
  }
}

// V8's Math.log differs from the C library's log() in the last bit for a few percent of arguments; SQLite's
// ln() calls the same log() as FTS5 in the same binary, so idf (and every score) agrees bit for bit.
function sqliteLogarithm(db: Db): (x: number) => number {
  try {
    const ln = db.prepare('SELECT ln(?)').pluck() as Statement<[number], number>;
    return (x) => ln.get(x)!;
  } catch {
    // A SQLite built without math functions: scores then agree with FTS5 to about 1e-15 relative.
    return Math.log;
  }
}
