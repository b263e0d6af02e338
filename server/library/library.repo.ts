// SQL for the library listing: a filtered, sorted page of papers and facet counts over the same
// filter, read through its own read-only connection to a generation's database.
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { type Db, openDatabaseForRead } from '../../indexer/store/database.ts';
import { FILES } from '../../indexer/store/generations.ts';
import {
  type FacetCount,
  LIBRARY_LIMITS,
  type LibraryFacets,
  type LibraryQuery,
  type LibraryRow,
} from './library.schema.ts';

type Row = {
  id: string;
  title: string;
  authors: string;
  year: number | null;
  venue: string | null;
  tags: string;
  doi: string | null;
  url: string | null;
  arxiv_id: string | null;
};

// NULL years and venues sort last whichever way the table is ordered.
const ORDER_BY: Record<LibraryQuery['sort'], (direction: string) => string> = {
  title: (d) => `title COLLATE NOCASE ${d}, doc`,
  year: (d) => `year IS NULL, year ${d}, title COLLATE NOCASE, doc`,
  venue: (d) => `venue IS NULL, venue COLLATE NOCASE ${d}, title COLLATE NOCASE, doc`,
  authors: (d) => `authors COLLATE NOCASE ${d}, title COLLATE NOCASE, doc`,
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The WHERE clause (over `papers`) and its parameters for the query's filters. */
export function filterClause(query: LibraryQuery): { where: string; params: Array<string | number> } {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  if (query.year_from !== undefined) {
    clauses.push('year >= ?');
    params.push(query.year_from);
  }
  if (query.year_to !== undefined) {
    clauses.push('year <= ?');
    params.push(query.year_to);
  }
  if (query.author !== undefined) {
    clauses.push('doc IN (SELECT doc FROM paper_authors WHERE author = ? COLLATE NOCASE)');
    params.push(query.author);
  }
  if (query.tag !== undefined) {
    clauses.push('doc IN (SELECT doc FROM paper_tags WHERE tag = ? COLLATE NOCASE)');
    params.push(query.tag);
  }
  if (query.venue !== undefined) {
    clauses.push('venue = ? COLLATE NOCASE');
    params.push(query.venue);
  }
  for (const word of query.text?.split(/\s+/).filter(Boolean) ?? []) {
    clauses.push("(title LIKE ? ESCAPE '\\' OR authors LIKE ? ESCAPE '\\')");
    params.push(`%${escapeLike(word)}%`, `%${escapeLike(word)}%`);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Reads pages and facets of one generation's papers. */
export class LibraryRepo {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(private readonly db: Db) {}

  /** Opens the database of the generation in `generationDir` read-only. */
  static open(generationDir: string): LibraryRepo {
    return new LibraryRepo(openDatabaseForRead(path.join(generationDir, FILES.db)));
  }

  private prepared(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  count(query: LibraryQuery): number {
    const { where, params } = filterClause(query);
    return this.prepared(`SELECT COUNT(*) FROM papers ${where}`)
      .pluck()
      .get(...params) as number;
  }

  page(query: LibraryQuery): LibraryRow[] {
    const { where, params } = filterClause(query);
    const order = ORDER_BY[query.sort](query.order === 'desc' ? 'DESC' : 'ASC');
    const rows = this.prepared(
      `SELECT id, title, authors, year, venue, tags, doi, url, arxiv_id FROM papers ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ).all(...params, query.limit, query.offset) as Row[];
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      authors: JSON.parse(row.authors),
      year: row.year,
      venue: row.venue,
      tags: JSON.parse(row.tags),
      doi: row.doi,
      url: row.url,
      arxivId: row.arxiv_id,
    }));
  }

  facets(query: LibraryQuery): LibraryFacets {
    const { where, params } = filterClause(query);
    const max = LIBRARY_LIMITS.maxFacetValues;
    const matching = `SELECT doc FROM papers ${where}`;
    const counts = (sql: string) => this.prepared(sql).all(...params, max) as FacetCount[];
    return {
      year: counts(
        `SELECT CAST(year AS TEXT) AS value, COUNT(*) AS count FROM papers ${where} ${where ? 'AND' : 'WHERE'} year IS NOT NULL
         GROUP BY year ORDER BY year DESC LIMIT ?`,
      ),
      tag: counts(
        `SELECT tag AS value, COUNT(*) AS count FROM paper_tags WHERE doc IN (${matching})
         GROUP BY tag ORDER BY count DESC, tag LIMIT ?`,
      ),
      // paper_authors holds names lowercased for matching; the names as written come from the paper rows.
      author: counts(
        `SELECT MIN(name.value) AS value, COUNT(DISTINCT papers.doc) AS count FROM papers, json_each(papers.authors) AS name
         ${where} GROUP BY lower(name.value) ORDER BY count DESC, lower(name.value) LIMIT ?`,
      ),
      venue: counts(
        `SELECT venue AS value, COUNT(*) AS count FROM papers ${where} ${where ? 'AND' : 'WHERE'} venue IS NOT NULL
         GROUP BY venue ORDER BY count DESC, venue LIMIT ?`,
      ),
    };
  }

  close(): void {
    this.db.close();
  }
}
