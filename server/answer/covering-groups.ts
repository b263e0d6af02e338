// Groups named together that cover everyone a finding is about ("in patients with diabetes or in
// those without", "with or without diabetes", "in men or women", "in either sex", "regardless of
// age"): a finding stated for all of them is narrowed to none, so the bottom line's settling rule
// (settling-findings.ts) reads past them as it reads past "in either group".

/** The pairs of groups that together hold everyone: each side as written, in the singular and plural. */
const COMPLEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['m[ae]n|males?', 'wom[ae]n|females?'],
  // Not "boys and girls": together they are children, not everyone.
  ['children|child|paediatric|pediatric', 'adults?'],
  ['smokers?', 'non-?smokers?'],
];

const PLACE = String.raw`(?:in|among|for)\s+`;
const BOTH = String.raw`(?:both|either|all)\s+`;
/** Words opening a narrowing phrase, where a phrase naming everyone ends ("regardless of dose compared with…"). */
const NARROWING =
  '(?:in|among|for|within|during|after|before|aged|over|under|above|below|from|at|more|less|compared|versus|vs|than)';
/**
 * What may not follow a group for it to be everyone: a limit of age or number ("in all age groups
 * over 80", "in men and women aged 50").
 */
const NOT_LIMITED = String.raw`(?!\s+(?:over|under|above|below|aged|older|younger|between|from)\b|\s+\d)`;
/** The end of a phrase: punctuation, the end of the text, or a narrowing phrase that follows. */
const PHRASE_END = String.raw`(?=\s*(?:[,;.:)!?]|$)|\s+${NARROWING}\b)`;
/** Words for people that narrow nothing before "with or without" ("in patients with or without diabetes"). */
const ANYONE = String.raw`(?:${PLACE}(?:${BOTH})?(?:the\s+)?(?:patients|people|persons|participants|subjects|individuals)\s+)?`;
/**
 * What ends the condition of "with or without": a narrowing phrase, a relative clause or another
 * condition joined to it ("with or without diabetes who had hypertension", "… and with prior stroke"),
 * which narrow the group again.
 */
const CONDITION_END = String.raw`\b(?:${NARROWING}|who|whom|whose|that|which|(?:and|but)\s+(?:with|without|who|whose))\b`;
/** Not after "not" ("is not independent of sex"). */
const NOT_DENIED = String.raw`(?<!\bnot\s+)`;

/**
 * Where a pair of groups ends a phrase naming everyone with its "in": punctuation, the end of the
 * text, or words that narrow nothing ("in men and women alike", "in men and women enrolled").
 */
const PAIR_END = String.raw`(?:\s+(?:alike|equally|of\s+all\s+ages)\b)?(?=\s*(?:[,;.:)!?]|$)|\s+(?:studied|enrolled|included)\b)`;

/**
 * One side of a complementary pair, then "or"/"and" and the other ("men or women", "women and in
 * men"), after "in"/"among"/"for": with it where the phrase ends (PAIR_END: "in men and women
 * alike."), without it otherwise, so that what follows the pair still narrows ("in men and women
 * with diabetes" is "in with diabetes").
 */
const complementPair = ([one, other]: readonly [string, string]) =>
  [
    [one, other],
    [other, one],
  ].flatMap(([first, second]) => {
    const pair = String.raw`(?:${BOTH})?(?:the\s+)?(?:${first})\s+(?:or|and)\s+(?:${PLACE})?(?:${second})\b${NOT_LIMITED}`;
    return [String.raw`\b${PLACE}${pair}${PAIR_END}`, String.raw`(?<=\b${PLACE})${pair}`];
  });

/**
 * Phrases that name everyone: a group with a condition and those without it ("in patients with
 * diabetes or in those without (it)", "in patients with and without diabetes", "with or without
 * diabetes"), complementary groups named together ("in men or women", "in both men and women"),
 * "in either sex", "in all subgroups", and a condition set aside ("regardless of age", "irrespective
 * of diabetes status"). Each stops before a narrowing phrase that follows it, which still narrows.
 */
const COVERING = new RegExp(
  [
    // The condition named again or by a pronoun after "without", or nothing: "with diabetes and
    // without prior stroke" is no complement.
    String.raw`${ANYONE}with\s+(?<condition>(?:(?!\s(?:or|and)\s)[^,;.])*?)\s+(?:or|and)\s+(?:${PLACE})?(?:(?:those|patients|people|participants|subjects|individuals|ones)\s+)?without\b(?:\s+(?:it|them|this|that|\k<condition>))?${PHRASE_END}`,
    String.raw`${ANYONE}with\s+(?:or|and)\s+without\s+(?:(?!${CONDITION_END})[^,;.])*`,
    ...COMPLEMENTS.flatMap(complementPair),
    String.raw`(?<=\b${PLACE})(?:${BOTH})(?:sexes|sex|genders?|subgroups?|age\s+groups?|strata|stratum)\b${NOT_LIMITED}`,
    String.raw`${NOT_DENIED}(?:regardless|irrespective|independent(?:ly)?)\s+of\s+(?:(?!\b${NARROWING}\b)[^,;.])*`,
  ].join('|'),
  'giu',
);

/** A relative clause or a condition joined to the one before, which narrows whoever went before it. */
const STILL_NARROWS = /^\s*(?:who|whom|whose|that|which|(?:and|but)\s+(?:with|without|who|whose))\b/iu;
/**
 * A relative clause whose verb is the study's own ("who were treated", "who completed follow-up",
 * "who received it", "that were randomized"): only what it names beyond the verb narrows ("who
 * received inhaled steroids").
 */
const STUDY_CLAUSE =
  /\u0000\s*(?:who|that|which)\s+(?:(?:were|was|had|have)\s+(?:been\s+)?)?(?:treated|completed|received|underwent|randomi[sz]ed|enrolled|included|recruited|followed(?:\s+up)?)\b/giu;

/**
 * The text with every phrase naming everyone (COVERING) taken out; an "in" before a pair of groups
 * stays when more follows the pair, and one stands for a group that covers everyone when a relative
 * clause or another condition follows it ("in patients with or without diabetes who had
 * hypertension" → "in who had hypertension"), so that what follows still narrows the finding; of a
 * clause with the study's own verb (STUDY_CLAUSE) only what follows the verb is kept ("who completed
 * follow-up" → "in follow-up", which narrows nothing).
 */
export function withoutCoveringGroups(text: string): string {
  return text
    .replace(COVERING, (phrase: string, ...rest: unknown[]) => {
      const at = rest.find((value) => typeof value === 'number') as number;
      return STILL_NARROWS.test(text.slice(at + phrase.length)) ? ' \u0000' : ' ';
    })
    .replace(STUDY_CLAUSE, 'in ')
    .replaceAll('\u0000', ' in ')
    .replace(/\s{2,}/gu, ' ');
}
