// The relevance floor of a search, defined once: how close in meaning a paper that holds none of the
// query's words must come to count as a match. The search's `total` and the map's highlights both
// use it. Plain TypeScript with no imports, so the web client can use the rule as it is.

export const MATCH_FLOOR = {
  /**
   * A paper without a query word matches when its semantic score is at least this share of the best
   * one. 0.8 is the bar the map has highlighted papers by since it was built ("3 papers match"
   * rather than "the top 12 whatever their score").
   */
  semanticShareOfBest: 0.8,
} as const;

/** Whether a semantic score clears the floor set by the best score (never, when the best is not above 0). */
export function clearsMatchFloor(score: number, best: number): boolean {
  return best > 0 && score >= best * MATCH_FLOOR.semanticShareOfBest;
}
