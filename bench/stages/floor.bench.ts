// The floor Citelens adds its work to: raw hnswlib-node k-NN on the published paper graph and a
// bare FTS5 BM25 query on the paper table of the same SQLite file (the two structures hybrid
// search reads), with no embedding, fusion, passages or hydration.
import path from 'node:path';
import Database from 'better-sqlite3';
import hnswlib from 'hnswlib-node';
import { type IndexReader, terms } from '../../indexer/index.ts';
import { FILES } from '../../indexer/store/generations.ts';
import { HNSW_DEFAULTS } from '../../indexer/vectors/hnsw.vector-index.ts';
import { type LatencyStats, latencyStats } from '../measure/latency.ts';

export type FloorResult = {
  k: number;
  ef: number;
  /** searchKnn alone, on a query vector computed beforehand. */
  hnsw: LatencyStats;
  /** `SELECT … WHERE papers_fts MATCH ? ORDER BY rank LIMIT k` alone. */
  fts: LatencyStats;
  /** Both, one after the other, per query: the floor of a hybrid query. */
  combined: LatencyStats;
  /** The builtin embedder's query embedding alone. */
  embedQuery: LatencyStats;
};

/** Times raw hnswlib and bare FTS5 over the same generation files the reader serves. */
export async function benchFloor(reader: IndexReader, queries: readonly string[], k = 10): Promise<FloorResult> {
  const dims = reader.manifest.embedder.dimensions;
  const graph = new hnswlib.HierarchicalNSW('ip', dims);
  graph.readIndexSync(path.join(reader.generationDir, FILES.papers), true);
  graph.setEf(HNSW_DEFAULTS.ef);
  const db = new Database(path.join(reader.generationDir, FILES.db), { readonly: true, fileMustExist: true });
  // The same read tuning the product's reader uses, so the floor is not slowed by a colder cache.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  const bm25 = db.prepare(
    'SELECT rowid, bm25(papers_fts) AS score FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank LIMIT ?',
  );

  const embedSamples: number[] = [];
  const prepared: Array<{ vector: number[]; match: string }> = [];
  for (const query of queries) {
    const start = performance.now();
    const vector = await reader.embedQuery(query);
    embedSamples.push(performance.now() - start);
    const unique = [...new Set(terms(query))];
    if (unique.length === 0) continue;
    prepared.push({ vector: Array.from(vector), match: unique.map((t) => `"${t}"`).join(' OR ') });
  }

  // Warm both paths before timing, as the product is timed after a warm-up too.
  for (const { vector, match } of prepared.slice(0, 20)) {
    graph.searchKnn(vector, k);
    bm25.all(match, k);
  }
  const hnswSamples: number[] = [];
  const ftsSamples: number[] = [];
  const combinedSamples: number[] = [];
  for (const { vector, match } of prepared) {
    const t0 = performance.now();
    graph.searchKnn(vector, k);
    const t1 = performance.now();
    bm25.all(match, k);
    const t2 = performance.now();
    hnswSamples.push(t1 - t0);
    ftsSamples.push(t2 - t1);
    combinedSamples.push(t2 - t0);
  }
  db.close();
  return {
    k,
    ef: HNSW_DEFAULTS.ef,
    hnsw: latencyStats(hnswSamples),
    fts: latencyStats(ftsSamples),
    combined: latencyStats(combinedSamples),
    embedQuery: latencyStats(embedSamples),
  };
}
