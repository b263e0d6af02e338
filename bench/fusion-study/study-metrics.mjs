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
