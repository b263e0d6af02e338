// The two sides of a yes/no question's claim: its subject, before its verb ("aspirin" of "aspirin
// reduce stroke risk"), and its outcome, after the verb up to a group, a time or a comparison
// ("stroke risk" of "… in patients over 60", "complications" of "age affect complications after
// surgery"), for the rules that ask whether a null finding is on what the question asks changes
// (nominal-object.ts).
import { claimVerb, claimWords, isChangeWord } from './change-senses.ts';
import { topicWords } from './question-concepts.ts';

/**
 * Words that relate a claim's subject to its outcome without pointing a way ("associated with",
 * "affect", "a risk factor for", "effective for").
 */
const RELATION =
  /^(?:associated|correlated|related|linked|affects?|influences?|alters?|changes?|modif(?:y|ies)|predicts?|causes?|determines?|impacts?|differs?|differences?|effective|efficacious|beneficial|useful|helpful|harmful|factors?|predictors?|determinants?|effects?)$/iu;

/** A preposition that opens the outcome right after the verb ("associated with", "effective for"). */
const OUTCOME_OPENING = /^(?:with|for|in|to|on|of|against|between)$/iu;

/** A word after which the outcome has ended: a group, a place, a time or a comparison follows. */
export const OUTCOME_END =
  /^(?:in|among|with|without|for|at|after|before|during|following|within|between|across|compared|versus|vs|than|from|by|on|over|under|when|while|if|who|whom|whose|that|which)$/iu;

/**
 * The topic words (their concept forms) of a claim's subject and of its outcome, and whether the
 * outcome is a specific one: split at a verb, and no general word for what follows a treatment
 * ("outcome", "management"), which any measure of it may be.
 */
export type ClaimSides = { subject: string[]; outcome: string[]; specific: boolean };

/** General words for what follows a treatment, which a finding states by a measure of it ("hospital stay" for "outcome"). */
const GENERAL_OUTCOME =
  /^(?:outcomes?|results?|prognosis|treatment|management|efficacy|effectiveness|course|patterns?|safety|benefits?)$/iu;

const formsOf = (words: readonly string[]) => [...new Set([...topicWords(words.join(' '))].map(({ form }) => form))];

/**
 * The topic words of a claim's subject and outcome, split at its verb: its verb of change
 * (claimVerb) or a word of relation (RELATION), whichever comes first. The outcome opens after a
 * preposition right after the verb ("associated with delayed diagnosis") and ends before the next
 * (OUTCOME_END: "complications" of "… after surgery"); its words of change ("reduced stroke risk")
 * are none of it. With no verb found, the subject is the claim's first topic word and the outcome
 * the rest, no specific one.
 */
export function claimSides(claim: string): ClaimSides {
  const words = claimWords(claim);
  const change = claimVerb(claim)?.index ?? -1;
  const relation = words.findIndex((word, i) => i > 0 && RELATION.test(word));
  const at = [change, relation].filter((i) => i > 0).sort((a, b) => a - b)[0];
  if (at === undefined) {
    const [first, ...rest] = formsOf(words);
    return { subject: first === undefined ? [] : [first], outcome: rest, specific: false };
  }
  let start = at + 1;
  while (start < words.length && OUTCOME_OPENING.test(words[start] ?? '')) start++;
  let end = start;
  while (end < words.length && !OUTCOME_END.test(words[end] ?? '')) end++;
  const outcome = words.slice(start, end).filter((word) => !isChangeWord(word));
  const specific = !outcome.some((word) => GENERAL_OUTCOME.test(word));
  return { subject: formsOf(words.slice(0, at)), outcome: formsOf(outcome), specific };
}
