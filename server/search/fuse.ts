// The arithmetic of hybrid ranking, kept pure: Rocchio feedback on the query vector, agreement
// between two rankings, min–max normalization and the convex combination of two score lists.
import { normalizeInPlace } from '../../indexer/vectors/vector-codec.ts';
import { byScore, type RankedDoc } from './ranking.ts';

/**
 * Rocchio feedback: the query vector moved toward the weighted centroid of feedback vectors,
 * q' = normalize(q + beta · Σ wᵢ·vᵢ / Σ wᵢ). With no feedback (or zero weights) it is the query.
 */
export function rocchio(
  query: Float32Array,
  feedback: ReadonlyArray<{ vector: Float32Array; weight: number }>,
  beta: number,
): Float32Array {
  const moved = Float32Array.from(query);
  let total = 0;
  for (const { weight } of feedback) total += Math.max(0, weight);
  if (total <= 0) return moved;
  for (const { vector, weight } of feedback) {
    const scale = (beta * Math.max(0, weight)) / total;
    for (let i = 0; i < moved.length; i++) moved[i]! += scale * vector[i]!;
  }
  return normalizeInPlace(moved);
}

/**
 * How far two rankings agree at the top, beyond chance: the share of the first `depth` papers of `a`
 * found among the first `depth` of `b`, corrected for the overlap two random rankings of
 * `population` papers would have (as Cohen's kappa does). Without the correction, two unrelated
 * rankings of a small library agree by accident (20 of 39 papers overlap half the time).
 * 0 when either list is empty or the overlap is no better than chance.
 */
export function agreement(
  a: readonly RankedDoc[],
  b: readonly RankedDoc[],
  depth: number,
  population = Number.POSITIVE_INFINITY,
): number {
  const n = Math.min(depth, a.length, b.length);
  if (n === 0) return 0;
  const top = new Set(b.slice(0, depth).map((r) => r.doc));
  let shared = 0;
  for (const { doc } of a.slice(0, depth)) if (top.has(doc)) shared++;
  const expected = Number.isFinite(population) && population > 0 ? (n * n) / population : 0;
  if (expected >= n) return 0;
  return Math.min(1, Math.max(0, (shared - expected) / (n - expected)));
}

/**
 * Min–max normalization fitted on the first `window` entries of a best-first list: its top score
 * maps to 1 and its window-th score to 0; scores below that are clamped to 0. A list whose
 * scores are all equal maps them to 1.
 */
export function minMaxNormalizer(list: readonly RankedDoc[], window: number): (score: number) => number {
  const top = list[0]?.score ?? 0;
  const floor = list[Math.min(window, list.length) - 1]?.score ?? 0;
  const range = top - floor;
  if (!(range > 0)) return () => 1;
  return (score) => Math.max(0, (score - floor) / range);
}

/**
 * Convex fusion: score = (1 − w)·norm(keyword) + w·norm(dense) over the union of both lists.
 * `denseScoreOf` gives the dense score of papers the dense list did not reach (exact cosines of
 * keyword hits); a paper absent from the keyword list scores 0 there, as it matched no query term
 * within the keyword list's depth.
 */
export function fuseScores(
  keyword: readonly RankedDoc[],
  dense: readonly RankedDoc[],
  denseScoreOf: ReadonlyMap<number, number>,
  denseWeight: number,
  window: number,
): RankedDoc[] {
  const normKeyword = minMaxNormalizer(keyword, window);
  const normDense = minMaxNormalizer(dense, window);
  const keywordScore = new Map(keyword.map((r) => [r.doc, r.score]));
  const denseScore = new Map(denseScoreOf);
  for (const r of dense) denseScore.set(r.doc, r.score);
  const docs = new Set([...keyword.map((r) => r.doc), ...dense.map((r) => r.doc)]);
  const fused: RankedDoc[] = [];
  for (const doc of docs) {
    const k = keywordScore.get(doc);
    const d = denseScore.get(doc);
    const score =
      (1 - denseWeight) * (k === undefined ? 0 : normKeyword(k)) + denseWeight * (d === undefined ? 0 : normDense(d));
    fused.push({ doc, score });
  }
  return fused.sort(byScore);
}
