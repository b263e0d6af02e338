// Semantic ranking: papers nearest to a query vector by cosine, through the HNSW graph of paper
// vectors (each the mean of its passages' vectors), or by an exact scan when a filter leaves few papers.
import type { IndexReader } from '../../indexer/index.ts';
import { dot } from '../../indexer/vectors/vector-codec.ts';
import type { AllowedDocs } from './filters.ts';
import { byScore, type RankedDoc } from './ranking.ts';

export const SEMANTIC_DEFAULTS = {
  /** A filter leaving at most this many papers is searched exactly: cheaper than a sparse walk of the graph. */
  exactScanMax: 2_000,
} satisfies Record<string, number>;

/** Whether a vector carries any direction (a query of unknown words embeds as all zeros). */
export function isZeroVector(vector: Float32Array): boolean {
  for (let i = 0; i < vector.length; i++) if (vector[i] !== 0) return false;
  return true;
}

/** Cosine of the vector with each of the given papers (unit vectors, so a dot product). */
export function cosines(reader: IndexReader, vector: Float32Array, docs: readonly number[]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const [doc, paperVector] of reader.paperVectorsOf(docs)) scores.set(doc, dot(vector, paperVector));
  return scores;
}

/**
 * The `depth` papers nearest to the vector. `ef` is the HNSW breadth (the index default when
 * undefined; the vector index raises it to at least `depth`). A zero vector ranks nothing.
 */
export function denseRanking(
  reader: IndexReader,
  vector: Float32Array,
  depth: number,
  allowed?: AllowedDocs,
  ef?: number,
): RankedDoc[] {
  if (depth <= 0 || isZeroVector(vector) || allowed?.docs.length === 0) return [];
  if (allowed && allowed.docs.length <= SEMANTIC_DEFAULTS.exactScanMax) {
    const ranked = [...cosines(reader, vector, allowed.docs)].map(([doc, score]) => ({ doc, score }));
    return ranked.sort(byScore).slice(0, depth);
  }
  const hits = reader.searchPapersDense(vector, depth, {
    ...(ef === undefined ? {} : { ef }),
    ...(allowed ? { filter: (label: number) => allowed.set.has(label) } : {}),
  });
  return hits.map((hit) => ({ doc: hit.label, score: hit.score })).sort(byScore);
}
