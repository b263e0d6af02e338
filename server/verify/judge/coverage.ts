// How thoroughly a sentence says a text treats something: "studied in depth", "discussed in
// detail", "extensively", "thoroughly" against "briefly", "in passing", "only touches on",
// "superficially". Written by hand beside research-opposites.ts, read as phrases: a claim that a
// survey "mentions hybrid retrieval only briefly" is not supported by "hybrid retrieval is studied
// in depth". A sentence-opening "Briefly," (a methods summary) says nothing of coverage.
import { caseless } from '../caseless-pattern.ts';

const THOROUGH = caseless(
  /\b(?:in(?:\s+|-)depth|in\s+(?:great\s+|full\s+)?detail|at\s+length|thoroughly|extensively|exhaustively)\b/iu,
);
const CURSORY = caseless(
  /\bbriefly\b|\bin\s+passing\b|\btouch(?:es|ed|ing)?\s+(?:only\s+)?(?:up)?on\b|\bsuperficially\b|\bcursor(?:ily|y)\b/iu,
);
// "Briefly, …" opening a sentence (a summary of a method) is no statement of coverage.
const OPENING_BRIEFLY = caseless(/^\s*briefly\s*,?/iu);

/** +1 when a sentence says something is treated thoroughly, −1 when only briefly, 0 for neither or both. */
export function coverageOf(text: string): -1 | 0 | 1 {
  const thorough = THOROUGH.test(text);
  const cursory = CURSORY.test(text.replace(OPENING_BRIEFLY.on(text), ''));
  return thorough === cursory ? 0 : thorough ? 1 : -1;
}

/** Whether claim and evidence say opposite things of how thoroughly something is treated. */
export const coverageConflict = (claim: string, evidence: string) => coverageOf(claim) * coverageOf(evidence) < 0;
