// Hybrid ranking: BM25 and dense retrieval fused with a dense weight set per query by how far the
// two agree, the dense side anchored to BM25's evidence by Rocchio feedback.
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import { agreement, fuseScores, rocchio } from './fuse.ts';
import { keywordRanking } from './keyword.search.ts';
import type { AnalyzedQuery } from './query.ts';
import type { RankedDoc } from './ranking.ts';
import { denseRanking, isZeroVector } from './semantic.search.ts';

/** Chosen by nDCG@10 on Cranfield and CISI, and checked on held-out SciFact claims (see server/eval). */
export const HYBRID_DEFAULTS = {
  /** Papers taken from each side, and the window each side's scores are normalized over. */
  window: 100,
  /** BM25's best papers whose vectors move the dense query (weighted by BM25 score). */
  feedbackDocs: 5,
  /** Rocchio β: how far the dense query moves toward the feedback centroid. */
  feedbackWeight: 1,
  /** Depth at which the agreement of the two rankings is measured. */
  agreementDepth: 20,
  /** Dense weight when the two rankings agree completely at the top. */
  maxDenseWeight: 0.8,
} satisfies Record<string, number>;

export type HybridRanking = {
  ranked: RankedDoc[];
  /** The dense share of each score for this query, in [0, maxDenseWeight]. */
  denseWeight: number;
};

/**
 * The best papers for a query by hybrid fusion (at least `depth`, and at least the normalization window).
 *
 * 1. BM25 ranks papers. 2. The dense query moves toward the BM25-score-weighted centroid of BM25's
 * top papers (Rocchio), so dense retrieval looks for more papers like the ones the words found.
 * 3. The dense weight is maxDenseWeight × the share of BM25's top 20 that plain dense retrieval also
 * puts in its top 20: a query the embedder does not understand gets a weight near 0 and keeps BM25's
 * ranking instead of being dragged down. 4. Scores are min–max normalized and combined convexly.
 * With no BM25 match the ranking is dense alone; with a query vector of zeros it is BM25 alone.
 */
export function hybridRanking(
  reader: IndexReader,
  query: AnalyzedQuery,
  queryVector: Float32Array,
  depth: number,
  allowed?: AllowedDocs,
  ef?: number,
): HybridRanking {
  const opts = HYBRID_DEFAULTS;
  const window = Math.max(opts.window, depth);
  const keyword = keywordRanking(reader, query.terms, window, allowed);
  // No query term matched: meaning is all there is to go on.
  if (keyword.length === 0) return { ranked: denseRanking(reader, queryVector, window, allowed, ef), denseWeight: 1 };
  if (isZeroVector(queryVector)) return { ranked: keyword, denseWeight: 0 };

  // In a small library the top 20 is half of it and says little; agreement is read at the top tenth.
  const population = allowed ? allowed.docs.length : reader.manifest.papers;
  const depthOfAgreement = Math.min(opts.agreementDepth, Math.max(3, Math.floor(population / 10)));
  const plainDense = denseRanking(reader, queryVector, depthOfAgreement, allowed, ef);
  const denseWeight = opts.maxDenseWeight * agreement(keyword, plainDense, depthOfAgreement, population);
  if (denseWeight === 0) return { ranked: keyword, denseWeight };

  const keywordVectors = reader.paperVectorsOf(keyword.map((r) => r.doc));
  const feedback = keyword.slice(0, opts.feedbackDocs).flatMap((r) => {
    const vector = keywordVectors.get(r.doc);
    return vector ? [{ vector, weight: r.score }] : [];
  });
  const moved = rocchio(queryVector, feedback, opts.feedbackWeight);
  const dense = denseRanking(reader, moved, window, allowed, ef);
  const exact = new Map<number, number>();
  for (const [doc, vector] of keywordVectors) {
    let sum = 0;
    for (let i = 0; i < vector.length; i++) sum += vector[i]! * moved[i]!;
    exact.set(doc, sum);
  }
  return { ranked: fuseScores(keyword, dense, exact, denseWeight, opts.window), denseWeight };
}
