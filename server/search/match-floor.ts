// The relevance floor of a search, defined once: how close in meaning a paper that holds none of the
// query's words must come to count as a match. The server applies it (matching.ts) to set each
// result's `match` and the search's `total`, which Search, the Map and the CLI show as they come.
// Plain TypeScript with no imports.

export const MATCH_FLOOR = {
  /**
   * A paper without a query word matches when its semantic score is at least this share of semantic
   * search's best over the whole library, whatever the filters (so a filter narrows the matches and
   * never makes its best paper one). 0.8 is the bar the map highlighted papers by when it was built
   * ("3 papers match" rather than "the top 12 whatever their score").
   */
  semanticShareOfBest: 0.8,
} as const;

/** Whether a semantic score clears the floor set by the best score (never, when the best is not above 0). */
export function clearsMatchFloor(score: number, best: number): boolean {
  return best > 0 && score >= best * MATCH_FLOOR.semanticShareOfBest;
}
