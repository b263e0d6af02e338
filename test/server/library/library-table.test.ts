// The listing table must list, count and facet exactly as the SQL it replaced: that SQL (over the
// same generation's database) is the oracle here, on a library with every awkward case: ties,
// case variants, missing years and venues, shared authors spelled differently, wildcards in titles.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentGeneration, type IndexReader, openIndex } from '../../../indexer/index.ts';
import { type Db, openDatabaseForRead } from '../../../indexer/store/database.ts';
import { FILES } from '../../../indexer/store/generations.ts';
import { LIBRARY_LIMITS, type LibraryQuery, listLibrary, zLibraryQuery } from '../../../server/library/index.ts';
import { buildIndex } from '../../support/sample-index.ts';
import { writeJsonl } from '../../support/synthetic-papers.ts';
import { tempDir } from '../../support/temp-dir.ts';

const TITLES = ['alpha', 'Alpha', 'beta 100% sure', 'Beta_two', 'gamma', 'Zeta', 'éclair', 'delta'];
const AUTHORS = ['Ada Lovelace', 'ada lovelace', 'Alan Turing', 'Grace Hopper', 'Émile Borel', 'Kurt Gödel'];
const VENUES = ['ICLR', 'iclr', 'NeurIPS', null];
const TAGS = ['LLM', 'llm', 'rag', 'Systems'];

/** 90 papers cycling through the awkward values at different periods, so combinations vary. */
const PAPERS = Array.from({ length: 90 }, (_, i) => ({
  id: `p${i}`,
  title: `${TITLES[i % TITLES.length]} ${i % 5 === 0 ? 'study' : 'notes'}`,
  abstract: `An abstract ${i}.`,
  authors: [AUTHORS[i % AUTHORS.length]!, ...(i % 4 === 0 ? [AUTHORS[(i + 1) % AUTHORS.length]!] : [])],
  year: i % 7 === 0 ? null : 2015 + (i % 6),
  venue: VENUES[i % VENUES.length],
  tags: i % 3 === 0 ? [] : [TAGS[i % TAGS.length]!, TAGS[(i + 1) % TAGS.length]!],
}));

// The listing's SQL before the table, kept as the oracle.
const ORDER_BY: Record<LibraryQuery['sort'], (direction: string) => string> = {
  title: (d) => `title COLLATE NOCASE ${d}, doc`,
  year: (d) => `year IS NULL, year ${d}, title COLLATE NOCASE, doc`,
  venue: (d) => `venue IS NULL, venue COLLATE NOCASE ${d}, title COLLATE NOCASE, doc`,
  authors: (d) => `authors COLLATE NOCASE ${d}, title COLLATE NOCASE, doc`,
};

function sqlFilter(query: LibraryQuery): { where: string; params: Array<string | number> } {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  const add = (clause: string, ...values: Array<string | number>) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (query.year_from !== undefined) add('year >= ?', query.year_from);
  if (query.year_to !== undefined) add('year <= ?', query.year_to);
  if (query.author !== undefined)
    add('doc IN (SELECT doc FROM paper_authors WHERE author = ? COLLATE NOCASE)', query.author.toLowerCase());
  if (query.tag !== undefined) add('doc IN (SELECT doc FROM paper_tags WHERE tag = ? COLLATE NOCASE)', query.tag);
  if (query.venue !== undefined) add('venue = ? COLLATE NOCASE', query.venue);
  for (const word of query.text?.split(/\s+/).filter(Boolean) ?? []) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add("(title LIKE ? ESCAPE '\\' OR authors LIKE ? ESCAPE '\\')", like, like);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function oracle(db: Db, query: LibraryQuery) {
  const { where, params } = sqlFilter(query);
  const max = LIBRARY_LIMITS.maxFacetValues;
  const and = where ? 'AND' : 'WHERE';
  const facet = (sql: string) => db.prepare(sql).all(...params, max);
  return {
    total: db
      .prepare(`SELECT COUNT(*) FROM papers ${where}`)
      .pluck()
      .get(...params),
    ids: db
      .prepare(
        `SELECT id FROM papers ${where} ORDER BY ${ORDER_BY[query.sort](query.order.toUpperCase())} LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(...params, query.limit, query.offset),
    facets: {
      year: facet(
        `SELECT CAST(year AS TEXT) AS value, COUNT(*) AS count FROM papers ${where} ${and} year IS NOT NULL GROUP BY year ORDER BY year DESC LIMIT ?`,
      ),
      tag: facet(
        `SELECT tag AS value, COUNT(*) AS count FROM paper_tags WHERE doc IN (SELECT doc FROM papers ${where}) GROUP BY tag ORDER BY count DESC, tag LIMIT ?`,
      ),
      author: facet(
        `SELECT MIN(name.value) AS value, COUNT(DISTINCT papers.doc) AS count FROM papers, json_each(papers.authors) AS name ${where} GROUP BY lower(name.value) ORDER BY count DESC, lower(name.value) LIMIT ?`,
      ),
      venue: facet(
        `SELECT venue AS value, COUNT(*) AS count FROM papers ${where} ${and} venue IS NOT NULL GROUP BY venue ORDER BY count DESC, venue LIMIT ?`,
      ),
    },
  };
}

let reader: IndexReader;
let db: Db;
beforeAll(async () => {
  const { dir } = await buildIndex([writeJsonl(tempDir(), 'papers.jsonl', PAPERS)]);
  reader = await openIndex(dir, { offline: true });
  db = openDatabaseForRead(path.join(currentGeneration(dir)!.dir, FILES.db));
});
afterAll(() => {
  reader.close();
  db.close();
});

const FILTERS: Array<Record<string, string | number>> = [
  {},
  { year_from: 2017 },
  { year_from: 2016, year_to: 2018 },
  { author: 'ADA LOVELACE' },
  { author: 'alan turing', tag: 'llm' },
  { tag: 'Systems' },
  { venue: 'iclr' },
  { text: 'alpha' },
  { text: 'ALPHA study' },
  { text: '100%' },
  { text: '_' },
  { text: 'lovelace', year_to: 2019 },
  { venue: 'NeurIPS', text: 'notes' },
  { author: 'nobody' },
];

describe('the library listing table', () => {
  it('lists, counts and facets as the SQL it replaced, for every sort, order, filter and page', async () => {
    let compared = 0;
    for (const filter of FILTERS) {
      for (const sort of ['title', 'year', 'venue', 'authors'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          for (const [offset, limit] of [
            [0, 100],
            [7, 11],
          ] as const) {
            const query = zLibraryQuery.parse({ ...filter, sort, order, offset, limit });
            const page = await listLibrary(reader, query);
            const expected = oracle(db, query);
            const label = JSON.stringify(query);
            expect(
              page.papers.map((paper) => paper.id),
              label,
            ).toEqual(expected.ids);
            expect(page.total, label).toBe(expected.total);
            expect(page.facets, label).toEqual(expected.facets);
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(FILTERS.length * 16);
  });

  it('returns each row as stored, tags and authors as written', async () => {
    const [first] = (await listLibrary(reader, zLibraryQuery.parse({ author: 'kurt gödel', limit: 1 }))).papers;
    const paper = PAPERS.find((p) => p.id === first!.id)!;
    expect(first).toEqual({
      id: paper.id,
      title: paper.title,
      authors: paper.authors,
      year: paper.year,
      venue: paper.venue,
      tags: paper.tags,
      doi: null,
      url: null,
      arxivId: null,
    });
  });
});
