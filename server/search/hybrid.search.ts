// Hybrid ranking: BM25 and dense retrieval fused with a dense weight set per query by how far the
// two agree, the dense side anchored to BM25's evidence by Rocchio feedback.
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import { agreement, fuseScores, rocchio } from './fuse.ts';
import { keywordRanking } from './keyword.search.ts';
import type { AnalyzedQuery } from './query.ts';
import type { RankedDoc } from './ranking.ts';
import { denseRanking, isZeroVector } from './semantic.search.ts';

/**
 * The weight rule's three numbers were chosen by nDCG@10 on Cranfield, CISI and SciFact (train) and
 * checked by 5-fold cross-validation by query and by leaving each collection out (README, "Evaluation").
 */
export const HYBRID_DEFAULTS = {
  /** Papers taken from each side, and the window each side's scores are normalized over. */
  window: 100,
  /** BM25's best papers whose vectors move the dense query (weighted by BM25 score). */
  feedbackDocs: 5,
  /** Rocchio β: how far the dense query moves toward the feedback centroid. */
  feedbackWeight: 1,
  /** Depth at which the agreement of the two rankings is measured. */
  agreementDepth: 20,
  /** Rank whose score a side's top score is compared with to tell how sure that side is (its peak). */
  peakDepth: 10,
  /** Dense weight when both sides are equally sure and agree half as much as they can. */
  bias: 0.7,
  /** How fast the dense weight follows the dense side's share of the two peaks. */
  peakSlope: 2,
  /** How much agreement of the two rankings (beyond 0.5) adds to the dense weight. */
  agreementSlope: 0.2,
} satisfies Record<string, number>;

export type HybridRanking = {
  ranked: RankedDoc[];
  /** The dense share of each score for this query, in [0, 1]. */
  denseWeight: number;
  /** The best cosine of the query vector itself (not moved by feedback) among the allowed papers: semantic search's top score, 0 for none. */
  semanticBest: number;
};

/** The evidence a query's dense weight is read from, each 0–1. */
export type FusionEvidence = {
  /** How peaked BM25's scores are: (s₁ − s₁₀) / s₁. A query whose words pick out a few papers is sure of them. */
  keywordPeak: number;
  /** The same for the cosines of plain dense retrieval. */
  densePeak: number;
  /** Chance-corrected overlap of the two rankings' tops (fuse.ts agreement). */
  agreement: number;
  /** Share of the query's term weight the embedder knows (1 for embedders that read any text). */
  coverage: number;
};

/** (s₁ − s_d) / s₁ over a best-first list: 0 when flat (or empty), near 1 when one paper stands out. */
export function peakOf(list: readonly RankedDoc[], depth: number): number {
  const top = list[0]?.score ?? 0;
  if (!(top > 0) || list.length < 2) return 0;
  const at = list[Math.min(depth, list.length) - 1]!.score;
  return Math.min(1, Math.max(0, (top - at) / top));
}

/**
 * The dense weight of one query: coverage × clamp(bias + slope·(share − ½) + agreementSlope·(agreement − ½)),
 * where share = densePeak / (densePeak + keywordPeak) says which side is surer of its top papers.
 * A claim whose words single out one abstract (SciFact) leans on BM25; a verbose question whose words
 * are spread over many papers (Cranfield) leans on meaning; words the embedder never saw lean on BM25.
 */
export function denseWeightOf(evidence: FusionEvidence, opts: typeof HYBRID_DEFAULTS = HYBRID_DEFAULTS): number {
  const peaks = evidence.densePeak + evidence.keywordPeak;
  const share = peaks > 0 ? evidence.densePeak / peaks : 0.5;
  const raw = opts.bias + opts.peakSlope * (share - 0.5) + opts.agreementSlope * (evidence.agreement - 0.5);
  return evidence.coverage * Math.min(1, Math.max(0, raw));
}

/**
 * The best papers for a query by hybrid fusion (at least `depth`, and at least the normalization window).
 *
 * 1. BM25 ranks papers; plain dense retrieval ranks papers. 2. The dense weight is read from the two
 * rankings and the embedder (denseWeightOf). 3. The dense query moves toward the BM25-score-weighted
 * centroid of BM25's top papers (Rocchio), so dense retrieval looks for more papers like the ones the
 * words found. 4. Scores are min–max normalized and combined convexly, so they always lie in 0–1.
 * With no BM25 match the ranking is dense alone; with a query vector of zeros it is BM25 alone (normalized).
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
  if (keyword.length === 0) {
    const dense = denseRanking(reader, queryVector, window, allowed, ef);
    const ranked = dense.map(({ doc, score }) => ({ doc, score: Math.max(0, score) }));
    return { ranked, denseWeight: 1, semanticBest: dense[0]?.score ?? 0 };
  }
  if (isZeroVector(queryVector)) {
    return { ranked: fuseScores(keyword, [], new Map(), 0, opts.window), denseWeight: 0, semanticBest: 0 };
  }

  // In a small library the top 20 is half of it and says little; agreement is read at the top tenth.
  const population = allowed ? allowed.docs.length : reader.manifest.papers;
  const depthOfAgreement = Math.min(opts.agreementDepth, Math.max(3, Math.floor(population / 10)));
  const plainDense = denseRanking(reader, queryVector, Math.max(depthOfAgreement, opts.peakDepth), allowed, ef);
  const semanticBest = plainDense[0]?.score ?? 0;
  const denseWeight = denseWeightOf({
    keywordPeak: peakOf(keyword, opts.peakDepth),
    densePeak: peakOf(plainDense, opts.peakDepth),
    agreement: agreement(keyword, plainDense, depthOfAgreement, population),
    coverage: reader.embedder.coverage?.(query.text) ?? 1,
  });
  if (denseWeight === 0) {
    return { ranked: fuseScores(keyword, [], new Map(), 0, opts.window), denseWeight, semanticBest };
  }

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
  return { ranked: fuseScores(keyword, dense, exact, denseWeight, opts.window), denseWeight, semanticBest };
}
