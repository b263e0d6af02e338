// The keyword index in SQLite: one posting list per analyzed term (docs ascending with their title and
// body counts) plus each paper's length, written incrementally and ranked exactly as FTS5's bm25().
import os from 'node:os';
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../core/errors.ts';
import type { Db } from './database.ts';

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

// FTS5's constants; k1 + 1 is computed as FTS5 computes it so scores agree to the last bit.
const K1 = 1.2;
const B = 0.75;
const K1_PLUS_ONE = K1 + 1.0;
const MIN_IDF = 1e-6;
const MAX_DOC = 0x7fffffff;
// Counts are packed title·256 + body while both are below 255; larger pairs go to an overflow map under this marker.
const PACKED_OVERFLOW = 0xffff;

if (os.endianness() !== 'LE') {
  throw new AppError('INTERNAL', 'The keyword index stores little-endian blobs; this machine is big-endian.');
}

/** A growable typed array (a plain array of numbers would cost 2–4 times the memory). */
class Growable<T extends Int32Array | Uint16Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (capacity: number) => T,
  ) {}

  /** Makes room for `extra` more values and returns the (possibly new) array. */
  reserve(extra: number): T {
    if (this.length + extra > this.data.length) {
      const bigger = this.make(Math.max(1024, Math.ceil((this.length + extra) * 1.5)));
      bigger.set(this.data);
      this.data = bigger;
    }
    return this.data;
  }

  push(value: number): void {
    this.reserve(1)[this.length++] = value;
  }
}

const int32s = () => new Growable(new Int32Array(1024), (n) => new Int32Array(n));
const uint16s = () => new Growable(new Uint16Array(1024), (n) => new Uint16Array(n));

function checkDoc(doc: number, where: string): void {
  if (!Number.isInteger(doc) || doc < 1 || doc > MAX_DOC) {
    throw new AppError('INVALID_INPUT', `${where}: doc must be an integer from 1 to ${MAX_DOC}, got ${doc}.`);
  }
}

// Views a blob as 32-bit or 16-bit values; a Buffer from SQLite may start at an unaligned offset, so it is then copied.
function view<T extends Int32Array | Uint16Array | Uint32Array>(
  blob: Buffer,
  Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  if (blob.byteOffset % size === 0) return new Type(blob.buffer, blob.byteOffset, blob.byteLength / size);
  const copy = new Uint8Array(blob);
  return new Type(copy.buffer, 0, copy.byteLength / size);
}

type CountArray = Uint8Array | Uint16Array | Uint32Array;

/** Decodes a stored `tf` blob into an interleaved (title, body) array for `df` docs. */
function countsOf(tf: Buffer, df: number, term: string): CountArray {
  const width = tf.byteLength / (2 * df);
  if (width === 1) return new Uint8Array(tf.buffer, tf.byteOffset, tf.byteLength);
  if (width === 2) return view(tf, Uint16Array);
  if (width === 4) return view(tf, Uint32Array);
  throw new AppError(
    'INDEX_CORRUPT',
    `The posting list of term "${term}" has ${tf.byteLength} count bytes for ${df} docs.`,
  );
}

/** New postings of a range of terms (by rank): rank `from + i` has postings [offsets[i], offsets[i + 1]). */
type AddedPostings = {
  offsets: Int32Array;
  docs: Int32Array;
  counts: Uint16Array;
  overflow: Map<number, [number, number]>;
};

/** Writer options. */
export type PostingsWriterOptions = {
  /** Flush groups pending additions by term in passes of at most this many postings (6 bytes each). */
  passPostings?: number;
};

const WRITER_DEFAULTS = { passPostings: 1 << 21 } satisfies PostingsWriterOptions;

/**
 * Collects paper additions and removals and merges them into the posting lists on flush, rewriting only
 * the terms they touch. Pending postings cost 6 bytes each (term id and packed counts) until flush.
 */
export class PostingsWriter {
  private readonly selectPosting: Statement<[string], [number, Buffer, Buffer]>;
  private readonly upsertPosting: Statement<[string, number, Buffer, Buffer]>;
  private readonly deletePosting: Statement<[string]>;
  private readonly insertDoc: Statement<[number, number]>;
  private readonly deleteDoc: Statement<[number], number>;
  private readonly passPostings: number;

  private termIds = new Map<string, number>();
  private termNames: string[] = [];
  // Per-term counts of the paper being added or removed, with the terms it touched (never more than the terms known).
  private scratchTitle = new Uint32Array(1024);
  private scratchBody = new Uint32Array(1024);
  private scratchTouched = new Int32Array(1024);
  private touchedCount = 0;
  // Pending additions: postings (term id, packed counts) in call order, and per addition its doc, first posting and length.
  private addTerm = int32s();
  private addCounts = uint16s();
  private overflow = new Map<number, [number, number]>();
  private addDoc = int32s();
  private addStart = int32s();
  private addLength = int32s();
  private liveAdds = new Map<number, number>();
  // Pending removals of stored papers: (term id, doc) pairs and each doc's expected length.
  private removeTerm = int32s();
  private removeDoc = int32s();
  private removedLengths = new Map<number, number>();

  constructor(db: Db, options: PostingsWriterOptions = {}) {
    this.passPostings = { ...WRITER_DEFAULTS, ...options }.passPostings;
    this.selectPosting = db.prepare('SELECT df, docs, tf FROM postings WHERE term = ?').raw() as Statement<
      [string],
      [number, Buffer, Buffer]
    >;
    this.upsertPosting = db.prepare('INSERT OR REPLACE INTO postings (term, df, docs, tf) VALUES (?, ?, ?, ?)');
    this.deletePosting = db.prepare('DELETE FROM postings WHERE term = ?');
    this.insertDoc = db.prepare('INSERT INTO postings_docs (doc, length) VALUES (?, ?)');
    this.deleteDoc = db.prepare('DELETE FROM postings_docs WHERE doc = ? RETURNING length').pluck() as Statement<
      [number],
      number
    >;
  }

  /** Adds a paper's analyzed terms (in text order, repeats included) for the title and body columns. */
  add(doc: number, titleTerms: readonly string[], bodyTerms: readonly string[]): void {
    checkDoc(doc, 'PostingsWriter.add');
    if (this.liveAdds.has(doc)) {
      throw new AppError('INTERNAL', `PostingsWriter.add: doc ${doc} was already added since the last flush.`);
    }
    const length = this.countTerms(titleTerms, bodyTerms);
    this.liveAdds.set(doc, this.addDoc.length);
    this.addDoc.push(doc);
    this.addStart.push(this.addTerm.length);
    this.addLength.push(length);
    const touched = this.scratchTouched;
    const terms = this.addTerm.reserve(this.touchedCount);
    const counts = this.addCounts.reserve(this.touchedCount);
    let at = this.addTerm.length;
    for (let i = 0; i < this.touchedCount; i++) {
      const id = touched[i]!;
      const title = this.scratchTitle[id]!;
      const body = this.scratchBody[id]!;
      terms[at] = id;
      if (title < 0xff && body < 0xff) {
        counts[at] = (title << 8) | body;
      } else {
        counts[at] = PACKED_OVERFLOW;
        this.overflow.set(at, [title, body]);
      }
      at++;
      this.scratchTitle[id] = 0;
      this.scratchBody[id] = 0;
    }
    this.addTerm.length = at;
    this.addCounts.length = at;
    this.touchedCount = 0;
  }

  /** Forgets a paper; the caller passes the same terms it was added with (re-analyzed from the stored paper). */
  remove(doc: number, titleTerms: readonly string[], bodyTerms: readonly string[]): void {
    checkDoc(doc, 'PostingsWriter.remove');
    const length = this.countTerms(titleTerms, bodyTerms);
    const touched = this.scratchTouched.subarray(0, this.touchedCount);
    this.touchedCount = 0;
    for (const id of touched) {
      this.scratchTitle[id] = 0;
      this.scratchBody[id] = 0;
    }
    const pending = this.liveAdds.get(doc);
    if (pending !== undefined) {
      // Added since the last flush: the addition is dropped (flush skips its postings).
      if (this.addLength.data[pending] !== length) {
        throw new AppError(
          'INTERNAL',
          `PostingsWriter.remove: doc ${doc} was added with ${this.addLength.data[pending]} terms but removed with ${length}.`,
        );
      }
      this.liveAdds.delete(doc);
    } else {
      if (this.removedLengths.has(doc)) {
        throw new AppError('INTERNAL', `PostingsWriter.remove: doc ${doc} was already removed since the last flush.`);
      }
      this.removedLengths.set(doc, length);
      for (const id of touched) {
        this.removeTerm.push(id);
        this.removeDoc.push(doc);
      }
    }
  }

  /**
   * Writes every pending change to the tables. The caller owns the transaction (BEGIN/COMMIT around it) and
   * rolls it back if this throws: the tables may then be half written.
   */
  flush(): void {
    this.writeDocRows();
    const names = this.termNames;
    // Terms are written in name order, so rows go into the table's b-tree in key order.
    const order = Int32Array.from(names.keys()).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
    const rank = new Int32Array(names.length);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    const removals = this.groupRemovals(rank);
    // Live additions in doc order, so each term's new docs come out ascending.
    const adds = Int32Array.from(this.liveAdds.keys())
      .sort()
      .map((doc) => this.liveAdds.get(doc)!);
    const perTerm = new Int32Array(names.length);
    for (const add of adds)
      for (let p = this.addStart.data[add]!; p < this.addEnd(add); p++) perTerm[rank[this.addTerm.data[p]!]!]!++;

    const merge = new PostingMerge();
    for (let from = 0; from < names.length; ) {
      let to = from;
      let size = 0;
      while (to < names.length && (to === from || size + perTerm[to]! <= this.passPostings)) size += perTerm[to++]!;
      const added = this.groupAdditions(adds, rank, perTerm, from, to, size);
      for (let r = from; r < to; r++) {
        const removeFrom = removals.offsets[r]!;
        const removeTo = removals.offsets[r + 1]!;
        if (perTerm[r] === 0 && removeFrom === removeTo) continue;
        const term = names[order[r]!]!;
        const stored = this.selectPosting.get(term);
        merge.run(term, stored, removals.docs.subarray(removeFrom, removeTo), added, r - from);
        if (merge.length === 0) {
          if (stored) this.deletePosting.run(term);
        } else {
          const [docs, tf] = merge.blobs();
          this.upsertPosting.run(term, merge.length, docs, tf);
        }
      }
      from = to;
    }
    this.reset();
  }

  // Length rows: removals first (checked against the stored lengths), so a doc removed and added again is replaced.
  private writeDocRows(): void {
    for (const [doc, expected] of this.removedLengths) {
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
    for (const [doc, add] of this.liveAdds) {
      try {
        this.insertDoc.run(doc, this.addLength.data[add]!);
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

  /** Fills the scratch counts for a paper's terms and returns its length in tokens (empty terms are not tokens). */
  private countTerms(titleTerms: readonly string[], bodyTerms: readonly string[]): number {
    let length = 0;
    for (const term of titleTerms) {
      if (term.length === 0) continue;
      const id = this.intern(term);
      if (this.scratchTitle[id] === 0 && this.scratchBody[id] === 0) this.scratchTouched[this.touchedCount++] = id;
      this.scratchTitle[id]!++;
      length++;
    }
    for (const term of bodyTerms) {
      if (term.length === 0) continue;
      const id = this.intern(term);
      if (this.scratchTitle[id] === 0 && this.scratchBody[id] === 0) this.scratchTouched[this.touchedCount++] = id;
      this.scratchBody[id]!++;
      length++;
    }
    return length;
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      if (id === this.scratchTitle.length) {
        const title = new Uint32Array(id * 2);
        title.set(this.scratchTitle);
        this.scratchTitle = title;
        const body = new Uint32Array(id * 2);
        body.set(this.scratchBody);
        this.scratchBody = body;
        const touched = new Int32Array(id * 2);
        touched.set(this.scratchTouched);
        this.scratchTouched = touched;
      }
    }
    return id;
  }

  private addEnd(add: number): number {
    return add + 1 < this.addStart.length ? this.addStart.data[add + 1]! : this.addTerm.length;
  }

  // Counting sort of the additions' postings for term ranks [from, to); visiting adds in doc order keeps docs ascending.
  private groupAdditions(
    adds: Int32Array,
    rank: Int32Array,
    perTerm: Int32Array,
    from: number,
    to: number,
    size: number,
  ): AddedPostings {
    const offsets = new Int32Array(to - from + 1);
    for (let r = from; r < to; r++) offsets[r - from + 1] = offsets[r - from]! + perTerm[r]!;
    const cursor = offsets.slice(0, to - from);
    const docs = new Int32Array(size);
    const counts = new Uint16Array(size);
    const overflow = new Map<number, [number, number]>();
    const terms = this.addTerm.data;
    const packed = this.addCounts.data;
    for (const add of adds) {
      const doc = this.addDoc.data[add]!;
      const end = this.addEnd(add);
      for (let p = this.addStart.data[add]!; p < end; p++) {
        const r = rank[terms[p]!]!;
        if (r < from || r >= to) continue;
        const at = cursor[r - from]!++;
        docs[at] = doc;
        counts[at] = packed[p]!;
        if (packed[p] === PACKED_OVERFLOW) overflow.set(at, this.overflow.get(p)!);
      }
    }
    return { offsets, docs, counts, overflow };
  }

  private groupRemovals(rank: Int32Array): { offsets: Int32Array; docs: Int32Array } {
    const offsets = new Int32Array(rank.length + 1);
    const terms = this.removeTerm.data;
    const count = this.removeTerm.length;
    for (let i = 0; i < count; i++) offsets[rank[terms[i]!]! + 1]!++;
    for (let r = 0; r < rank.length; r++) offsets[r + 1]! += offsets[r]!;
    const cursor = offsets.slice(0, rank.length);
    const docs = new Int32Array(count);
    for (let i = 0; i < count; i++) docs[cursor[rank[terms[i]!]!]!++] = this.removeDoc.data[i]!;
    for (let r = 0; r < rank.length; r++)
      if (offsets[r + 1]! - offsets[r]! > 1) docs.subarray(offsets[r]!, offsets[r + 1]!).sort();
    return { offsets, docs };
  }

  private reset(): void {
    this.termIds = new Map();
    this.termNames = [];
    this.scratchTitle = new Uint32Array(1024);
    this.scratchBody = new Uint32Array(1024);
    this.scratchTouched = new Int32Array(1024);
    this.addTerm = int32s();
    this.addCounts = uint16s();
    this.overflow = new Map();
    this.addDoc = int32s();
    this.addStart = int32s();
    this.addLength = int32s();
    this.liveAdds = new Map();
    this.removeTerm = int32s();
    this.removeDoc = int32s();
    this.removedLengths = new Map();
  }
}

/** Merges one term's stored list with its removals and additions into reused output arrays. */
class PostingMerge {
  length = 0;
  private docs = new Int32Array(1024);
  private title = new Uint32Array(1024);
  private body = new Uint32Array(1024);

  /** Merges for the term of rank `from + index` of `added`. */
  run(
    term: string,
    stored: [number, Buffer, Buffer] | undefined,
    removals: Int32Array,
    added: AddedPostings,
    index: number,
  ): void {
    const df = stored?.[0] ?? 0;
    const oldDocs = stored ? view(stored[1], Int32Array) : new Int32Array(0);
    const oldCounts = stored ? countsOf(stored[2], df, term) : new Uint8Array(0);
    if (oldDocs.length !== df) {
      throw new AppError(
        'INDEX_CORRUPT',
        `The posting list of term "${term}" holds ${oldDocs.length} docs, not ${df}.`,
      );
    }
    const addTo = added.offsets[index + 1]!;
    let a = added.offsets[index]!;
    this.reserve(df + addTo - a);
    this.length = 0;
    let r = 0;
    for (let i = 0; i < df; i++) {
      const doc = oldDocs[i]!;
      if (r < removals.length && removals[r]! <= doc) {
        if (removals[r] !== doc) break;
        r++;
        continue;
      }
      while (a < addTo && added.docs[a]! < doc) this.pushAdded(added, a++);
      if (a < addTo && added.docs[a] === doc) {
        throw new AppError(
          'INDEX_CORRUPT',
          `The keyword index cannot add doc ${doc}: term "${term}" already lists it.`,
        );
      }
      this.push(doc, oldCounts[2 * i]!, oldCounts[2 * i + 1]!);
    }
    if (r < removals.length) {
      throw new AppError(
        'INDEX_CORRUPT',
        `The keyword index cannot remove doc ${removals[r]} from term "${term}": the term does not list it.`,
      );
    }
    while (a < addTo) this.pushAdded(added, a++);
  }

  /** The docs and tf blobs of the merged list (docs is a view over reused memory: bind it before the next run). */
  blobs(): [Buffer, Buffer] {
    const n = this.length;
    let max = 0;
    for (let i = 0; i < n; i++) {
      if (this.title[i]! > max) max = this.title[i]!;
      if (this.body[i]! > max) max = this.body[i]!;
    }
    const Type = max <= 0xff ? Uint8Array : max <= 0xffff ? Uint16Array : Uint32Array;
    const tf = new Type(2 * n);
    for (let i = 0; i < n; i++) {
      tf[2 * i] = this.title[i]!;
      tf[2 * i + 1] = this.body[i]!;
    }
    return [Buffer.from(this.docs.buffer, 0, 4 * n), Buffer.from(tf.buffer, 0, tf.byteLength)];
  }

  private pushAdded(added: AddedPostings, at: number): void {
    const packed = added.counts[at]!;
    if (packed === PACKED_OVERFLOW) {
      const [title, body] = added.overflow.get(at)!;
      this.push(added.docs[at]!, title, body);
    } else {
      this.push(added.docs[at]!, packed >>> 8, packed & 0xff);
    }
  }

  private push(doc: number, title: number, body: number): void {
    this.docs[this.length] = doc;
    this.title[this.length] = title;
    this.body[this.length] = body;
    this.length++;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.docs.length) return;
    const size = Math.max(capacity, this.docs.length * 2);
    this.docs = new Int32Array(size);
    this.title = new Uint32Array(size);
    this.body = new Uint32Array(size);
  }
}

/** A term's posting list as read for one query. */
type Posting = { df: number; docs: Int32Array; counts: CountArray };

/** A distinct query term: its list, idf, and how many times the query asks for it. */
type QueryTerm = { posting: Posting; idf: number; weight: number };

/** Reader options. */
export type PostingsReaderOptions = {
  /**
   * Bytes of decoded posting lists (those of at least 1024 docs) kept between queries, least recently used
   * first out; 0 turns the cache off. Long lists of common terms are most of a query's reading.
   */
  cacheBytes?: number;
};

const READER_DEFAULTS = { cacheBytes: 64 * 2 ** 20 } satisfies PostingsReaderOptions;
const CACHE_MIN_DOCS = 1024;
// Relative allowance for rounding when partial scores, summed in another order, are compared with bounds.
const SLACK = 1e-9;

/** The per-doc arrays a query works in, sized by the highest doc number. */
type Workspace = { norms: Float64Array; scores: Float64Array; seen: Uint8Array; mask: Uint8Array };

/**
 * Ranks papers by BM25 over the posting lists of a published (read-only) database. Terms are read rarest
 * first into reused per-doc arrays; once the k-th best partial score is out of reach of everything the
 * remaining terms could add, no new doc is admitted, and the surviving candidates are scored exactly in
 * query order (as FTS5 sums them). Doc lengths are read once, on the first query: the reader never sees writes.
 */
export class PostingsReader {
  private readonly selectPosting: Statement<[string], [number, Buffer, Buffer]>;
  private readonly selectDf: Statement<[string], number>;
  private readonly logarithm: (x: number) => number;
  private readonly db: Db;
  private readonly cacheBytes: number;
  private readonly cache = new Map<string, Posting>();
  private cachedBytes = 0;
  private totals: { docs: number; tokens: number } | null = null;
  private workspace: Workspace | null = null;
  private touched = new Int32Array(1024);
  private candidates = new Int32Array(1024);

  constructor(db: Db, options: PostingsReaderOptions = {}) {
    this.db = db;
    this.cacheBytes = { ...READER_DEFAULTS, ...options }.cacheBytes;
    this.selectPosting = db.prepare('SELECT df, docs, tf FROM postings WHERE term = ?').raw() as Statement<
      [string],
      [number, Buffer, Buffer]
    >;
    this.selectDf = db.prepare('SELECT df FROM postings WHERE term = ?').pluck() as Statement<[string], number>;
    this.logarithm = sqliteLogarithm(db);
  }

  /** Papers holding the term. */
  documentFrequency(term: string): number {
    return this.selectDf.get(term) ?? 0;
  }

  /** Live papers in the index. */
  count(): number {
    return this.loadTotals().docs;
  }

  /** The posting lists held by the cache and their bytes (for diagnostics). */
  cacheUsage(): { lists: number; bytes: number } {
    return { lists: this.cache.size, bytes: this.cachedBytes };
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
    const byTerm = new Map<string, QueryTerm | null>();
    for (const term of phrases) {
      const known = byTerm.get(term);
      if (known) known.weight++;
      else if (known === undefined) {
        const posting = this.cachedPosting(term);
        byTerm.set(term, posting && { posting, idf: this.idf(n, posting.df), weight: 1 });
      }
    }
    const terms = [...byTerm.values()].filter((term) => term !== null);
    if (terms.length === 0) return [];
    // Each asked occurrence adds less than idf·(k1 + 1) to a doc's score; the rarest terms can add most.
    const bound = (term: QueryTerm) => term.idf * term.weight * K1_PLUS_ONE;
    terms.sort((a, b) => bound(b) - bound(a));
    const after = new Float64Array(terms.length);
    for (let j = terms.length - 2; j >= 0; j--) after[j] = after[j + 1]! + bound(terms[j + 1]!);

    const space = this.loadWorkspace();
    const maxDoc = space.norms.length - 1;
    if (allowedDocs) for (const doc of allowedDocs) if (doc >= 1 && doc <= maxDoc) space.mask[doc] = 1;
    const run: Accumulation = { ...space, touched: this.touched, useMask: allowedDocs !== undefined, titleWeight };
    let count = 0;
    try {
      // Partial scores, term at a time, until docs not yet seen can no longer reach the top `limit`.
      let read = 0;
      let unread = terms.reduce((sum, term) => sum + term.posting.df, 0);
      let candidates = -1;
      for (let j = 0; j < terms.length; j++) {
        const { posting, idf, weight } = terms[j]!;
        if (this.touched.length < count + posting.df) this.growTouched(count + posting.df);
        run.touched = this.touched;
        count = accumulate(run, posting, idf * weight, count);
        read += bound(terms[j]!);
        unread -= posting.df;
        const rest = after[j]! * (1 + SLACK);
        // The k-th best partial score is at most the bound of the terms read; below `rest` it cannot win.
        if (j === terms.length - 1 || count < limit || read <= rest) continue;
        const kth = kthLargest(space.scores, this.touched, count, limit) * (1 - SLACK);
        if (rest >= kth) continue;
        // Docs below kth − rest cannot reach the k-th score even with every remaining term.
        const kept = this.collectCandidates(count, kth - rest);
        // Scoring the candidates exactly looks each one up in every list; reading the next list is often cheaper.
        if (kept * terms.length * 3 < unread) {
          candidates = kept;
          break;
        }
      }
      if (candidates < 0) {
        const cutoff = count > limit ? kthLargest(space.scores, this.touched, count, limit) * (1 - SLACK) : 0;
        candidates = this.collectCandidates(count, cutoff);
      }
      const chosen = this.candidates.subarray(0, candidates).sort();
      exactScores(chosen, phrases, byTerm, space, titleWeight);
      return topK(space.scores, chosen, candidates, limit);
    } finally {
      for (let i = 0; i < count; i++) space.seen[this.touched[i]!] = 0;
      if (allowedDocs) for (const doc of allowedDocs) if (doc >= 1 && doc <= maxDoc) space.mask[doc] = 0;
    }
  }

  private idf(n: number, df: number): number {
    const idf = this.logarithm((n - df + 0.5) / (df + 0.5));
    return idf <= 0 ? MIN_IDF : idf;
  }

  private cachedPosting(term: string): Posting | null {
    const cached = this.cache.get(term);
    if (cached) {
      // A Map iterates in insertion order: re-inserting keeps the least recently used first.
      this.cache.delete(term);
      this.cache.set(term, cached);
      return cached;
    }
    const posting = this.readPosting(term);
    if (posting && posting.df >= CACHE_MIN_DOCS) {
      const bytes = posting.docs.byteLength + posting.counts.byteLength;
      if (bytes <= this.cacheBytes) {
        this.cache.set(term, posting);
        this.cachedBytes += bytes;
        for (const [oldest, evicted] of this.cache) {
          if (this.cachedBytes <= this.cacheBytes) break;
          this.cache.delete(oldest);
          this.cachedBytes -= evicted.docs.byteLength + evicted.counts.byteLength;
        }
      }
    }
    return posting;
  }

  private readPosting(term: string): Posting | null {
    const row = this.selectPosting.get(term);
    if (!row) return null;
    const [df, docsBlob, tfBlob] = row;
    const docs = view(docsBlob, Int32Array);
    if (docs.length !== df) {
      throw new AppError('INDEX_CORRUPT', `The posting list of term "${term}" holds ${docs.length} docs, not ${df}.`);
    }
    return { df, docs, counts: countsOf(tfBlob, df, term) };
  }

  private loadTotals(): { docs: number; tokens: number } {
    this.totals ??= this.db
      .prepare('SELECT count(*) AS docs, coalesce(sum(length), 0) AS tokens FROM postings_docs')
      .get() as { docs: number; tokens: number };
    return this.totals;
  }

  // k1·(1 − b + b·D/avgdl) per doc, in FTS5's order of operations, and the per-doc query arrays.
  private loadWorkspace(): Workspace {
    if (this.workspace) return this.workspace;
    const { docs: n, tokens } = this.loadTotals();
    const avgdl = tokens / n;
    const maxDoc = this.db.prepare('SELECT coalesce(max(doc), 0) FROM postings_docs').pluck().get() as number;
    const norms = new Float64Array(maxDoc + 1);
    const rows = this.db.prepare('SELECT doc, length FROM postings_docs').raw() as Statement<[], [number, number]>;
    for (const [doc, length] of rows.iterate()) norms[doc] = K1 * (1 - B + (B * length) / avgdl);
    this.workspace = {
      norms,
      scores: new Float64Array(maxDoc + 1),
      seen: new Uint8Array(maxDoc + 1),
      mask: new Uint8Array(maxDoc + 1),
    };
    return this.workspace;
  }

  /** Copies the touched docs whose partial score is at least `cutoff` to `this.candidates`; returns how many. */
  private collectCandidates(count: number, cutoff: number): number {
    if (this.candidates.length < count) this.candidates = new Int32Array(Math.max(count, this.candidates.length * 2));
    const { scores } = this.workspace!;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const doc = this.touched[i]!;
      if (scores[doc]! >= cutoff) this.candidates[kept++] = doc;
    }
    return kept;
  }

  private growTouched(capacity: number): void {
    const bigger = new Int32Array(Math.max(capacity, this.touched.length * 2));
    bigger.set(this.touched);
    this.touched = bigger;
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

/** FTS5's phrase frequency: the column weight added once per instance, title instances first. */
function frequency(titleWeight: number, title: number, body: number): number {
  // For a whole weight the product equals that sum exactly.
  if (Number.isInteger(titleWeight)) return titleWeight * title + body;
  let f = 0;
  for (let i = 0; i < title; i++) f += titleWeight;
  for (let i = 0; i < body; i++) f += 1.0;
  return f;
}

/** One term's pass over the per-doc arrays: partial scores and the list of docs touched so far. */
type Accumulation = Workspace & { touched: Int32Array; useMask: boolean; titleWeight: number };

function accumulate(run: Accumulation, { docs, counts }: Posting, idf: number, count: number): number {
  return counts instanceof Uint8Array
    ? accumulateBytes(run, docs, counts, idf, count)
    : accumulateWide(run, docs, counts, idf, count);
}

// Two copies of one loop, so each sees a single array type (almost every list has one-byte counts).
function accumulateBytes(run: Accumulation, docs: Int32Array, counts: Uint8Array, idf: number, start: number) {
  const { norms, scores, seen, mask, touched, useMask, titleWeight } = run;
  let count = start;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (useMask && mask[doc] === 0) continue;
    const f = frequency(titleWeight, counts[2 * i]!, counts[2 * i + 1]!);
    const score = idf * ((f * K1_PLUS_ONE) / (f + norms[doc]!));
    if (seen[doc] === 0) {
      seen[doc] = 1;
      touched[count++] = doc;
      scores[doc] = score;
    } else {
      scores[doc]! += score;
    }
  }
  return count;
}

function accumulateWide(
  run: Accumulation,
  docs: Int32Array,
  counts: Uint16Array | Uint32Array,
  idf: number,
  start: number,
) {
  const { norms, scores, seen, mask, touched, useMask, titleWeight } = run;
  let count = start;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (useMask && mask[doc] === 0) continue;
    const f = frequency(titleWeight, counts[2 * i]!, counts[2 * i + 1]!);
    const score = idf * ((f * K1_PLUS_ONE) / (f + norms[doc]!));
    if (seen[doc] === 0) {
      seen[doc] = 1;
      touched[count++] = doc;
      scores[doc] = score;
    } else {
      scores[doc]! += score;
    }
  }
  return count;
}

/**
 * Writes each candidate's exact score to `scores`: FTS5's expression per phrase, summed in query order.
 * Candidates are ascending, so each term's list is searched forward from the previous find (galloping).
 */
function exactScores(
  candidates: Int32Array,
  phrases: readonly string[],
  byTerm: Map<string, QueryTerm | null>,
  { norms, scores }: Workspace,
  titleWeight: number,
): void {
  const parts = new Map<QueryTerm, Float64Array>();
  for (const term of byTerm.values()) {
    if (!term) continue;
    const { docs, counts } = term.posting;
    const part = new Float64Array(candidates.length);
    let at = 0;
    for (let c = 0; c < candidates.length; c++) {
      const doc = candidates[c]!;
      let low = at;
      let high = at;
      for (let step = 1; high < docs.length && docs[high]! < doc; step *= 2) {
        low = high + 1;
        high = low + step;
      }
      high = Math.min(high, docs.length);
      while (low < high) {
        const middle = (low + high) >> 1;
        if (docs[middle]! < doc) low = middle + 1;
        else high = middle;
      }
      at = low;
      if (at === docs.length || docs[at] !== doc) continue;
      const f = frequency(titleWeight, counts[2 * at]!, counts[2 * at + 1]!);
      part[c] = term.idf * ((f * K1_PLUS_ONE) / (f + norms[doc]!));
    }
    parts.set(term, part);
  }
  const sums = new Float64Array(candidates.length);
  for (const phrase of phrases) {
    const part = parts.get(byTerm.get(phrase)!);
    if (part) for (let c = 0; c < candidates.length; c++) sums[c]! += part[c]!;
  }
  for (let c = 0; c < candidates.length; c++) scores[candidates[c]!] = sums[c]!;
}

/** The k-th largest score among the first `count` touched docs (k ≤ count), through a bounded min-heap. */
function kthLargest(scores: Float64Array, touched: Int32Array, count: number, k: number): number {
  const heap = new Float64Array(k);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= k) return;
      const child = left + 1 < k && heap[left + 1]! < heap[left]! ? left + 1 : left;
      if (heap[child]! >= heap[i]!) return;
      const swap = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = swap;
      i = child;
    }
  };
  for (let i = 0; i < k; i++) heap[i] = scores[touched[i]!]!;
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let i = k; i < count; i++) {
    const score = scores[touched[i]!]!;
    if (score <= heap[0]!) continue;
    heap[0] = score;
    siftDown(0);
  }
  return heap[0]!;
}

/** The best `limit` docs by score descending, then doc ascending, through a bounded min-heap. */
function topK(scores: Float64Array, docs: Int32Array, count: number, limit: number): KeywordHit[] {
  const size = Math.min(limit, count);
  const heap = new Int32Array(size);
  // a is worse than b: lower score, or the same score and a higher doc.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (from: number, length: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= length) return;
      const right = left + 1;
      const child = right < length && worse(heap[right]!, heap[left]!) ? right : left;
      if (!worse(heap[child]!, heap[i]!)) return;
      const swap = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = swap;
      i = child;
    }
  };
  for (let i = 0; i < size; i++) heap[i] = docs[i]!;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i, size);
  for (let i = size; i < count; i++) {
    const doc = docs[i]!;
    const score = scores[doc]!;
    const root = heap[0]!;
    const rootScore = scores[root]!;
    // Most docs lose to the root on score alone; only an equal score needs the doc comparison.
    if (score < rootScore || (score === rootScore && doc > root)) continue;
    heap[0] = doc;
    siftDown(0, size);
  }
  const hits: KeywordHit[] = [];
  for (let length = size; length > 0; length--) {
    hits.push({ label: heap[0]!, score: scores[heap[0]!]! });
    heap[0] = heap[length - 1]!;
    siftDown(0, length - 1);
  }
  return hits.reverse();
}
