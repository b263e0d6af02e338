// ANN quality: recall@10 of the HNSW paper graph (the index's only graph) against exact brute-force
// search over the same vectors, at the default ef and along a latency–recall curve of ef values.
import type { IndexReader } from '../../indexer/index.ts';
import { HNSW_DEFAULTS } from '../../indexer/vectors/hnsw.vector-index.ts';
import type { VectorHit } from '../../indexer/vectors/vector-index.ts';
import { type LatencyStats, latencyStats } from '../measure/latency.ts';

export type EfPoint = { ef: number; recallAt10: number; latency: LatencyStats };

/** One HNSW graph against exact search over the same vectors. */
export type GraphRecall = {
  vectors: number;
  /** At the default ef. */
  recallAt10: number;
  curve: EfPoint[];
  exactLatency: LatencyStats;
};

export type AnnResult = {
  defaultEf: number;
  queries: number;
  /** The paper graph: the one semantic and hybrid search walk. */
  papers: GraphRecall;
};

/** Every vector of one kind in one matrix (row i has label labels[i]), for exact search. */
export type VectorMatrix = { labels: Int32Array; data: Float32Array; dimensions: number };

export function loadMatrix(
  rows: Iterable<{ label: number; vector: Float32Array }>,
  count: number,
  dimensions: number,
): VectorMatrix {
  const labels = new Int32Array(count);
  const data = new Float32Array(count * dimensions);
  let i = 0;
  for (const { label, vector } of rows) {
    if (i === count) break;
    labels[i] = label;
    data.set(vector, i * dimensions);
    i++;
  }
  return { labels: labels.subarray(0, i), data: data.subarray(0, i * dimensions), dimensions };
}

/** Exact top-k labels by inner product (cosine on unit vectors). */
export function exactTopK(matrix: VectorMatrix, query: Float32Array, k: number): number[] {
  const { labels, data, dimensions } = matrix;
  const topScores = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  const topRows = new Int32Array(k).fill(-1);
  for (let row = 0; row < labels.length; row++) {
    const offset = row * dimensions;
    let score = 0;
    for (let d = 0; d < dimensions; d++) score += data[offset + d]! * query[d]!;
    if (score <= topScores[k - 1]!) continue;
    let j = k - 1;
    while (j > 0 && topScores[j - 1]! < score) {
      topScores[j] = topScores[j - 1]!;
      topRows[j] = topRows[j - 1]!;
      j--;
    }
    topScores[j] = score;
    topRows[j] = row;
  }
  return [...topRows].filter((row) => row >= 0).map((row) => labels[row]!);
}

function recall(found: readonly VectorHit[], exact: readonly number[]): number {
  if (exact.length === 0) return 1;
  const truth = new Set(exact);
  let hits = 0;
  for (const hit of found) if (truth.has(hit.label)) hits++;
  return hits / exact.length;
}

function graphRecall(
  matrix: VectorMatrix,
  vectors: readonly Float32Array[],
  efs: readonly number[],
  search: (vector: Float32Array, k: number, ef: number) => VectorHit[],
): GraphRecall {
  const k = 10;
  const exactSamples: number[] = [];
  const truth = vectors.map((vector) => {
    const start = performance.now();
    const top = exactTopK(matrix, vector, k);
    exactSamples.push(performance.now() - start);
    return top;
  });
  const curve: EfPoint[] = [];
  for (const ef of [...new Set([...efs, HNSW_DEFAULTS.ef])].sort((a, b) => a - b)) {
    const samples: number[] = [];
    let total = 0;
    vectors.forEach((vector, i) => {
      const start = performance.now();
      const hits = search(vector, k, ef);
      samples.push(performance.now() - start);
      total += recall(hits, truth[i]!);
    });
    curve.push({ ef, recallAt10: vectors.length > 0 ? total / vectors.length : 1, latency: latencyStats(samples) });
  }
  return {
    vectors: matrix.labels.length,
    recallAt10: curve.find((point) => point.ef === HNSW_DEFAULTS.ef)!.recallAt10,
    curve,
    exactLatency: latencyStats(exactSamples),
  };
}

/** Recall@10 and latency of the paper graph against exact search, for each ef in `efs` (plus the default). */
export async function benchAnn(
  reader: IndexReader,
  queries: readonly string[],
  efs: readonly number[],
): Promise<AnnResult> {
  const dims = reader.manifest.embedder.dimensions;
  const vectors: Float32Array[] = [];
  for (const query of queries) {
    const vector = await reader.embedQuery(query);
    // A query with no known word embeds as zeros; every vector ties, so recall means nothing there.
    if (vector.some((x) => x !== 0)) vectors.push(vector);
  }
  const papers = graphRecall(
    loadMatrix(reader.papers.allVectors(), reader.manifest.papers, dims),
    vectors,
    efs,
    (vector, k, ef) => reader.searchPapersDense(vector, k, { ef }),
  );
  return { defaultEf: HNSW_DEFAULTS.ef, queries: vectors.length, papers };
}
