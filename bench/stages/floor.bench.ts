// The floor Citelens adds its work to: raw hnswlib-node k-NN on the published paper graph and a
// bare FTS5 BM25 query on the same papers (a table built here), with no embedding, fusion, passages
// or hydration; beside it, the bare query on Citelens' own postings, checked to rank as FTS5 does.
import path from 'node:path';
import Database from 'better-sqlite3';
import hnswlib from 'hnswlib-node';
import { type IndexReader, terms } from '../../indexer/index.ts';
import { FILES } from '../../indexer/store/generations.ts';
import { HNSW_DEFAULTS } from '../../indexer/vectors/hnsw.vector-index.ts';
import { buildFts5Table } from '../floor/fts5-table.ts';
import { type LatencyStats, latencyStats } from '../measure/latency.ts';
import { maxScoreDifference, type ScoredDoc, sameRanking } from '../measure/ranking-agreement.ts';

/** The postings' top k against FTS5's on every timed query. */
export type RankingAgreement = {
  queries: number;
  /** Docs in FTS5's top-k lists, over every query (so 0 differing is not just empty lists). */
  hits: number;
  /** Queries whose ordered top-k doc lists differ beyond exact score ties (0 when postings rank as FTS5). */
  differing: number;
  /** Largest |score difference| of a doc both lists hold, over every query. */
  maxScoreDifference: number;
};

export type FloorResult = {
  k: number;
  ef: number;
  /** searchKnn alone, on a query vector computed beforehand. */
  hnsw: LatencyStats;
  /** `SELECT … WHERE papers_fts MATCH ? ORDER BY rank LIMIT k` alone, on the table built here. */
  fts: LatencyStats;
  /** `reader.postings.bm25(terms, k)` alone: the keyword index Citelens reads. */
  postings: LatencyStats;
  /** HNSW then FTS5, per query: the floor of a hybrid query. */
  combined: LatencyStats;
  /** HNSW then the postings, per query. */
  combinedPostings: LatencyStats;
  /** The builtin embedder's query embedding alone. */
  embedQuery: LatencyStats;
  /** Seconds to build the FTS5 table (reading and analyzing the papers included). */
  ftsBuildSeconds: number;
  agreement: RankingAgreement;
};

type PreparedQuery = { vector: number[]; unique: string[]; match: string };

/** Times raw hnswlib, bare FTS5 and bare postings over the same papers the reader serves. */
export async function benchFloor(reader: IndexReader, queries: readonly string[], k = 10): Promise<FloorResult> {
  const dims = reader.manifest.embedder.dimensions;
  const graph = new hnswlib.HierarchicalNSW('ip', dims);
  graph.readIndexSync(path.join(reader.generationDir, FILES.papers), true);
  graph.setEf(HNSW_DEFAULTS.ef);

  const embedSamples: number[] = [];
  const prepared: PreparedQuery[] = [];
  for (const query of queries) {
    const start = performance.now();
    const vector = await reader.embedQuery(query);
    embedSamples.push(performance.now() - start);
    const unique = [...new Set(terms(query))];
    if (unique.length === 0) continue;
    prepared.push({ vector: Array.from(vector), unique, match: unique.map((t) => `"${t}"`).join(' OR ') });
  }

  const table = buildFts5Table(reader);
  try {
    const db = new Database(table.file, { readonly: true, fileMustExist: true });
    try {
      // The same read tuning the product's reader uses, so the floor is not slowed by a colder cache.
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 268435456');
      const bm25 = db.prepare(
        'SELECT rowid, bm25(papers_fts) AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank LIMIT ?',
      );
      const ftsTopK = (match: string): ScoredDoc[] =>
        (bm25.all(match, k) as Array<{ rowid: number; score: number }>).map((row) => ({
          doc: row.rowid,
          score: -row.score,
        }));
      const postingsTopK = (unique: readonly string[]): ScoredDoc[] =>
        reader.postings.bm25(unique, k).map((hit) => ({ doc: hit.label, score: hit.score }));

      // Warm every path before timing, as the product is timed after a warm-up too.
      for (const { vector, unique, match } of prepared.slice(0, 20)) {
        graph.searchKnn(vector, k);
        ftsTopK(match);
        postingsTopK(unique);
      }
      const hnswSamples: number[] = [];
      const ftsSamples: number[] = [];
      const postingsSamples: number[] = [];
      const agreement: RankingAgreement = { queries: 0, hits: 0, differing: 0, maxScoreDifference: 0 };
      prepared.forEach(({ vector, unique, match }, i) => {
        const t0 = performance.now();
        graph.searchKnn(vector, k);
        hnswSamples.push(performance.now() - t0);
        // Alternate which keyword structure goes first, so neither always follows the other's cache misses.
        let fts: ScoredDoc[] = [];
        let postings: ScoredDoc[] = [];
        const timeFts = () => {
          const start = performance.now();
          fts = ftsTopK(match);
          ftsSamples.push(performance.now() - start);
        };
        const timePostings = () => {
          const start = performance.now();
          postings = postingsTopK(unique);
          postingsSamples.push(performance.now() - start);
        };
        if (i % 2 === 0) {
          timeFts();
          timePostings();
        } else {
          timePostings();
          timeFts();
        }
        agreement.queries++;
        agreement.hits += fts.length;
        if (!sameRanking(fts, postings, k)) agreement.differing++;
        agreement.maxScoreDifference = Math.max(agreement.maxScoreDifference, maxScoreDifference(fts, postings));
      });
      return {
        k,
        ef: HNSW_DEFAULTS.ef,
        hnsw: latencyStats(hnswSamples),
        fts: latencyStats(ftsSamples),
        postings: latencyStats(postingsSamples),
        combined: latencyStats(hnswSamples.map((ms, i) => ms + ftsSamples[i]!)),
        combinedPostings: latencyStats(hnswSamples.map((ms, i) => ms + postingsSamples[i]!)),
        embedQuery: latencyStats(embedSamples),
        ftsBuildSeconds: table.buildSeconds,
        agreement,
      };
    } finally {
      db.close();
    }
  } finally {
    table.remove();
  }
}
