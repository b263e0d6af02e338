// Relative clauses in a cited sentence, which the bottom line reads apart from its main clause
// (counted-findings.ts): "…patients who improved" describes a noun, ", which had no effect" is most
// often about something else, and a verb pattern counts only in the main clause.
import { holdsStem } from './own-terms.ts';
import { conceptForms, topicWords } from './question-concepts.ts';

/** Verbs a relative clause or a main clause may hold ("that had…", "who received…"). */
export const FINITE_VERB =
  /^(?:is|are|was|were|has|have|had|did|does|do|can|could|will|would|may|might|should|must|\p{L}{3,}ed)$/iu;

/**
 * "that", "which", "who" opening a relative clause after a noun; not a clause a verb reports ("we
 * found that", "suggests that", "so that"), nor "that" after a verb in -ed ("determined that") or a
 * reporting verb in -ing ("indicating that", and any -ing after a comma: ", finding that"; "the
 * stretching that had no effect" is a noun's), nor one after "is a" and a noun ("X is an agent that
 * does not…"), which says what the subject does. With `keepCommaClauses`, not a clause after a comma
 * either (", which had no effect on survival," may state a finding of its own).
 */
function relativePattern(keepCommaClauses: boolean): RegExp {
  const reporting =
    /(?<!\b(?:found|find|finds|show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|demonstrate|demonstrates|demonstrated|reveal|reveals|revealed|conclude|concluded|report|reports|reported|confirm|confirms|confirmed|observe|observes|observed|imply|implies|implied|mean|means|meant|argue|argues|note|notes|noted|notice|notices|determine|determines|establish|establishes|so|such|is|was|are|were|that|than|known|believed|thought|likely|clear|evidence|hypothesis|fact|idea|notion)\s+)/u
      .source;
  const afterComma = keepCommaClauses ? '(?<!,\\s*)' : '';
  const kind = /(?<!\b(?:is|are|was|were)\s+(?:an?|the)\s+(?:\p{L}+\s+){0,2})/u.source;
  const participle =
    /(?<!,\s*(?!\p{L}*thing\b)\p{L}{2,}ing\s+)(?<!\b(?:indicating|suggesting|showing|demonstrating|revealing|confirming|implying|meaning|noting|concluding|determining|establishing)\s+)(?<!\b(?!(?:need|seed|speed|breed|hundred)\b)\p{L}{2,}ed\s+)/u
      .source;
  return new RegExp(`${reporting}${afterComma}${kind}(?:${participle}\\bthat|\\bwhich|\\bwho)\\b`, 'giu');
}

/** Relative clauses, a comma clause among them (the first reading) or not (the second). */
const RELATIVE = { commaClausesOut: relativePattern(false), commaClausesKept: relativePattern(true) };
const relativeClauses = (keepCommaClauses: boolean) =>
  keepCommaClauses ? RELATIVE.commaClausesKept : RELATIVE.commaClausesOut;

/** A relative clause set off by a comma (", which had no effect,"), up to the next comma or stop. */
export const COMMA_CLAUSE = /,\s*(?:which|who)\b[^,.;:]*/giu;

/** Where a match lies inside a relative clause: the clause's own verb comes before it or is it, and no second verb. */
export function inRelativeClause(
  sentence: string,
  at: number,
  opensWithVerb: boolean,
  keepCommaClauses: boolean,
): boolean {
  for (const relative of sentence.matchAll(relativeClauses(keepCommaClauses))) {
    if (relative.index >= at) break;
    const between = sentence.slice(relative.index + relative[0].length, at);
    if (/[,;:()]/u.test(between)) continue;
    const verbs = (between.match(/\p{L}+/gu) ?? []).filter((word) => FINITE_VERB.test(word)).length;
    if (verbs <= (opensWithVerb ? 0 : 1)) return true;
  }
  return false;
}

/**
 * Whether a verb pattern matches a sentence outside a relative clause ("…patients who improved" does
 * not count); with `keepCommaClauses`, one after ", which" or ", who" counts.
 */
export function matchesInMainClause(sentence: string, verbs: RegExp, keepCommaClauses = false): boolean {
  for (const match of sentence.matchAll(new RegExp(verbs.source, 'giu')))
    if (!inRelativeClause(sentence, match.index, true, keepCommaClauses)) return true;
  return false;
}

/** Whether a sentence holds a relative clause set off by a comma (", which had no effect"). */
export function hasCommaClause(sentence: string): boolean {
  return new RegExp(COMMA_CLAUSE.source, 'iu').test(sentence);
}

/**
 * Whether a comma relative clause holds what the claim is about and the rest of the sentence does not
 * ("Adding drug X to chemotherapy, which had no effect on overall survival, lowered toxicity" for
 * "drug X prolong overall survival"): then the clause states the finding and must be read.
 */
export function commaClauseHoldsOutcome(sentence: string, claim: string): boolean {
  if (claim === '' || !hasCommaClause(sentence)) return false;
  const rest = conceptForms(sentence.replace(COMMA_CLAUSE, ' '));
  const whole = conceptForms(sentence);
  return [...topicWords(claim)].some(({ form }) => !holdsStem(rest, form) && holdsStem(whole, form));
}
