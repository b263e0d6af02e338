// Ranking metrics computed the way trec_eval does: nDCG@k with linear graded gains, Recall@k and
// MRR@k, where a document is relevant when its judged grade is above zero.

/** Judged grades of one query's documents: doc id → grade (0 or less = not relevant). */
export type Judgments = ReadonlyMap<string, number>;

/** The metrics of one ranked list. */
export type QueryMetrics = { ndcg10: number; recall100: number; mrr10: number };

function gainOf(judgments: Judgments, doc: string): number {
  const grade = judgments.get(doc) ?? 0;
  return Math.max(grade, 0);
}

/** Number of relevant (grade > 0) documents in the judgments. */
export function relevantCount(judgments: Judgments): number {
  let count = 0;
  for (const grade of judgments.values()) if (grade > 0) count++;
  return count;
}

/**
 * nDCG@k as trec_eval's ndcg_cut: DCG = Σ gain_i / log2(i + 1) over ranks i = 1..k, with the gain the
 * judged grade; the ideal DCG ranks all judged relevant documents by grade. 0 when nothing is relevant.
 */
export function ndcgAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  let dcg = 0;
  const seen = new Set<string>();
  let rank = 0;
  for (const doc of ranking) {
    if (rank >= k) break;
    // A document listed twice counts once, as trec_eval reads one score per document.
    if (seen.has(doc)) continue;
    seen.add(doc);
    rank++;
    dcg += gainOf(judgments, doc) / Math.log2(rank + 1);
  }
  const ideal = [...judgments.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += ideal[i]! / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}

/** Recall@k: relevant documents in the top k over all relevant documents (0 when none are relevant). */
export function recallAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  const total = relevantCount(judgments);
  if (total === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  let found = 0;
  for (const doc of top) if (gainOf(judgments, doc) > 0) found++;
  return found / total;
}

/** Reciprocal rank of the first relevant document within the top k, else 0. */
export function mrrAt(ranking: readonly string[], judgments: Judgments, k: number): number {
  for (let i = 0; i < Math.min(k, ranking.length); i++) {
    if (gainOf(judgments, ranking[i]!) > 0) return 1 / (i + 1);
  }
  return 0;
}

/** nDCG@10, Recall@100 and MRR@10 of one ranked list. */
export function queryMetrics(ranking: readonly string[], judgments: Judgments): QueryMetrics {
  return {
    ndcg10: ndcgAt(ranking, judgments, 10),
    recall100: recallAt(ranking, judgments, 100),
    mrr10: mrrAt(ranking, judgments, 10),
  };
}

/** The mean of each metric over queries (zeros for no queries). */
export function meanMetrics(perQuery: readonly QueryMetrics[]): QueryMetrics {
  const n = perQuery.length;
  if (n === 0) return { ndcg10: 0, recall100: 0, mrr10: 0 };
  const sum = { ndcg10: 0, recall100: 0, mrr10: 0 };
  for (const m of perQuery) {
    sum.ndcg10 += m.ndcg10;
    sum.recall100 += m.recall100;
    sum.mrr10 += m.mrr10;
  }
  return { ndcg10: sum.ndcg10 / n, recall100: sum.recall100 / n, mrr10: sum.mrr10 / n };
}

/** The p-th percentile (0–100) of some values by the nearest-rank method; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}
