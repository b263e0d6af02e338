// SQL that reads papers back: by id, doc, DOI or arXiv id, their vectors, facet fields and listing
// rows, and the docs that match metadata filters (papers-writer.repo.ts writes them).
import type { Statement } from 'better-sqlite3';
import type { Paper } from '../paper.schema.ts';
import { fold } from '../text/fold.ts';
import { blobToVector } from '../vectors/vector-codec.ts';
import { arxivLookupKeys } from './arxiv-id.ts';
import { type Db, schemaVersionOf } from './database.ts';
import {
  LISTING_COLUMNS,
  type ListingRow,
  PAPER_COLUMNS,
  type PaperFacetFields,
  type PaperRow,
  rowToPaper,
} from './paper-rows.ts';

/** How an arXiv id is looked up: by the indexed version-less copy (test/indexer/store checks the plan). */
export const ARXIV_LOOKUP = `SELECT ${PAPER_COLUMNS} FROM papers WHERE arxiv_base = @id ORDER BY doc LIMIT 1`;

/** Papers whose facet fields a reader keeps (a few MB; a 10,000-paper library keeps them all). */
const FACET_FIELDS_KEPT = 20_000;

/** Metadata filters on papers; every given one must hold. Text filters are case-insensitive. */
export type PaperFilters = {
  yearFrom?: number;
  yearTo?: number;
  /** Substring of any author's name, ignoring accents too ("perez" finds "Pérez"). */
  author?: string;
  /** Exact tag. */
  tag?: string;
  /** Substring of the venue. */
  venue?: string;
};

// LIKE treats % and _ as wildcards; a filter is a plain substring, so they are escaped. LIKE ignores the
// case of ASCII letters only, so the pattern is lowercased (or folded) as the column it is matched to.
function likeSubstring(text: string, normalize: (text: string) => string = (t) => t.toLowerCase()): string {
  return `%${normalize(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Read access to papers. */
export class PapersReader {
  private readonly byId;
  private readonly byDoc;
  private readonly vectorByDoc;
  private readonly vectorsByDocs;
  private readonly byArxivId;
  private readonly byDoiLower;
  private readonly facetFieldsByDocs;
  private readonly filterStatements = new Map<string, Statement<unknown[]>>();
  // A generation's papers never change, and the same papers lead search after search: their facet
  // fields are kept (shared with callers, never mutated), up to FACET_FIELDS_KEPT papers.
  private readonly facetFieldCache = new Map<number, PaperFacetFields>();
  private listingAfter: Statement<[number, number]> | undefined;
  private listingOf: Statement<[string]> | undefined;
  private textsAfterStatement: Statement<[number, number]> | undefined;
  private textsOfStatement: Statement<[string]> | undefined;

  constructor(private readonly db: Db) {
    this.byId = db.prepare(`SELECT ${PAPER_COLUMNS} FROM papers WHERE id = ?`);
    this.byDoc = db.prepare(`SELECT ${PAPER_COLUMNS} FROM papers WHERE doc = ?`);
    this.vectorByDoc = db.prepare('SELECT vector FROM papers WHERE doc = ?').pluck();
    this.vectorsByDocs = db
      .prepare('SELECT doc, vector FROM papers WHERE doc IN (SELECT value FROM json_each(?))')
      .raw();
    // An index older than schema version 4 (read as it is until its next re-index) has no arxiv_base.
    this.byArxivId = db.prepare(
      schemaVersionOf(db) >= 4
        ? ARXIV_LOOKUP
        : `SELECT ${PAPER_COLUMNS} FROM papers WHERE lower(arxiv_id) = @id OR arxiv_id LIKE @id || 'v%' LIMIT 1`,
    );
    // Prepared once: every search reads its candidates' facet fields, every DOI citation a paper.
    this.byDoiLower = db.prepare(`SELECT ${PAPER_COLUMNS} FROM papers WHERE lower(doi) = lower(?)`);
    this.facetFieldsByDocs = db.prepare(
      'SELECT doc, year, venue, authors, tags FROM papers WHERE doc IN (SELECT value FROM json_each(?))',
    );
  }

  /** The vectors of the given papers (missing docs are left out), read in one query. */
  vectorsOf(docs: readonly number[]): Map<number, Float32Array> {
    const vectors = new Map<number, Float32Array>();
    if (docs.length === 0) return vectors;
    // all() beats iterate() here: one native call instead of one per row.
    for (const [doc, blob] of this.vectorsByDocs.all(JSON.stringify(docs)) as Array<[number, Buffer]>) {
      vectors.set(doc, blobToVector(blob));
    }
    return vectors;
  }

  /**
   * What search's facets and sort=year read of the given papers (missing docs are left out), in one
   * query and without the texts: far cheaper than loading the papers.
   */
  facetFieldsOf(docs: readonly number[]): Map<number, PaperFacetFields> {
    const fields = new Map<number, PaperFacetFields>();
    const missing: number[] = [];
    for (const doc of docs) {
      const kept = this.facetFieldCache.get(doc);
      if (kept) fields.set(doc, kept);
      else missing.push(doc);
    }
    if (missing.length === 0) return fields;
    const rows = this.facetFieldsByDocs.all(JSON.stringify(missing)) as Array<
      Pick<PaperRow, 'doc' | 'year' | 'venue' | 'authors' | 'tags'>
    >;
    for (const row of rows) {
      const paper = { year: row.year, venue: row.venue, authors: JSON.parse(row.authors), tags: JSON.parse(row.tags) };
      fields.set(row.doc, paper);
      if (this.facetFieldCache.size >= FACET_FIELDS_KEPT) this.facetFieldCache.clear();
      this.facetFieldCache.set(row.doc, paper);
    }
    return fields;
  }

  /**
   * The library listing's columns (no texts, authors and tags as stored JSON) of up to `limit`
   * papers with doc numbers above `after`, ascending: the listing reads the library in steps this way.
   */
  listingRowsAfter(after: number, limit: number): ListingRow[] {
    this.listingAfter ??= this.db.prepare(`SELECT ${LISTING_COLUMNS} FROM papers WHERE doc > ? ORDER BY doc LIMIT ?`);
    return this.listingAfter.all(after, limit) as ListingRow[];
  }

  /** The title and abstract of up to `limit` papers with doc numbers above `after`, ascending (statistics read the library in steps this way). */
  textsAfter(after: number, limit: number): Array<{ doc: number; title: string; abstract: string }> {
    this.textsAfterStatement ??= this.db.prepare(
      'SELECT doc, title, abstract FROM papers WHERE doc > ? ORDER BY doc LIMIT ?',
    );
    return this.textsAfterStatement.all(after, limit) as Array<{ doc: number; title: string; abstract: string }>;
  }

  /** The title and abstract of the given papers, in no particular order (missing docs are left out): search's phrase checks read these. */
  textsOf(docs: readonly number[]): Array<{ doc: number; title: string; abstract: string }> {
    if (docs.length === 0) return [];
    this.textsOfStatement ??= this.db.prepare(
      'SELECT doc, title, abstract FROM papers WHERE doc IN (SELECT value FROM json_each(?))',
    );
    return this.textsOfStatement.all(JSON.stringify(docs)) as Array<{ doc: number; title: string; abstract: string }>;
  }

  /** The listing's columns of the given papers, in no particular order (missing docs are left out). */
  listingRowsOf(docs: readonly number[]): ListingRow[] {
    this.listingOf ??= this.db.prepare(
      `SELECT ${LISTING_COLUMNS} FROM papers WHERE doc IN (SELECT value FROM json_each(?))`,
    );
    return this.listingOf.all(JSON.stringify(docs)) as ListingRow[];
  }

  /** Doc numbers of the papers that pass every given filter, ascending. A year filter leaves out papers without a year. */
  docsMatching(filters: PaperFilters): number[] {
    const clauses: string[] = [];
    const params: Array<string | number> = [];
    if (filters.yearFrom !== undefined) {
      clauses.push('year >= ?');
      params.push(filters.yearFrom);
    }
    if (filters.yearTo !== undefined) {
      clauses.push('year <= ?');
      params.push(filters.yearTo);
    }
    if (filters.author !== undefined) {
      const folded = likeSubstring(filters.author, fold);
      const lowered = likeSubstring(filters.author);
      // Author rows are folded; an index written before they were holds them lowercased until it is re-indexed.
      if (folded === lowered) {
        clauses.push("doc IN (SELECT doc FROM paper_authors WHERE author LIKE ? ESCAPE '\\')");
        params.push(folded);
      } else {
        clauses.push(
          "doc IN (SELECT doc FROM paper_authors WHERE author LIKE ? ESCAPE '\\' OR author LIKE ? ESCAPE '\\')",
        );
        params.push(folded, lowered);
      }
    }
    if (filters.tag !== undefined) {
      clauses.push('doc IN (SELECT doc FROM paper_tags WHERE tag = ?)');
      params.push(filters.tag.toLowerCase());
    }
    if (filters.venue !== undefined) {
      clauses.push("lower(venue) LIKE ? ESCAPE '\\'");
      params.push(likeSubstring(filters.venue));
    }
    const where = clauses.length > 0 ? ` WHERE ${clauses.join(' AND ')}` : '';
    // One statement per combination of filters (at most 48: an accented author filter has two patterns), prepared on first use.
    let statement = this.filterStatements.get(where);
    if (!statement) {
      statement = this.db.prepare(`SELECT doc FROM papers${where} ORDER BY doc`).pluck();
      this.filterStatements.set(where, statement);
    }
    return statement.all(...params) as number[];
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
  }

  getById(id: string): { doc: number; paper: Paper } | undefined {
    const row = this.byId.get(id) as PaperRow | undefined;
    return row ? { doc: row.doc, paper: rowToPaper(row) } : undefined;
  }

  getByDoc(doc: number): Paper | undefined {
    const row = this.byDoc.get(doc) as PaperRow | undefined;
    return row ? rowToPaper(row) : undefined;
  }

  vector(doc: number): Float32Array | undefined {
    const blob = this.vectorByDoc.get(doc) as Buffer | undefined;
    return blob ? blobToVector(blob) : undefined;
  }

  /** Every paper's doc number and vector, in doc order (for rebuilding the paper vector file). */
  *allVectors(): Generator<{ label: number; vector: Float32Array }> {
    for (const row of this.db.prepare('SELECT doc, vector FROM papers ORDER BY doc').iterate() as Iterable<{
      doc: number;
      vector: Buffer;
    }>) {
      yield { label: row.doc, vector: blobToVector(row.vector) };
    }
  }

  /** Every paper, in doc order. */
  *all(): Generator<{ doc: number; paper: Paper }> {
    for (const row of this.db
      .prepare(`SELECT ${PAPER_COLUMNS} FROM papers ORDER BY doc`)
      .iterate() as Iterable<PaperRow>) {
      yield { doc: row.doc, paper: rowToPaper(row) };
    }
  }

  /** Papers whose DOI matches (case-insensitive). */
  findByDoi(doi: string): Paper | undefined {
    const row = this.byDoiLower.get(doi) as PaperRow | undefined;
    return row ? rowToPaper(row) : undefined;
  }

  /** The paper with this arXiv id, ignoring case, an "arXiv:" prefix and the version on either side. */
  findByArxivId(arxivId: string): Paper | undefined {
    for (const id of arxivLookupKeys(arxivId)) {
      const row = this.byArxivId.get({ id }) as PaperRow | undefined;
      if (row) return rowToPaper(row);
    }
    return undefined;
  }
}
