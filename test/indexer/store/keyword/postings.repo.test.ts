import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../core/errors.ts';
import { createSeededRandom, type SeededRandom, zipfSampler } from '../../../../core/seeded-random.ts';
import type { Db } from '../../../../indexer/store/database.ts';
import {
  type KeywordHit,
  POSTINGS_SCHEMA,
  PostingsReader,
  PostingsWriter,
} from '../../../../indexer/store/keyword/postings.repo.ts';
import { tempDir } from '../../../support/temp-dir.ts';

const FTS_SCHEMA = `CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 0', columnsize=1);`;

type Doc = { title: string[]; body: string[] };
type Corpus = Map<number, Doc>;

// Alphabetic names, so unicode61 keeps each generated term as one token.
function termName(rank: number): string {
  let name = '';
  let n = rank;
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `w${name}`;
}

/** Draws term names with probability ∝ 1 / (rank + 1) over a vocabulary. */
function zipf(random: SeededRandom, vocabulary: number): () => string {
  const rank = zipfSampler(vocabulary);
  return () => termName(rank(random));
}

function generateDoc(random: SeededRandom, draw: () => string): Doc {
  const titleLength = 2 + Math.floor(random.uniform() * 10);
  const bodyLength = Math.floor(random.uniform() * 70);
  return {
    title: Array.from({ length: titleLength }, draw),
    body: Array.from({ length: bodyLength }, draw),
  };
}

function generateCorpus(seed: number, docs: number, vocabulary = 800): Corpus {
  const random = createSeededRandom(seed);
  const draw = zipf(random, vocabulary);
  const corpus: Corpus = new Map();
  for (let doc = 1; doc <= docs; doc++) corpus.set(doc, generateDoc(random, draw));
  return corpus;
}

function openDb(dir: string, name = 'index.db'): Db {
  const db = new Database(path.join(dir, name));
  db.exec(POSTINGS_SCHEMA);
  db.exec(FTS_SCHEMA);
  return db;
}

/** Applies adds and removes to both the postings and the FTS5 oracle in one transaction. */
function apply(db: Db, writer: PostingsWriter, adds: Corpus, removes: Corpus): void {
  const insert = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM fts WHERE rowid = ?');
  db.transaction(() => {
    for (const [doc, { title, body }] of removes) {
      writer.remove(doc, title, body);
      remove.run(doc);
    }
    for (const [doc, { title, body }] of adds) {
      writer.add(doc, title, body);
      insert.run(doc, title.join(' '), body.join(' '));
    }
    writer.flush();
  })();
}

/** A fresh in-memory FTS5 table of the corpus. */
function ftsOf(corpus: Corpus): Db {
  const db = new Database(':memory:');
  db.exec(FTS_SCHEMA);
  const insert = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [doc, { title, body }] of corpus) insert.run(doc, title.join(' '), body.join(' '));
  })();
  return db;
}

function build(db: Db, corpus: Corpus): void {
  apply(db, new PostingsWriter(db), corpus, new Map());
}

/** Every FTS5 match of the OR query with its negated bm25, best first, ties by rowid. */
function ftsRanking(db: Db, terms: readonly string[], titleWeight: number, allowedDocs?: number[]): KeywordHit[] {
  const phrases = terms.filter((term) => term.length > 0);
  if (phrases.length === 0) return [];
  const match = phrases.map((term) => `"${term}"`).join(' OR ');
  const filter = allowedDocs ? ' AND rowid IN (SELECT value FROM json_each(?))' : '';
  const params: unknown[] = [titleWeight, match];
  if (allowedDocs) params.push(JSON.stringify(allowedDocs));
  const hits = db
    .prepare(`SELECT rowid AS label, -bm25(fts, ?, 1.0) AS score FROM fts WHERE fts MATCH ?${filter}`)
    .all(...params) as KeywordHit[];
  return hits.sort((a, b) => b.score - a.score || a.label - b.label);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/**
 * Our top-k equals the oracle's: same length, each score within 1e-9 relative of the oracle's score at that
 * rank and of the oracle's score for that doc, and the same doc wherever the oracle's score is not a near-tie.
 */
function expectSameTopK(ours: KeywordHit[], oracle: KeywordHit[], limit: number, where: string): void {
  const problems: string[] = [];
  const expectedHits = Math.min(limit, oracle.length);
  if (ours.length !== expectedHits) problems.push(`${ours.length} hits, not ${expectedHits}`);
  if (new Set(ours.map((hit) => hit.label)).size !== ours.length) problems.push('a doc appears twice');
  const oracleScore = new Map(oracle.map((hit) => [hit.label, hit.score]));
  ours.forEach((hit, rank) => {
    const expected = oracle[rank];
    if (!expected) return;
    if (!close(hit.score, expected.score)) problems.push(`rank ${rank} scores ${hit.score}, not ${expected.score}`);
    const own = oracleScore.get(hit.label);
    if (own === undefined || !close(hit.score, own)) problems.push(`doc ${hit.label} scores ${hit.score}, not ${own}`);
    const before = oracle[rank - 1];
    const after = oracle[rank + 1];
    const nearTie =
      (before !== undefined && close(before.score, expected.score)) ||
      (after !== undefined && close(after.score, expected.score));
    if (!nearTie && hit.label !== expected.label)
      problems.push(`rank ${rank} is doc ${hit.label}, not ${expected.label}`);
  });
  expect(problems.slice(0, 5), where).toEqual([]);
}

type Query = { terms: string[]; titleWeight: number; limit: number };

function randomQueries(seed: number, count: number, vocabulary = 800): Query[] {
  const random = createSeededRandom(seed);
  const draw = zipf(random, vocabulary);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.uniform() * items.length)]!;
  return Array.from({ length: count }, () => {
    const terms: string[] = [];
    const length = 1 + Math.floor(random.uniform() * 8);
    for (let i = 0; i < length; i++) {
      const kind = random.uniform();
      if (kind < 0.5) terms.push(draw());
      else if (kind < 0.8) terms.push(termName(Math.floor(random.uniform() * vocabulary)));
      else if (kind < 0.9 && terms.length > 0) terms.push(pick(terms));
      else if (kind < 0.95) terms.push('wunknownterm');
      else terms.push('');
    }
    return { terms, titleWeight: pick([1, 2, 0.7]), limit: pick([1, 10, 37, 100_000]) };
  });
}

function expectQueriesMatchFts(db: Db, reader: PostingsReader, queries: Query[], label: string): void {
  for (const [i, { terms, titleWeight, limit }] of queries.entries()) {
    const where = `${label} query ${i} [${terms.join(',')}] weight ${titleWeight} limit ${limit}`;
    expectSameTopK(reader.bm25(terms, limit, { titleWeight }), ftsRanking(db, terms, titleWeight), limit, where);
  }
}

function randomDocsOf(corpus: Corpus, random: SeededRandom, count: number): number[] {
  const docs = [...corpus.keys()];
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, docs.length)) chosen.add(docs[Math.floor(random.uniform() * docs.length)]!);
  return [...chosen];
}

function postingsTables(db: Db) {
  return {
    postings: db.prepare('SELECT term, df, hex(docs) AS docs, hex(tf) AS tf FROM postings ORDER BY term').all(),
    docs: db.prepare('SELECT doc, length FROM postings_docs ORDER BY doc').all(),
  };
}

function expectAppError(run: () => unknown, code: string, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error(`expected an AppError ${code} matching ${message}, but nothing was thrown`);
}

describe('postings.repo', () => {
  it('ranks and scores random queries as FTS5 bm25 does, with title weights, repeats and unknown terms', () => {
    const db = openDb(tempDir());
    build(db, generateCorpus(1, 3000));
    expectQueriesMatchFts(db, new PostingsReader(db), randomQueries(2, 300), 'built');
  });

  it('counts a term asked twice twice', () => {
    const db = openDb(tempDir());
    build(db, generateCorpus(3, 500));
    const reader = new PostingsReader(db);
    const once = reader.bm25(['wb', 'wc'], 5);
    const twice = reader.bm25(['wb', 'wc', 'wb'], 5);
    expect(twice).not.toEqual(once);
    expectSameTopK(twice, ftsRanking(db, ['wb', 'wc', 'wb'], 1), 5, 'repeated term');
  });

  it('keeps only allowed docs while scoring against the whole index', () => {
    const db = openDb(tempDir());
    const corpus = generateCorpus(4, 2000);
    build(db, corpus);
    const reader = new PostingsReader(db);
    const random = createSeededRandom(5);
    for (const [i, { terms, titleWeight, limit }] of randomQueries(6, 60).entries()) {
      const allowed = [...randomDocsOf(corpus, random, 300), 999_999, 0];
      const hits = reader.bm25(terms, limit, { titleWeight, allowedDocs: allowed });
      expect(hits.every((hit) => allowed.includes(hit.label))).toBe(true);
      expectSameTopK(hits, ftsRanking(db, terms, titleWeight, allowed), limit, `allowed query ${i}`);
    }
    expect(reader.bm25(['wa', 'wb'], 10, { allowedDocs: [] })).toEqual([]);
    // The mask is cleared after each query: an unrestricted query sees every doc again.
    expectSameTopK(reader.bm25(['wa', 'wb'], 50), ftsRanking(db, ['wa', 'wb'], 1), 50, 'after allowed');
  });

  it('breaks exact score ties by doc ascending', () => {
    const db = openDb(tempDir());
    const same = { title: ['wx', 'wy'], body: ['wz', 'wx', 'wq'] };
    const corpus: Corpus = new Map([
      [9, same],
      [3, same],
      [7, { title: ['wq'], body: ['wr', 'ws', 'wt'] }],
      [5, same],
    ]);
    build(db, corpus);
    const hits = new PostingsReader(db).bm25(['wx', 'wz'], 10);
    expect(hits.map((hit) => hit.label)).toEqual([3, 5, 9]);
    expect(new Set(hits.map((hit) => hit.score)).size).toBe(1);
    expect(hits.map((hit) => hit.label)).toEqual(ftsRanking(db, ['wx', 'wz'], 1).map((hit) => hit.label));
  });

  it('keeps the lowest docs of a tie larger than the limit', () => {
    const db = openDb(tempDir());
    const corpus: Corpus = new Map();
    for (let doc = 40; doc >= 1; doc--) corpus.set(doc, { title: ['wx'], body: ['wy', 'wz'] });
    corpus.set(41, { title: ['wq'], body: ['wr'] });
    build(db, corpus);
    const reader = new PostingsReader(db);
    expect(reader.bm25(['wx'], 5).map((hit) => hit.label)).toEqual([1, 2, 3, 4, 5]);
    expect(reader.bm25(['wx'], 5, { allowedDocs: [33, 7, 12, 40, 9, 21] }).map((hit) => hit.label)).toEqual([
      7, 9, 12, 21, 33,
    ]);
  });

  it('finds a doc that overtakes the leader only through a common term read after pruning', () => {
    const db = openDb(tempDir());
    const random = createSeededRandom(22);
    const corpus: Corpus = new Map();
    const filler = () => Array.from({ length: 10 }, () => termName(Math.floor(random.uniform() * 200)));
    // Doc 1 leads on the rare term; doc 2 is one token longer (so a little behind) but also has the common term.
    corpus.set(1, { title: ['wrare'], body: filler() });
    corpus.set(2, { title: ['wrare'], body: [...filler(), 'wcommon'] });
    for (let doc = 3; doc <= 1000; doc++)
      corpus.set(doc, { title: [], body: [...filler(), ...(doc % 3 ? [] : ['wcommon'])] });
    build(db, corpus);
    const hits = new PostingsReader(db).bm25(['wrare', 'wcommon'], 1);
    expect(hits.map((hit) => hit.label)).toEqual([2]);
    expectSameTopK(hits, ftsRanking(db, ['wrare', 'wcommon'], 1), 1, 'overtaking doc');
  });

  it('scores term counts beyond one and two bytes exactly', () => {
    const db = openDb(tempDir());
    const corpus = generateCorpus(7, 200, 50);
    corpus.set(201, { title: Array(300).fill('walpha'), body: Array(70_000).fill('wbeta') });
    corpus.set(202, { title: ['wbeta'], body: Array(1000).fill('walpha') });
    corpus.set(203, { title: Array(130).fill('wgamma'), body: Array(200).fill('wgamma') });
    build(db, corpus);
    const reader = new PostingsReader(db);
    for (const terms of [['walpha'], ['wbeta'], ['wgamma'], ['walpha', 'wbeta', 'wgamma', 'wa']]) {
      for (const titleWeight of [1, 2, 0.7]) {
        expectSameTopK(reader.bm25(terms, 10, { titleWeight }), ftsRanking(db, terms, titleWeight), 10, `${terms}`);
      }
    }
    const tfBytes = db.prepare('SELECT length(tf) FROM postings WHERE term = ?').pluck();
    expect(tfBytes.get('wbeta')).toBe(2 * 2 * 4);
    expect(tfBytes.get('walpha')).toBe(2 * 2 * 2);
  });

  it('counts a paper without terms in N and the average length, as FTS5 does', () => {
    const db = openDb(tempDir());
    const corpus = generateCorpus(23, 50, 40);
    for (let doc = 51; doc <= 80; doc++) corpus.set(doc, { title: [], body: [] });
    build(db, corpus);
    const reader = new PostingsReader(db);
    expect(reader.count()).toBe(80);
    for (const { terms, titleWeight, limit } of randomQueries(24, 40, 40)) {
      expectSameTopK(reader.bm25(terms, limit, { titleWeight }), ftsRanking(db, terms, titleWeight), limit, 'empty');
    }
  });

  it('updates incrementally over three flushes to equal a fresh build, FTS5 over the same docs and its matches after the same deletes', () => {
    const dir = tempDir();
    const db = openDb(dir);
    const random = createSeededRandom(8);
    const draw = zipf(random, 800);
    const corpus = generateCorpus(9, 2000);
    const writer = new PostingsWriter(db);
    apply(db, writer, corpus, new Map());
    let nextDoc = 2001;
    for (let flush = 2; flush <= 3; flush++) {
      const removes: Corpus = new Map();
      const adds: Corpus = new Map();
      for (const doc of randomDocsOf(corpus, random, 150)) removes.set(doc, corpus.get(doc)!);
      // Changed papers come back under new doc numbers, as the indexer does.
      for (const doc of randomDocsOf(corpus, random, 100)) {
        if (removes.has(doc)) continue;
        removes.set(doc, corpus.get(doc)!);
        adds.set(nextDoc++, generateDoc(random, draw));
      }
      for (let i = 0; i < 120; i++) adds.set(nextDoc++, generateDoc(random, draw));
      apply(db, writer, adds, removes);
      for (const doc of removes.keys()) corpus.delete(doc);
      for (const [doc, paper] of adds) corpus.set(doc, paper);

      const reader = new PostingsReader(db);
      const queries = randomQueries(10 + flush, 80);
      // FTS5 with contentless_delete=1 never lowers its row and token totals on DELETE, so its bm25 after
      // deletes uses N and avgdl of every row ever inserted; the scores are checked against FTS5 over the
      // surviving rows, and the matching rows against the table that had the same deletes.
      const oracle = ftsOf(corpus);
      expectQueriesMatchFts(oracle, reader, queries, `flush ${flush}`);
      oracle.close();
      for (const [i, { terms }] of queries.entries()) {
        const matches = reader.bm25(terms, 100_000).map((hit) => hit.label);
        const deleted = ftsRanking(db, terms, 1).map((hit) => hit.label);
        expect(
          matches.sort((a, b) => a - b),
          `flush ${flush} query ${i} matches`,
        ).toEqual(deleted.sort((a, b) => a - b));
      }
      expect(reader.count()).toBe(corpus.size);
    }

    const fresh = openDb(dir, 'fresh.db');
    // Added in shuffled order: the posting lists must still come out sorted.
    const shuffled = [...corpus.entries()].sort(() => random.uniform() - 0.5);
    build(fresh, new Map(shuffled));
    expect(postingsTables(db)).toEqual(postingsTables(fresh));
    const reader = new PostingsReader(db);
    const freshReader = new PostingsReader(fresh);
    for (const { terms, titleWeight, limit } of randomQueries(20, 100)) {
      expect(reader.bm25(terms, limit, { titleWeight })).toEqual(freshReader.bm25(terms, limit, { titleWeight }));
    }
  });

  it('replaces a doc removed and added again, and drops a doc added and removed, before one flush', () => {
    const db = openDb(tempDir());
    const writer = new PostingsWriter(db);
    writer.add(1, ['wa'], ['wb', 'wb']);
    writer.add(2, ['wa'], ['wc']);
    writer.flush();
    writer.remove(1, ['wa'], ['wb', 'wb']);
    writer.add(1, ['wd'], ['wa']);
    writer.add(3, ['wb'], []);
    writer.remove(3, ['wb'], []);
    writer.flush();
    expect(postingsTables(db).docs).toEqual([
      { doc: 1, length: 2 },
      { doc: 2, length: 2 },
    ]);
    const reader = new PostingsReader(db);
    expect(reader.documentFrequency('wb')).toBe(0);
    expect(reader.documentFrequency('wa')).toBe(2);
    expect(reader.documentFrequency('wd')).toBe(1);
    expect(reader.count()).toBe(2);
  });

  it('rewrites only the terms a small change touches', () => {
    const db = openDb(tempDir());
    const corpus = generateCorpus(11, 2000, 5000);
    const writer = new PostingsWriter(db);
    db.transaction(() => {
      for (const [doc, { title, body }] of corpus) writer.add(doc, title, body);
      writer.flush();
    })();
    const removed = corpus.get(17)!;
    const added = { title: ['wnewterm'], body: [...removed.body.slice(0, 3), 'wanothernew'] };
    const touchedTerms = new Set([...removed.title, ...removed.body, ...added.title, ...added.body]);
    const changes = db.prepare('SELECT total_changes()').pluck();
    const before = changes.get() as number;
    db.transaction(() => {
      writer.remove(17, removed.title, removed.body);
      writer.add(2001, added.title, added.body);
      writer.flush();
    })();
    // One row per touched term, plus the removed and the added doc's length rows.
    expect((changes.get() as number) - before).toBe(touchedTerms.size + 2);
    expect(db.prepare('SELECT count(*) FROM postings').pluck().get()).toBeGreaterThan(10 * touchedTerms.size);
  });

  it('writes the same tables when a flush groups its additions in many small passes', () => {
    const dir = tempDir();
    const corpus = generateCorpus(17, 800);
    const removes: Corpus = new Map([...corpus].filter(([doc]) => doc % 7 === 0));
    const adds = generateCorpus(18, 300);
    const tables = (passPostings?: number) => {
      const db = openDb(dir, `passes-${passPostings}.db`);
      const writer = new PostingsWriter(db, passPostings === undefined ? {} : { passPostings });
      apply(db, writer, corpus, new Map());
      apply(db, writer, new Map([...adds].map(([doc, paper]) => [doc + 800, paper])), removes);
      return postingsTables(db);
    };
    const onePass = tables();
    expect(onePass.postings.length).toBeGreaterThan(100);
    expect(tables(50)).toEqual(onePass);
    expect(tables(1)).toEqual(onePass);
  });

  it('ranks the same with the posting cache off, evicting, or holding every list', () => {
    const db = openDb(tempDir());
    build(db, generateCorpus(19, 4000, 400));
    const queries = randomQueries(21, 120, 400);
    const readers = [0, 30_000, 64 * 2 ** 20].map((cacheBytes) => new PostingsReader(db, { cacheBytes }));
    for (const [i, { terms, titleWeight, limit }] of queries.entries()) {
      const [uncached, evicting, cached] = readers.map((reader) => reader.bm25(terms, limit, { titleWeight }));
      expect(evicting, `query ${i}`).toEqual(uncached);
      expect(cached, `query ${i}`).toEqual(uncached);
    }
    expectQueriesMatchFts(db, readers[1]!, queries, 'evicting cache');
    const [none, small, large] = readers.map((reader) => reader.cacheUsage());
    expect(none).toEqual({ lists: 0, bytes: 0 });
    expect(small!.bytes).toBeLessThanOrEqual(30_000);
    // A cached list has at least 1024 docs at 6 bytes each.
    expect(small!.lists).toBeLessThanOrEqual(Math.floor(30_000 / (1024 * 6)));
    expect(small!.lists).toBeGreaterThan(0);
    expect(large!.lists).toBeGreaterThan(small!.lists);
  });

  it('reports document frequency, one term at a time or every term at once, and count after removals', () => {
    const db = openDb(tempDir());
    const corpus = generateCorpus(12, 1000, 300);
    const writer = new PostingsWriter(db);
    apply(db, writer, corpus, new Map());
    const removes: Corpus = new Map();
    for (const doc of randomDocsOf(corpus, createSeededRandom(13), 250)) removes.set(doc, corpus.get(doc)!);
    apply(db, writer, new Map(), removes);
    for (const doc of removes.keys()) corpus.delete(doc);
    const reader = new PostingsReader(db);
    expect(reader.count()).toBe(750);
    for (let rank = 0; rank < 300; rank++) {
      const term = termName(rank);
      const expected = [...corpus.values()].filter((d) => d.title.includes(term) || d.body.includes(term)).length;
      expect(reader.documentFrequency(term), term).toBe(expected);
    }
    expect(reader.documentFrequency('wunknownterm')).toBe(0);
    // All at once: every term some paper holds, none that no paper holds any more.
    const all = reader.documentFrequencies();
    const held = [...corpus.values()].flatMap((d) => [...d.title, ...d.body]);
    expect([...all.keys()].sort()).toEqual([...new Set(held)].sort());
    for (const [term, df] of all) expect(df, term).toBe(reader.documentFrequency(term));
  });

  it('returns no hits for limit 0, no terms, only empty or unknown terms, or an empty index', () => {
    const db = openDb(tempDir());
    const empty = new PostingsReader(db);
    expect(empty.count()).toBe(0);
    expect(empty.bm25(['wa'], 10)).toEqual([]);
    build(db, generateCorpus(14, 100));
    const reader = new PostingsReader(db);
    expect(reader.bm25(['wa', 'wb'], 0)).toEqual([]);
    expect(reader.bm25([], 10)).toEqual([]);
    expect(reader.bm25(['', ''], 10)).toEqual([]);
    expect(reader.bm25(['wunknownterm'], 10)).toEqual([]);
    expect(reader.bm25(['wa'], 10)).toHaveLength(10);
  });

  it('answers the same from a reader on the reopened read-only database', () => {
    const dir = tempDir();
    const db = openDb(dir);
    build(db, generateCorpus(15, 1500));
    const queries = randomQueries(16, 60);
    const before = queries.map(({ terms, titleWeight, limit }) =>
      new PostingsReader(db).bm25(terms, limit, { titleWeight }),
    );
    db.close();
    const reopened = new Database(path.join(dir, 'index.db'), { readonly: true, fileMustExist: true });
    const reader = new PostingsReader(reopened);
    expect(reader.count()).toBe(1500);
    expect(queries.map(({ terms, titleWeight, limit }) => reader.bm25(terms, limit, { titleWeight }))).toEqual(before);
    expectQueriesMatchFts(reopened, reader, queries, 'reopened');
    reopened.close();
  });

  it('refuses bad doc numbers, double adds, unknown removals and removals with other terms', () => {
    const db = openDb(tempDir());
    const writer = new PostingsWriter(db);
    expectAppError(() => writer.add(0, ['wa'], []), 'INVALID_INPUT', /doc must be an integer.*got 0/);
    expectAppError(() => writer.add(1.5, ['wa'], []), 'INVALID_INPUT', /got 1\.5/);
    writer.add(1, ['wa'], ['wb']);
    expectAppError(() => writer.add(1, ['wa'], []), 'INTERNAL', /doc 1 was already added/);
    writer.flush();

    writer.remove(42, ['wa'], []);
    expectAppError(
      () => db.transaction(() => writer.flush())(),
      'INDEX_CORRUPT',
      /cannot remove doc 42: it does not hold it/,
    );

    const other = new PostingsWriter(db);
    other.remove(1, ['wa'], ['wc']);
    expectAppError(() => db.transaction(() => other.flush())(), 'INDEX_CORRUPT', /remove doc 1 from term "wc"/);

    const third = new PostingsWriter(db);
    third.remove(1, ['wa'], []);
    expectAppError(
      () => db.transaction(() => third.flush())(),
      'INDEX_CORRUPT',
      /holds doc 1 with 2 terms, but it was removed with 1/,
    );

    const fourth = new PostingsWriter(db);
    fourth.add(1, ['wz'], []);
    expectAppError(
      () => db.transaction(() => fourth.flush())(),
      'INDEX_CORRUPT',
      /cannot add doc 1: it already holds it/,
    );

    const reader = new PostingsReader(db);
    expectAppError(() => reader.bm25(['wa'], -1), 'INVALID_INPUT', /limit must be a non-negative integer/);
    expectAppError(() => reader.bm25(['wa'], 5, { titleWeight: Number.NaN }), 'INVALID_INPUT', /titleWeight/);
  });
});
