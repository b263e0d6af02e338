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
 * The way each noun of change points; the rest (difference, change, effect, benefit, association)
 * point none. "No increase in stroke risk" denies no reduction of it.
 */
const NOUN_WAY: Readonly<Record<string, Way>> = {
  reduction: 'down',
  decrease: 'down',
  decline: 'down',
  prevention: 'down',
  increase: 'up',
  rise: 'up',
  prolongation: 'up',
  improvement: 'better',
  worsening: 'worse',
};
type Way = 'down' | 'up' | 'better' | 'worse';

/**
 * The verbs of a claim that point each way ("Does aspirin lower stroke risk?" points down). "Enhance"
 * and "boost" point up and better; "cut" only as a whole word ("cutaneous" is none).
 */
const CLAIM_WAYS: ReadonlyArray<readonly [Way, RegExp]> = [
  [
    'down',
    /\b(?:(?:reduc|decreas|lower|declin|diminish|prevent|attenuat|shorten|suppress|inhibit|curb|protect|reliev|alleviat|slow)\p{L}*|cut(?:s|ting)?\b)/iu,
  ],
  ['up', /\b(?:increas|rais|rise|rising|rose|elevat|prolong|enhanc|boost|extend|lengthen|promot)\p{L}*/iu],
  ['better', /\b(?:improv|enhanc|boost)\p{L}*/iu],
  ['worse', /\b(?:worsen|impair|deteriorat)\p{L}*/iu],
];

/**
 * The part of a claim its verb is in: what comes before the group or condition it is about ("aspirin
 * reduce stroke risk" of "… in patients with raised blood pressure"), whose words ("raised",
 * "reduced kidney function") point no way of the claim. A preposition before a word that points a
 * way opens no group ("associated with reduced stroke risk", "result in lower mortality").
 */
function claimVerbPart(claim: string): string {
  for (const found of claim.matchAll(/\s+(?:in|among|with|for|at)\s+(?:(?:an?|the)\s+)?(\p{L}*)/giu)) {
    const word = found[1] ?? '';
    if (!CLAIM_WAYS.some(([, verbs]) => verbs.test(word))) return claim.slice(0, found.index);
  }
  return claim;
}

/**
 * A null finding on a part or a neighbour of the effect, which says nothing of the effect itself: no
 * further, additional or net change ("No further reduction … when added to clopidogrel"), a change
 * beyond or on top of another's, one at some doses, or a change of another effect ("No reduction of
 * the aspirin effect on stroke risk", "No increase in the benefit of aspirin").
 */
const PARTIAL_MODIFIER = /\b(?:further|additional|net)\b/iu;
// "beyond" not before a number ("beyond 12 months" is a time); "at any/all/either dose" is every dose.
const PARTIAL_CHANGE =
  /\b(?:beyond\b(?!\s+\d)|on\s+top\s+of|added\s+to|in\s+addition\s+to|over\s+and\s+above|at\s+(?!(?:any|all|either|each|every)\s)(?:\p{L}+\s+){0,2}doses?\b)/iu;
/** A noun of effect in the outcome, other than a kind of effect ("side effects", "adverse effects"). */
const OTHER_EFFECT = new RegExp(
  String.raw`(?<!\b(?:side|adverse|toxic|untoward)\s+)\b(${Object.keys(CHANGE_VERBS).join('|')})s?\b`,
  'giu',
);

/** Whether the outcome holds a change of another effect: a noun of effect the claim does not itself write. */
function onOtherEffect(claim: string, outcome: string): boolean {
  const claimWords = new Set(
    claim
      .toLowerCase()
      .match(/\p{L}+/gu)
      ?.map((w) => w.replace(/s$/u, '')) ?? [],
  );
  return [...outcome.matchAll(OTHER_EFFECT)].some(([, noun = '']) => !claimWords.has(noun.toLowerCase()));
}

/**
 * "No" opening a sentence or clause, a noun of change (with its modifiers), what it is in or of, and
 * a passive verb of observation ("was seen", "were observed", "could be detected"). The groups are
 * the modifiers, the noun and the words after it up to the verb (its outcome, within one clause).
 */
const NOMINAL_NULL = new RegExp(
  String.raw`(?:^|[,;:]\s*|\b(?:and|but|whereas|while)\s+)no\s+((?:(?:${MODIFIERS})\s+){0,3})(${Object.keys(CHANGE_VERBS).join('|')})s?\b([^.;:,]*?)\s+(?:was|were|has\s+been|have\s+been|could\s+be|can\s+be)\s+(?:\p{L}+ly\s+)?(?:seen|observed|found|detected|noted|shown|demonstrated|identified|evident|apparent|recorded|documented)\b`,
  'iu',
);

/** Whether a sentence states a null finding with a noun of change ("No reduction in stroke risk was seen"). */
export function isNominalNull(sentence: string): boolean {
  return NOMINAL_NULL.test(sentence);
}

/**
 * Whether a sentence states a nominal null finding that settles nothing of the claim, though it is
 * still a finding against it: one on a part of the effect (PARTIAL_MODIFIER, PARTIAL_CHANGE in its
 * clause, OTHER_EFFECT the claim does not write), or one whose noun points another way than the
 * claim's verb ("No increase in stroke risk was seen" for "aspirin reduce stroke risk"; the words
 * of the group it is about, "in patients with raised blood pressure", point no way). A noun that
 * points no way (difference, change, effect, benefit, association) goes with any verb.
 */
export function isUnsettlingNominalNull(claim: string, sentence: string): boolean {
  const found = NOMINAL_NULL.exec(sentence);
  if (found === null) return false;
  const [, modifiers = '', noun = '', outcome = ''] = found;
  // Only the clause of the finding: a dose or comparator in another clause narrows something else.
  const clause =
    sentence
      .slice(found.index)
      .replace(/^[,;:]\s*/u, '')
      .split(/[,;]/u)[0] ?? '';
  if (PARTIAL_MODIFIER.test(modifiers) || PARTIAL_CHANGE.test(clause) || onOtherEffect(claim, outcome)) return true;
  const way = NOUN_WAY[noun.toLowerCase()];
  const verbPart = claimVerbPart(claim);
  return way !== undefined && !CLAIM_WAYS.some(([w, verbs]) => w === way && verbs.test(verbPart));
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
  const [, , noun = '', outcome = ''] = found;
  const verb = CHANGE_VERBS[noun.toLowerCase()] ?? noun;
  // "reduction in X" is "reduce X"; "difference in X" is "differ in X"; "effect on X" is "affect X".
  const object = outcome.replace(/^\s*(?:in|of|on)\b/iu, verb === 'differ' ? ' in' : '');
  const opening = /^[,;:]|^\s*(?:and|but|whereas|while)\b/iu.exec(found[0])?.[0] ?? '';
  const end = found.index + found[0].length;
  return `${sentence.slice(0, found.index)}${opening} not ${verb}${object}${sentence.slice(end)}`
    .replace(/\s{2,}/gu, ' ')
    .trim();
}
