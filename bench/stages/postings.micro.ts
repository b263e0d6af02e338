// Standalone timing of the SQLite keyword index against FTS5 on a synthetic Zipf corpus: build and flush
// time, peak memory, a 1% incremental flush, and bm25 top-10 latency.
// Run: node --import tsx bench/stages/postings.micro.ts [docs=100000] [termsPerDoc=150] [vocabulary=50000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createSeededRandom, type SeededRandom, zipfSampler } from '../../core/seeded-random.ts';
import type { Db } from '../../indexer/store/database.ts';
import { POSTINGS_SCHEMA, PostingsReader, PostingsWriter } from '../../indexer/store/keyword/index.ts';
import { latencyStats } from '../measure/latency.ts';

const [docs = 100_000, termsPerDoc = 150, vocabulary = 50_000] = process.argv.slice(2).map(Number);
const QUERIES = 300;
const QUERY_TERMS = 5;
const LIMIT = 10;
const FTS_SCHEMA = `CREATE VIRTUAL TABLE papers_fts USING fts5(title, body, content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 0', columnsize=1);`;

// Alphabetic names, so FTS5's unicode61 tokenizer keeps each one whole.
const names = Array.from({ length: vocabulary }, (_, rank) => {
  let name = '';
  for (let n = rank; ; n = Math.floor(n / 26) - 1) {
    name = String.fromCharCode(97 + (n % 26)) + name;
    if (n < 26) break;
  }
  return `t${name}`;
});
const zipfRank = zipfSampler(vocabulary);
const zipfTerm = (random: SeededRandom): string => names[zipfRank(random)]!;

// Each doc's terms depend only on its number, so a removed doc's terms are regenerated rather than kept.
function paper(doc: number): { title: string[]; body: string[] } {
  const random = createSeededRandom(doc * 2654435761);
  const titleLength = 6 + Math.floor(random.uniform() * 8);
  const bodyLength = Math.max(0, Math.round(termsPerDoc - titleLength + (random.uniform() - 0.5) * 60));
  return {
    title: Array.from({ length: titleLength }, () => zipfTerm(random)),
    body: Array.from({ length: bodyLength }, () => zipfTerm(random)),
  };
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function tuned(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
  return db;
}

function openForRead(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  return db;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-postings-micro-'));
try {
  console.log(`${docs} docs, ~${termsPerDoc} terms each, Zipf vocabulary ${vocabulary}, ${os.cpus()[0]?.model}`);
  // Generating the terms is timed alone first, so the build times below can be read without it.
  let start = performance.now();
  let distinct = 0;
  for (let doc = 1; doc <= docs; doc++) {
    const { title, body } = paper(doc);
    if (doc <= 1000) distinct += new Set([...title, ...body]).size;
  }
  const generateMs = performance.now() - start;
  console.log(
    `generating the terms alone: ${seconds(generateMs)}; ${(distinct / 1000).toFixed(0)} distinct terms per doc`,
  );

  // Postings: add every paper, then one flush, in one transaction.
  const postingsFile = path.join(dir, 'postings.db');
  const db = tuned(postingsFile);
  db.exec(POSTINGS_SCHEMA);
  const writer = new PostingsWriter(db);
  const rssBefore = peakRss();
  start = performance.now();
  db.exec('BEGIN');
  for (let doc = 1; doc <= docs; doc++) {
    const { title, body } = paper(doc);
    writer.add(doc, title, body);
  }
  const addMs = performance.now() - start;
  start = performance.now();
  writer.flush();
  db.exec('COMMIT');
  const flushMs = performance.now() - start;
  const postingsPeak = peakRss();
  const { postings, pairs } = db.prepare('SELECT count(*) AS postings, sum(df) AS pairs FROM postings').get() as {
    postings: number;
    pairs: number;
  };
  console.log(
    `postings build: add ${seconds(addMs)} (${seconds(addMs - generateMs)} without generating), flush ${seconds(flushMs)}; ` +
      `${postings} terms, ${pairs} postings; peak RSS ${megabytes(postingsPeak)} (before build ${megabytes(rssBefore)})`,
  );

  // A 1% change: remove 1% of the papers and add as many new ones.
  const random = createSeededRandom(7);
  const removed = new Set<number>();
  while (removed.size < docs / 100) removed.add(1 + Math.floor(random.uniform() * docs));
  start = performance.now();
  db.exec('BEGIN');
  for (const doc of removed) {
    const { title, body } = paper(doc);
    writer.remove(doc, title, body);
  }
  for (let doc = docs + 1; doc <= docs + removed.size; doc++) {
    const { title, body } = paper(doc);
    writer.add(doc, title, body);
  }
  const changeMs = performance.now() - start;
  start = performance.now();
  writer.flush();
  db.exec('COMMIT');
  console.log(
    `1% change (${removed.size} removed, ${removed.size} added): add/remove ${seconds(changeMs)}, flush ${seconds(performance.now() - start)}`,
  );
  db.close();

  // FTS5 over the same final corpus, for comparison.
  const ftsFile = path.join(dir, 'fts.db');
  const fts = tuned(ftsFile);
  fts.exec(FTS_SCHEMA);
  const insert = fts.prepare('INSERT INTO papers_fts (rowid, title, body) VALUES (?, ?, ?)');
  start = performance.now();
  fts.exec('BEGIN');
  for (let doc = 1; doc <= docs + removed.size; doc++) {
    if (removed.has(doc)) continue;
    const { title, body } = paper(doc);
    insert.run(doc, title.join(' '), body.join(' '));
  }
  fts.exec('COMMIT');
  const ftsMs = performance.now() - start;
  console.log(`FTS5 build: ${seconds(ftsMs)} (${seconds(ftsMs - generateMs)} without generating)`);
  fts.close();
  console.log(
    `file sizes: postings ${megabytes(fs.statSync(postingsFile).size)}, FTS5 ${megabytes(fs.statSync(ftsFile).size)}`,
  );

  const readDb = openForRead(postingsFile);
  const reader = new PostingsReader(readDb);
  const uncached = new PostingsReader(readDb, { cacheBytes: 0 });
  const ftsRead = openForRead(ftsFile);
  const ftsQuery = ftsRead.prepare(
    'SELECT rowid AS label, -bm25(papers_fts, 1.0, 1.0) AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY bm25(papers_fts, 1.0, 1.0), rowid LIMIT ?',
  );
  start = performance.now();
  reader.bm25([names[0]!], 1);
  uncached.bm25([names[0]!], 1);
  console.log(`first query (reads every doc length): ${(performance.now() - start).toFixed(1)} ms`);

  const zipfQueries = (terms: number) =>
    Array.from({ length: QUERIES }, () => Array.from({ length: terms }, () => zipfTerm(random)));
  const querySets: Array<[string, string[][]]> = [
    [`${QUERY_TERMS} Zipf-drawn terms`, zipfQueries(QUERY_TERMS)],
    ['8 Zipf-drawn terms', zipfQueries(8)],
    [
      `${QUERY_TERMS} terms of rank 100–10,000`,
      Array.from({ length: QUERIES }, () =>
        Array.from({ length: QUERY_TERMS }, () => names[100 + Math.floor(random.uniform() * 9900)]!),
      ),
    ],
  ];
  const stats = (samples: number[]) => {
    const { p50Ms, p95Ms } = latencyStats(samples);
    return `p50 ${p50Ms.toFixed(2)} ms, p95 ${p95Ms.toFixed(2)} ms`;
  };
  const match = (terms: string[]) => terms.map((t) => `"${t}"`).join(' OR ');
  const runs: Array<[string, (terms: string[]) => unknown]> = [
    ['postings', (terms) => reader.bm25(terms, LIMIT)],
    ['postings without cache', (terms) => uncached.bm25(terms, LIMIT)],
    ['FTS5', (terms) => ftsQuery.all(match(terms), LIMIT)],
  ];
  for (const [label, queries] of querySets) {
    // Each engine is timed in its own loop after a warm-up, so one does not evict the other's caches.
    const timings = runs.map(([engine, run]) => {
      for (const terms of queries.slice(0, 30)) run(terms);
      const samples = queries.map((terms) => {
        const t0 = performance.now();
        run(terms);
        return performance.now() - t0;
      });
      return `${engine} ${stats(samples)}`;
    });
    const differing = queries.filter(
      (terms) => JSON.stringify(reader.bm25(terms, LIMIT)) !== JSON.stringify(ftsQuery.all(match(terms), LIMIT)),
    ).length;
    console.log(
      `${label}, top ${LIMIT}: ${timings.join('; ')}; hit lists not identical to FTS5's: ${differing}/${queries.length}`,
    );
  }
  console.log(`posting cache: ${JSON.stringify(reader.cacheUsage())}`);
  console.log(`peak RSS at the end: ${megabytes(peakRss())}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
