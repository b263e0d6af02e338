// The relation a question asks of its subject, when its wording shows it: the verb that closes a
// "what"/"which" question asked with "do" ("What enzyme does the FIB gene encode?") or the participle
// that closes a passive "how" question ("How was senescence determined?"). Of the sentences of a
// paper that repeat the question's topic, the one that states this relation answers it ("FIB encodes
// an aminotransferase", "…senescent, as determined by galactosidase activity").
import type { Concept } from './question-concepts.ts';

// "What enzyme does the FIB gene encode?", "Which receptor do the isolates use?": the wh-word is the
// verb's object, so the verb ends the question, after a subject of no preposition ("What does caffeine
// do to memory recall?" asks what caffeine does, and "recall" is no verb).
const CLOSING_VERB =
  /\b(?:what|which|whom)\b[^?.;]*?\b(?:do|does|did)\s+(?:(?!(?:in|on|at|of|for|to|from|with|by|into|under|over|about|after|before|during|than|as)\b)[^\s?.;]+\s+)+?(\p{L}+)\s*\?\s*$/iu;
// "How was senescence determined?", "How are the samples prepared?"
const CLOSING_PARTICIPLE = /\bhow\s+(?:is|are|was|were)\s+[^?.;]*?\s(\p{L}+ed)\s*\?\s*$/iu;
// A last word after one of these is a noun of a phrase the verb is followed by ("…encode in rice?").
const NOUN_BEFORE = /\b(?:in|on|at|of|for|to|from|with|by|into|under|over|the|a|an|its|their|this|these|those)\s+$/iu;

// Last words that name no relation a sentence states: auxiliaries ("What does inhibiting Omi do?") and
// "mean", which papers write as the average ("the mean age") far more than as "signify".
const NO_RELATION = new Set(['do', 'does', 'did', 'have', 'has', 'had', 'be', 'mean']);

/** The word of the relation a question asks, as it writes it, or null when its wording does not show one. */
export function askedRelationWord(question: string): string | null {
  const text = question.trim();
  const match = CLOSING_VERB.exec(text) ?? CLOSING_PARTICIPLE.exec(text);
  if (!match) return null;
  const word = match[1]!;
  const before = text.slice(0, text.lastIndexOf(word));
  return NOUN_BEFORE.test(before) || NO_RELATION.has(word.toLowerCase()) ? null : word;
}

/** The question's concept for the relation it asks (askedRelationWord), or null when it asks none or the word is no concept. */
export function askedRelation(question: string, concepts: readonly Concept[]): Concept | null {
  const word = askedRelationWord(question)?.toLowerCase();
  if (word === undefined) return null;
  return concepts.find((c) => c.word.toLowerCase() === word) ?? null;
}
