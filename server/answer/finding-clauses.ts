// Where a cited sentence's clauses part, for the rules that read one clause of a finding
// (settling-findings.ts, narrowed-denial.ts): breaks at punctuation and at "but", "although",
// "whereas"; a phrase of place or group fronted before the first clause; and the words of denial.

/** Where a sentence's clauses part ("…, although teen employment fell"; "…; here we found…"). */
export const CLAUSE_BREAK = /[,;:]\s*|\s+(?:but|although|though|whereas|while|however)\s+/iu;
/** A phrase of place or group opening a sentence, which belongs to its first clause ("In the survey data, …"). */
export const FRONTED_PHRASE = /^((?:in|at|for|among|within|across|during|on)\b[^,;]*),/iu;
/** A word of denial. */
export const NEGATION = /\b(?:not|no|never|cannot|neither|nor)\b|n't\b/iu;

/** Where a second clause a verb reports begins ("We show that A … and that B …"). */
const SECOND_REPORTED = /\s+and\s+(?=(?:that|whether)\b)/iu;

/**
 * A sentence's clauses, a fronted phrase kept with the first ("In humans, aspirin did not…"), a
 * clause opening with "it" or "they" with the one before ("Aspirin was well tolerated, but it did
 * not…"), and a second reported clause apart ("…in older women and that drug X did not…").
 */
export function clausesOf(sentence: string): string[] {
  const clauses: string[] = [];
  const parts = sentence.replace(FRONTED_PHRASE, '$1 ').split(CLAUSE_BREAK);
  for (const part of parts.flatMap((clause) => clause.split(SECOND_REPORTED))) {
    if (clauses.length > 0 && /^(?:it|they)\b/iu.test(part)) clauses.push(`${clauses.pop()} ${part}`);
    else clauses.push(part);
  }
  return clauses;
}
