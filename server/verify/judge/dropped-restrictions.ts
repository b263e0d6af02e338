// Claims that drop the limit their evidence puts on a finding: "regardless of the animal's state"
// against "but only in fasted mice", "on every matrix" against "only on specific matrices", "rises
// monotonically" against "increases …, but at higher doses is again reduced". Each claims the whole
// where the evidence states a part: a quantifier conflict (stance-features.ts). A paper that states
// the whole itself, in the sentence the claim is read on, is not contradicted by another it limits.
import { tokenize } from '../../../indexer/text/analyze.ts';
import { caseless } from '../caseless-pattern.ts';
import type { VoteSentence } from './direction-vote.ts';
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
// How many terms of what a limit keeps to ("only in patients with chronic pain") the claim must name
// for it to state that limit itself (all of them when there are fewer).
const HELD_LIMIT_TERMS = 3;
// "rises monotonically", "falls steadily": one direction over the whole range.
const MONOTONE = caseless(/\b(?:monotonic(?:ally)?|steadily|progressively|continuously)\b/iu);
// Where the claim's finding gives way to its scope: "regardless of", "in all", "across every", "monotonically".
const SCOPE_OPENING = caseless(
  /\b(?:regardless|irrespective|whatever|all|every|each|across|monotonic(?:ally)?|steadily|progressively|continuously)\b/iu,
);
// An auxiliary opens the predicate of a claim without a word of direction ("ferritin was measured").
const AUXILIARY = /^(?:is|are|was|were|be|been|has|have|had)$/u;

// The direction a word says of what it is about, turned round when negated (0: none).
const effect = (word: SentenceReading['words'][number]) => (word.negated ? -word.direction : word.direction);

/**
 * What a claim's finding is said of (its subject), what is found (its predicate and outcome, before
 * its scope) and over what it is said to hold (its scope: "regardless of patient age").
 */
type ClaimParts = { subject: ReadonlySet<string>; finding: ReadonlySet<string>; scope: readonly string[] };

function partsOf(claim: SentenceReading): ClaimParts {
  const tokens = tokenize(claim.text);
  const found = tokens.findIndex(
    (token, i) => i > 0 && (claim.words[i]?.direction !== 0 || AUXILIARY.test(token.word)),
  );
  const predicate = found < 0 ? 1 : found;
  const opening = claim.text.search(SCOPE_OPENING.on(claim.text));
  const subject = new Set<string>();
  const finding = new Set<string>();
  const scope: string[] = [];
  tokens.forEach((token, i) => {
    if (!token.term) return;
    if (i < predicate) subject.add(token.term);
    else if (opening < 0 || token.start < opening) finding.add(token.term);
    else if (!SCOPE_OPENING.test(token.word)) scope.push(token.term);
  });
  return { subject, finding, scope };
}

/**
 * Whether the evidence goes one way and then, in a later clause on the claim's subject, the other
 * ("cause an increase in the base pressure but … the base pressure is again reduced"; not "test
 * loss decreased …, while training instability increased").
 */
function turnsBack(claim: SentenceReading, evidence: SentenceReading, subject: ReadonlySet<string>): boolean {
  const named = new Set(claim.words.flatMap((word) => (word.term ? [word.term] : [])));
  // Each clause's directions of effect, when it names a term of the claim, and whether it names its subject.
  const clauses = new Map<number, { signs: Set<number>; names: boolean; subject: boolean }>();
  for (const word of evidence.words) {
    const known = clauses.get(word.clause) ?? { signs: new Set<number>(), names: false, subject: false };
    if (effect(word) !== 0) known.signs.add(effect(word));
    if (word.term && named.has(word.term) && word.direction === 0) known.names = true;
    if (word.term && subject.has(word.term) && word.direction === 0) known.subject = true;
    clauses.set(word.clause, known);
  }
  const read = [...clauses.values()].filter((c) => c.names);
  return read.some((c, i) =>
    [...c.signs].some((sign) => read.slice(i + 1).some((later) => later.subject && later.signs.has(-sign))),
  );
}

/** The terms of what an "only in …" limit keeps to, up to the end of its clause. */
function limitTerms(text: string): string[] {
  const at = text.search(ONLY_UNDER.on(text));
  if (at < 0) return [];
  const rest = text.slice(at).split(/[,;:.]/u)[0] ?? '';
  return tokenize(rest).flatMap((token) => (token.term ? [token.term] : []));
}

// Whether a sentence names enough of the terms wanted (HELD_LIMIT_TERMS, or all of fewer).
const namesEnough = (wanted: readonly string[], has: (term: string) => boolean) =>
  wanted.filter(has).length >= Math.min(HELD_LIMIT_TERMS, wanted.length);

// Whether the claim, outside what it holds "regardless of", names what the evidence's limit keeps to:
// "in patients with chronic pain, regardless of age" against "only in patients with chronic pain".
function holdsLimit(claim: SentenceReading, evidence: SentenceReading): boolean {
  const wanted = limitTerms(evidence.text);
  if (wanted.length === 0) return false;
  const regardless = claim.text.search(REGARDLESS.on(claim.text));
  const before = regardless < 0 ? claim.text : claim.text.slice(0, regardless);
  const own = new Set(tokenize(before).flatMap((token) => (token.term ? [token.term] : [])));
  return namesEnough(wanted, (term) => own.has(term));
}

/** Which universals a claim states: "regardless of", "every"/"all", "monotonically". */
type Universals = { regardless: boolean; every: boolean; monotone: boolean };

const universalsOf = (reading: SentenceReading): Universals => ({
  regardless: REGARDLESS.test(reading.text),
  every: reading.quantifier === 1,
  monotone: MONOTONE.test(reading.text),
});

function droppedUnder(
  claim: SentenceReading,
  evidence: SentenceReading,
  kinds: Universals,
  parts: ClaimParts,
): boolean {
  if (kinds.regardless && ONLY_UNDER.test(evidence.text) && !REGARDLESS.test(evidence.text)) {
    if (!holdsLimit(claim, evidence)) return true;
  }
  if (kinds.every && ONLY_SOME.test(evidence.text) && evidence.quantifier !== 1) return true;
  return kinds.monotone && !MONOTONE.test(evidence.text) && turnsBack(claim, evidence, parts.subject);
}

/**
 * Whether the claim states for every condition ("regardless of", "monotonically") what its evidence
 * sentence limits to one ("only in", a rise that turns into a fall of what the claim is about).
 */
export function restrictionDropped(claim: SentenceReading, evidence: SentenceReading): boolean {
  return droppedUnder(claim, evidence, universalsOf(claim), partsOf(claim));
}

/**
 * restrictionDropped over the whole sentences the `read` clauses come from (the limit often stands
 * in a clause of its own: "…encodes positive valence, but only in fasted mice") and, for a claim that
 * holds "regardless of" a condition or for "every" case, over any of the paper's sentences (`voters`)
 * that limits its finding: naming at least SHARED_TERMS of the claim's terms, one of them of its
 * predicate or outcome. A universal that a read sentence on the finding states too is not dropped.
 */
export function restrictionDroppedIn(
  claim: SentenceReading,
  read: readonly string[],
  voters: readonly VoteSentence[],
): boolean {
  const claimed = universalsOf(claim);
  if (!claimed.regardless && !claimed.every && !claimed.monotone) return false;
  const parts = partsOf(claim);
  const named = new Set(claim.words.flatMap((word) => (word.term ? [word.term] : [])));
  const holding = voters.filter((voter) => read.some((clause) => clause.length > 0 && voter.text.includes(clause)));
  // The paper says the whole itself where it states the finding over the same scope: "…, regardless of patient age".
  const stated = holding
    .filter((voter) => [...parts.finding].some((term) => voter.terms.has(term)))
    .filter((voter) => namesEnough(parts.scope, (term) => voter.terms.has(term)))
    .map((voter) => universalsOf(readSentence(voter.text)));
  const kinds: Universals = {
    regardless: claimed.regardless && !stated.some((s) => s.regardless),
    every: claimed.every && !stated.some((s) => s.every),
    monotone: claimed.monotone && !stated.some((s) => s.monotone),
  };
  return voters.some((voter) => {
    const whole = holding.includes(voter);
    const limits = (kinds.regardless && ONLY_UNDER.test(voter.text)) || (kinds.every && ONLY_SOME.test(voter.text));
    const limiting =
      limits &&
      [...named].filter((term) => voter.terms.has(term)).length >= SHARED_TERMS &&
      [...parts.finding].some((term) => voter.terms.has(term));
    return (whole || limiting) && droppedUnder(claim, readSentence(voter.text), kinds, parts);
  });
}
