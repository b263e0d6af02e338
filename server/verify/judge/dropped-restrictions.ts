// Claims that drop the limit their evidence puts on a finding: "regardless of the animal's state"
// against "but only in fasted mice", "on every matrix" against "only on specific matrices", "rises
// monotonically" against "increases …, but at higher doses is again reduced". Each claims the whole
// where the evidence states a part: a quantifier conflict (stance-features.ts).
import { caseless } from '../caseless-pattern.ts';
import type { VoteSentence } from './direction-vote.ts';
import { termsOfReading } from './reading-facts.ts';
import { readSentence, type SentenceReading } from './stance-reading.ts';

// "regardless of", "irrespective of", "whatever the": the claim holds under every condition.
const REGARDLESS = caseless(/\b(?:regardless|irrespective)\s+of\b|\bwhatever\s+(?:the|its|their)\b/iu);
// "only in", "only when", "only under": the evidence holds under one condition.
const ONLY_UNDER = caseless(/(?<!\bnot\s+)\bonly\s+(?:in|when|if|under|during|among|after|while|at)\b/iu);
// "only on specific matrices", "only in certain cells": a part where "every" or "all" claims the whole.
const ONLY_SOME = caseless(
  /(?<!\bnot\s+)\bonly\s+(?:on|in|at|for|with|under|among)\s+(?:specific|certain|particular|some|selected|a\s+few|a\s+subset)\b/iu,
);
// How many of the claim's terms a sentence limiting "only in" must name to be about its finding.
const SHARED_TERMS = 2;
// "rises monotonically", "falls steadily": one direction over the whole range.
const MONOTONE = caseless(/\b(?:monotonic(?:ally)?|steadily|progressively|continuously)\b/iu);

// The direction a word says of what it is about, turned round when negated (0: none).
const effect = (word: SentenceReading['words'][number]) => (word.negated ? -word.direction : word.direction);

/**
 * Whether the evidence goes one way and then, in a later clause, the other, on terms the claim
 * names ("cause an increase in the base pressure but … the base pressure is again reduced").
 */
function turnsBack(claim: SentenceReading, evidence: SentenceReading): boolean {
  const named = new Set(claim.words.flatMap((word) => (word.term ? [word.term] : [])));
  // Each clause's directions of effect, when it names a term of the claim.
  const clauses = new Map<number, { signs: Set<number>; names: boolean }>();
  for (const word of evidence.words) {
    const known = clauses.get(word.clause) ?? { signs: new Set<number>(), names: false };
    if (effect(word) !== 0) known.signs.add(effect(word));
    if (word.term && named.has(word.term) && word.direction === 0) known.names = true;
    clauses.set(word.clause, known);
  }
  const read = [...clauses.values()].filter((c) => c.names);
  return read.some((c, i) => [...c.signs].some((sign) => read.slice(i + 1).some((later) => later.signs.has(-sign))));
}

/**
 * Whether the claim states for every condition ("regardless of", "monotonically") what its evidence
 * sentence limits to one ("only in", a rise that turns into a fall).
 */
export function restrictionDropped(claim: SentenceReading, evidence: SentenceReading): boolean {
  if (REGARDLESS.test(claim.text) && ONLY_UNDER.test(evidence.text) && !REGARDLESS.test(evidence.text)) return true;
  if (claim.quantifier === 1 && ONLY_SOME.test(evidence.text) && evidence.quantifier !== 1) return true;
  return MONOTONE.test(claim.text) && !MONOTONE.test(evidence.text) && turnsBack(claim, evidence);
}

/**
 * restrictionDropped over the whole sentences the `read` clauses come from (the limit often stands
 * in a clause of its own: "…encodes positive valence, but only in fasted mice") and, for a claim that
 * holds "regardless of" a condition or for "every" case, over any of the paper's sentences (`voters`)
 * that limits a finding naming at least SHARED_TERMS of the claim's terms.
 */
export function restrictionDroppedIn(
  claim: SentenceReading,
  read: readonly string[],
  voters: readonly VoteSentence[],
): boolean {
  const regardless = REGARDLESS.test(claim.text);
  const every = claim.quantifier === 1;
  if (!regardless && !every && !MONOTONE.test(claim.text)) return false;
  const named = [...termsOfReading(claim)];
  return voters.some((voter) => {
    const whole = read.some((clause) => clause.length > 0 && voter.text.includes(clause));
    const limits = (regardless && ONLY_UNDER.test(voter.text)) || (every && ONLY_SOME.test(voter.text));
    const limiting = limits && named.filter((term) => voter.terms.has(term)).length >= SHARED_TERMS;
    return (whole || limiting) && restrictionDropped(claim, readSentence(voter.text));
  });
}
