import { describe, expect, it } from 'vitest';
import {
  meanMetrics,
  mrrAt,
  ndcgAt,
  percentile,
  queryMetrics,
  recallAt,
  relevantCount,
} from '../../../server/eval/metrics.ts';

// One query, judged by hand: d1 grade 3, d2 grade 2, d3 grade 0 (judged, not relevant), d4 and d5 grade 1.
const judgments = new Map([
  ['d1', 3],
  ['d2', 2],
  ['d3', 0],
  ['d4', 1],
  ['d5', 1],
]);
// The system's ranking; x is a document nobody judged (gain 0), d5 is never retrieved.
const ranking = ['d3', 'd1', 'x', 'd4', 'd2'];

describe('metrics', () => {
  it('computes nDCG@10 with linear gains and the ideal ranking of all judged relevant documents', () => {
    // DCG  = 0/log2(2) + 3/log2(3) + 0/log2(4) + 1/log2(5) + 2/log2(6)
    //      = 0 + 1.892789 + 0 + 0.430677 + 0.773706 = 3.097171
    // IDCG = grades 3, 2, 1, 1 in order: 3/log2(2) + 2/log2(3) + 1/log2(4) + 1/log2(5)
    //      = 3 + 1.261860 + 0.5 + 0.430677 = 5.192536
    // nDCG = 3.097171 / 5.192536 = 0.596466
    expect(ndcgAt(ranking, judgments, 10)).toBeCloseTo(0.596466, 6);
  });

  it('cuts nDCG at k: only the first k ranks count', () => {
    // DCG@2 = 3/log2(3) = 1.892789; IDCG@2 = 3 + 2/log2(3) = 4.261860; ratio 0.444123
    expect(ndcgAt(ranking, judgments, 2)).toBeCloseTo(0.444123, 6);
  });

  it('computes recall as the relevant documents retrieved within k over all relevant documents', () => {
    // Relevant (grade > 0): d1, d2, d4, d5. Retrieved in the top 100: d1, d4, d2 → 3 / 4.
    expect(recallAt(ranking, judgments, 100)).toBe(0.75);
    // In the top 3 only d1 → 1 / 4.
    expect(recallAt(ranking, judgments, 3)).toBe(0.25);
    expect(relevantCount(judgments)).toBe(4);
  });

  it('computes the reciprocal rank of the first relevant document within k', () => {
    // d3 at rank 1 has grade 0, so the first relevant document is d1 at rank 2 → 1/2.
    expect(mrrAt(ranking, judgments, 10)).toBe(0.5);
    expect(mrrAt(ranking, judgments, 1)).toBe(0);
    const late = [...Array.from({ length: 10 }, (_, i) => `n${i}`), 'd1'];
    expect(mrrAt(late, judgments, 10)).toBe(0);
  });

  it('scores a query with no relevant document as 0 on every metric', () => {
    const none = new Map([['d3', 0]]);
    expect(queryMetrics(ranking, none)).toEqual({ ndcg10: 0, recall100: 0, mrr10: 0 });
  });

  it('counts a document listed twice once', () => {
    // With the duplicate skipped, d4 keeps rank 4 and d2 rank 5: the same DCG as the plain ranking.
    expect(ndcgAt(['d3', 'd1', 'd1', 'x', 'd4', 'd2'], judgments, 10)).toBeCloseTo(0.596466, 6);
  });

  it('averages each metric over queries', () => {
    const mean = meanMetrics([
      { ndcg10: 1, recall100: 0.5, mrr10: 1 },
      { ndcg10: 0, recall100: 1, mrr10: 0.5 },
    ]);
    expect(mean).toEqual({ ndcg10: 0.5, recall100: 0.75, mrr10: 0.75 });
    expect(meanMetrics([])).toEqual({ ndcg10: 0, recall100: 0, mrr10: 0 });
  });

  it('takes percentiles by the nearest-rank method', () => {
    // Sorted: 1 2 3 4 5. p50 → rank ceil(2.5) = 3 → 3; p95 → rank ceil(4.75) = 5 → 5; p20 → rank 1 → 1.
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 20)).toBe(1);
    expect(percentile([], 50)).toBe(0);
  });
});
