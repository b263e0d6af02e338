// A ranked list of papers by doc number, the currency every ranking stage of search trades in.

/** A paper (by its internal doc number) and its score under one ranking; higher is better. */
export type RankedDoc = { doc: number; score: number };

/** Best first; equal scores by doc number, so pages of the same query never shuffle. */
export function byScore(a: RankedDoc, b: RankedDoc): number {
  return b.score - a.score || a.doc - b.doc;
}
