// Where a cited sentence's clauses part, for the rules that read one clause of a finding
// (settling-findings.ts, narrowed-denial.ts): breaks at punctuation and at "but", "although",
// "whereas"; a phrase of place or group fronted before the first clause; and the words of denial.

/** Where a sentence's clauses part ("…, although teen employment fell"; "…; here we found…"). */
export const CLAUSE_BREAK = /[,;:]\s*|\s+(?:but|although|though|whereas|while|however)\s+/iu;
/** A phrase of place or group opening a sentence, which belongs to its first clause ("In the survey data, …"). */
export const FRONTED_PHRASE = /^((?:in|at|for|among|within|across|during|on)\b[^,;]*),/iu;
/** A word of denial. */
export const NEGATION = /\b(?:not|no|never|cannot|neither|nor)\b|n't\b/iu;

/** A clause whose subject is the one before's ("it did not…"). */
const SAME_SUBJECT = /^(?:it|they)\b/iu;
/** The same after a word that sets it against the one before ("but it did not reduce them either"). */
const SET_AGAINST = /^(?:but|and|yet|although|though|whereas|while|however)\s+(?:it|they)\b/iu;
/** "but" before a condition, which joins it to the group before ("with or without diabetes but with hypertension"). */
const JOINED_CONDITION = /\s+but\s+(?=with(?:out)?\b)/giu;

/**
 * A sentence's clauses, a fronted phrase kept with the first ("In humans, aspirin did not…"), a
 * clause opening with "it" or "they" with the one before ("…; it did not…"), one opening "but it" or
 * "and they" when both deny ("did not increase falls, but it did not reduce them"), and a condition
 * after "but" with the group before ("…with or without diabetes but with hypertension").
 */
export function clausesOf(sentence: string): string[] {
  const clauses: string[] = [];
  const parts = sentence.replace(FRONTED_PHRASE, '$1 ').replace(JOINED_CONDITION, ' and ').split(CLAUSE_BREAK);
  for (const part of parts) {
    const before = clauses.at(-1);
    // Set against the one before, it is one clause with it only when both deny ("did not increase
    // falls, but it did not reduce them either"): "…reduced stroke, and it did not affect bleeding"
    // states two findings.
    const joined =
      SAME_SUBJECT.test(part) ||
      (SET_AGAINST.test(part) && NEGATION.test(part) && before !== undefined && NEGATION.test(before));
    if (before !== undefined && joined) clauses.push(`${clauses.pop()} ${part}`);
    else clauses.push(part);
  }
  return clauses;
}
