// What the fusion-study scripts share: nDCG@10 as trec_eval computes it, min–max normalization as
// fuse.ts applies it, and the best fixed dense weight of a set of rows with the line through those
// weights against the libraries' explained shares.
export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const sd = (xs) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
export const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
/** Dense weights are tried in steps of 1/STEPS; each row holds its nDCG@10 at every step (byWeight). */
export const STEPS = 40;

export function ndcg(ranking, judgments, k = 10) {
  let dcg = 0;
  let rank = 0;
  const seen = new Set();
  for (const doc of ranking) {
    if (rank >= k) break;
    if (seen.has(doc)) continue;
    seen.add(doc);
    rank++;
    dcg += Math.max(judgments[doc] ?? 0, 0) / Math.log2(rank + 1);
  }
  const ideal = Object.values(judgments)
    .filter((g) => g > 0)
    .sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += ideal[i] / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}
export function normalizer(list, window) {
  const top = list[0]?.[1] ?? 0;
  const floor = list[Math.min(window, list.length) - 1]?.[1] ?? 0;
  return top - floor > 0 ? (s) => Math.max(0, (s - floor) / (top - floor)) : () => 1;
}
/** The fixed dense weight with the best mean nDCG@10 over the rows (the smallest of equals). */
export function bestFixedWeight(rows) {
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= STEPS; i++) {
    const value = mean(rows.map((r) => r.byWeight[i]));
    if (value > bestValue + 1e-12) {
      bestValue = value;
      best = i / STEPS;
    }
  }
  return best;
}
/** Least-squares line through each part's (explained share, best fixed weight). */
export function fitLine(parts) {
  const xs = parts.map((rows) => mean(rows.map((r) => r.explained)));
  const ys = parts.map(bestFixedWeight);
  const mx = mean(xs);
  const my = mean(ys);
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += (xs[i] - mx) * (ys[i] - my);
    variance += (xs[i] - mx) ** 2;
  }
  const b = variance > 0 ? covariance / variance : 0;
  return { a: my - b * mx, b };
}

/** Chance-corrected overlap of two rankings' top `depth` (0 when no better than chance), as fuse.ts agreement. */
export function agreement(a, b, depth, population) {
  const n = Math.min(depth, a.length, b.length);
  if (n === 0) return 0;
  const top = new Set(b.slice(0, depth).map((r) => r[0]));
  const shared = a.slice(0, depth).filter((r) => top.has(r[0])).length;
  const expected = (n * n) / population;
  return expected >= n ? 0 : clamp((shared - expected) / (n - expected), 0, 1);
}

/** As fuse.ts fuseScores: convex combination of min–max-normalized BM25 and Rocchio-moved dense scores. */
export function fuse(q, w, window = 100) {
  if (q.keyword.length === 0) return q.dense.map((r) => r[0]);
  const nk = normalizer(q.keyword, window);
  const nd = normalizer(q.denseMoved, window);
  const ks = new Map(q.keyword.map((r) => [r[0], r[1]]));
  const ds = new Map();
  for (const r of q.keyword) if (q.exactMoved[r[2]] !== undefined) ds.set(r[0], q.exactMoved[r[2]]);
  for (const r of q.denseMoved) ds.set(r[0], r[1]);
  const docs = new Set([...ks.keys(), ...q.denseMoved.map((r) => r[0])]);
  return [...docs]
    .map((d) => [d, (1 - w) * (ks.has(d) ? nk(ks.get(d)) : 0) + w * (ds.has(d) ? nd(ds.get(d)) : 0)])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map((r) => r[0]);
}

/** How peaked a ranked list is: (s1 − s10) / s1, as hybrid.search.ts peakOf. */
export const peak = (list) =>
  list.length > 1 && list[0][1] > 0
    ? clamp((list[0][1] - list[Math.min(10, list.length) - 1][1]) / list[0][1], 0, 1)
    : 0;

/** The query-time evidence the shipped peak rule reads (server/search/hybrid.search.ts denseWeightOf), from a dump row. */
export function queryEvidence(q) {
  return {
    keywordPeak: peak(q.keyword),
    densePeak: peak(q.dense),
    agreement: agreement(q.keyword, q.dense, Math.min(20, Math.max(3, Math.floor(q.population / 10))), q.population),
    coverage: q.coverage,
  };
}

/** Each side's own nDCG@10 for a dump row: keyword (BM25) and semantic. */
export const sideScores = (q) => ({
  keyword: ndcg(
    q.keyword.map((r) => r[0]),
    q.judgments,
  ),
  semantic: ndcg(
    q.dense.map((r) => r[0]),
    q.judgments,
  ),
});
