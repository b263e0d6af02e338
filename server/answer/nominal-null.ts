// Null findings stated with a noun of change rather than a verb ("No reduction in stroke risk was
// seen", "No significant difference in mortality was found between the groups"): the bottom line
// reads them as it reads "did not reduce stroke risk", a finding against the question's claim.

/** Nouns of change or effect, each with the verb the same finding is written with when denied. */
const CHANGE_VERBS: Readonly<Record<string, string>> = {
  reduction: 'reduce',
  decrease: 'decrease',
  decline: 'decline',
  increase: 'increase',
  rise: 'raise',
  improvement: 'improve',
  worsening: 'worsen',
  change: 'change',
  difference: 'differ',
  effect: 'affect',
  benefit: 'benefit',
  association: 'associate',
  prolongation: 'prolong',
  prevention: 'prevent',
};

/** Words that may stand between "No" and the noun ("No significant reduction", "No clinically meaningful difference"). */
const MODIFIERS =
  'significant|statistically|clinically|meaningful|relevant|measurable|detectable|appreciable|further|overall|clear|consistent|major|substantial|important|additional|net';

/**
 * "No" opening a sentence or clause, a noun of change (with its modifiers), what it is in or of, and
 * a passive verb of observation ("was seen", "were observed", "could be detected"). The groups are
 * the noun, the words after it up to the verb (its outcome), and what follows the verb.
 */
const NOMINAL_NULL = new RegExp(
  String.raw`(?:^|[,;:]\s*|\b(?:and|but|whereas|while)\s+)no\s+(?:(?:${MODIFIERS})\s+){0,3}(${Object.keys(CHANGE_VERBS).join('|')})s?\b([^.;:]*?)\s+(?:was|were|has\s+been|have\s+been|could\s+be|can\s+be)\s+(?:\p{L}+ly\s+)?(?:seen|observed|found|detected|noted|shown|demonstrated|identified|evident|apparent|recorded|documented)\b`,
  'iu',
);

/** Whether a sentence states a null finding with a noun of change ("No reduction in stroke risk was seen"). */
export function isNominalNull(sentence: string): boolean {
  return NOMINAL_NULL.test(sentence);
}

/**
 * The sentence with its nominal null finding written with the verb ("No significant reduction in
 * stroke risk was seen with aspirin" → "not reduce stroke risk with aspirin"; "No difference in X was
 * found between the groups" → "not differ in X between the groups"), so that what it is about and what
 * narrows it are read as in "did not reduce stroke risk"; the sentence unchanged when it states none.
 */
export function verbalNull(sentence: string): string {
  const found = NOMINAL_NULL.exec(sentence);
  if (found === null) return sentence;
  const noun = (found[1] ?? '').toLowerCase();
  const verb = CHANGE_VERBS[noun] ?? noun;
  // "reduction in X" is "reduce X"; "difference in X" is "differ in X"; "effect on X" is "affect X".
  const outcome = (found[2] ?? '').replace(/^\s*(?:in|of|on)\b/iu, verb === 'differ' ? ' in' : '');
  const opening = /^[,;:]|^\s*(?:and|but|whereas|while)\b/iu.exec(found[0])?.[0] ?? '';
  const end = found.index + found[0].length;
  return `${sentence.slice(0, found.index)}${opening} not ${verb}${outcome}${sentence.slice(end)}`
    .replace(/\s{2,}/gu, ' ')
    .trim();
}
