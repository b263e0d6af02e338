// Whether two top-k rankings of the same query agree: the same docs in the same order, where docs
// whose scores tie exactly may come in either order (and, at a full list's cut, either may be kept).

/** One ranked doc; a higher score is better. */
export type ScoredDoc = { doc: number; score: number };

// End (exclusive) of the run of exactly equal scores that starts at `from`.
function tieEnd(ranking: readonly ScoredDoc[], from: number): number {
  let end = from + 1;
  while (end < ranking.length && ranking[end]!.score === ranking[from]!.score) end++;
  return end;
}

/**
 * True when `a` and `b` (best first, each cut at `limit`) list the same docs in the same order, up to
 * exact score ties: each run of equal scores must span the same positions in both and hold the same docs,
 * except a run that reaches the cut of a full list with the same score in both, whose docs may differ (the cut
 * kept different ties).
 */
export function sameRanking(a: readonly ScoredDoc[], b: readonly ScoredDoc[], limit: number): boolean {
  if (a.length !== b.length) return false;
  let from = 0;
  while (from < a.length) {
    const end = tieEnd(a, from);
    if (tieEnd(b, from) !== end) return false;
    const docs = new Set(a.slice(from, end).map((hit) => hit.doc));
    if (!b.slice(from, end).every((hit) => docs.has(hit.doc))) {
      // Different docs are only the cut choosing among ties: the run ends the full list and the scores are equal.
      const cutThroughTies = end === a.length && a.length === limit && a[from]!.score === b[from]!.score;
      if (!cutThroughTies) return false;
    }
    from = end;
  }
  return true;
}

/** The largest |score difference| over docs that both rankings hold (0 when they share none). */
export function maxScoreDifference(a: readonly ScoredDoc[], b: readonly ScoredDoc[]): number {
  const scores = new Map(a.map((hit) => [hit.doc, hit.score]));
  let max = 0;
  for (const hit of b) {
    const other = scores.get(hit.doc);
    if (other !== undefined) max = Math.max(max, Math.abs(other - hit.score));
  }
  return max;
}
