// Null findings stated with a noun of change rather than a verb ("No reduction in stroke risk was
// seen", "No significant difference in mortality was found between the groups", "There was no
// reduction in stroke risk"): the bottom line reads them as it reads "did not reduce stroke risk", a
// finding against the question's claim.
import { CHANGE_WAYS, claimVerbPart, type Way } from './change-senses.ts';
import { describesGroups, onClaimOutcome } from './nominal-object.ts';

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

/** The nouns of change or effect ("reduction", "difference"), whose "in" names what changes ("an increase in UV light"). */
export const CHANGE_NOUNS: readonly string[] = Object.keys(CHANGE_VERBS);
const NOUNS = CHANGE_NOUNS.join('|');
/**
 * "No" opening a sentence or clause, a noun of change (with its modifiers), what it is in or of, and
 * a passive verb of observation ("was seen", "were observed", "could be detected"). The groups are
 * the modifiers, the noun and the words after it up to the verb (its outcome, within one clause).
 */
const NOMINAL_NULL = new RegExp(
  String.raw`(?:^|[,;:]\s*|\b(?:and|but|whereas|while)\s+)no\s+((?:(?:${MODIFIERS})\s+){0,3})(${NOUNS})s?\b([^.;:,]*?)\s+(?:was|were|has\s+been|have\s+been|could\s+be|can\s+be)\s+(?:\p{L}+ly\s+)?(?:seen|observed|found|detected|noted|shown|demonstrated|identified|evident|apparent|recorded|documented)\b`,
  'iu',
);
/**
 * The same finding stated as what there was ("There was no reduction in stroke risk", "there were no
 * significant changes in…"), in the past: "there is no…" states what holds in general. The groups are
 * as in NOMINAL_NULL, the outcome running to the end of its clause.
 */
const THERE_WAS_NO = new RegExp(
  String.raw`\bthere\s+(?:was|were|has\s+been|have\s+been)\s+no\s+((?:(?:${MODIFIERS})\s+){0,3})(${NOUNS})s?\b([^.;:,]*)`,
  'iu',
);

/**
 * A nominal null finding found in a sentence: where it is, how it opens, its modifiers, noun and
 * outcome (the words after the noun), and whether it is stated as what there was (THERE_WAS_NO).
 */
type NominalNull = {
  index: number;
  end: number;
  opening: string;
  modifiers: string;
  noun: string;
  outcome: string;
  thereWas: boolean;
};

function nominalNull(sentence: string): NominalNull | null {
  const seen = NOMINAL_NULL.exec(sentence);
  const found = seen ?? THERE_WAS_NO.exec(sentence);
  if (found === null) return null;
  const [whole, modifiers = '', noun = '', outcome = ''] = found;
  const opening = /^[,;:]|^\s*(?:and|but|whereas|while)\b/iu.exec(whole)?.[0] ?? '';
  const end = found.index + whole.length;
  return { index: found.index, end, opening, modifiers, noun, outcome, thereWas: seen === null };
}

/**
 * Whether a sentence states a null finding with a noun of change ("No reduction in stroke risk was
 * seen", "There was no reduction…"); not one that describes the groups compared, at baseline, in a
 * control arm or by what they were like, unless that is the claim's outcome (describesGroups); and
 * "There was no …" only on the claim's outcome, of its subject (onClaimOutcome: not "There was no
 * reduction in aspirin use after stroke" for "aspirin reduce stroke").
 */
export function isNominalNull(sentence: string, claim = ''): boolean {
  const found = nominalNull(sentence);
  if (found === null || describesGroups(sentence, found.index, found.outcome, claim)) return false;
  return claim === '' || !found.thereWas || onClaimOutcome(found.outcome, claim);
}

/**
 * Whether a sentence's nominal null finding describes the groups compared (describesGroups): at
 * baseline, in a control arm, or by what they were like. It is no finding on the claim, whichever
 * reading found it.
 */
export function describesComparedGroups(sentence: string, claim: string): boolean {
  const found = nominalNull(sentence);
  return found !== null && describesGroups(sentence, found.index, found.outcome, claim);
}

/**
 * Whether a sentence states a nominal null finding that settles nothing of the claim, though it is
 * still a finding against it: one on a part of the effect (PARTIAL_MODIFIER, PARTIAL_CHANGE in its
 * clause, OTHER_EFFECT the claim does not write), or one whose noun points another way than the
 * claim's verb ("No increase in stroke risk was seen" for "aspirin reduce stroke risk"; the words
 * of the group it is about, "in patients with raised blood pressure", point no way), or a "There
 * was no …" on another thing than the claim's outcome (onClaimOutcome). A noun that points no way
 * (difference, change, effect, benefit, association) goes with any verb.
 */
export function isUnsettlingNominalNull(claim: string, sentence: string): boolean {
  const found = nominalNull(sentence);
  if (found === null) return false;
  const { modifiers, noun, outcome } = found;
  // "There was no …" on another thing than the claim's outcome, or of another thing than its subject.
  if (found.thereWas && claim !== '' && !onClaimOutcome(outcome, claim)) return true;
  // Only the clause of the finding: a dose or comparator in another clause narrows something else.
  const clause =
    sentence
      .slice(found.index)
      .replace(/^[,;:]\s*/u, '')
      .split(/[,;]/u)[0] ?? '';
  if (PARTIAL_MODIFIER.test(modifiers) || PARTIAL_CHANGE.test(clause) || onOtherEffect(claim, outcome)) return true;
  const way = NOUN_WAY[noun.toLowerCase()];
  const verbPart = claimVerbPart(claim);
  return way !== undefined && !CHANGE_WAYS.some(([w, verbs]) => w === way && verbs.test(verbPart));
}

/**
 * The sentence with its nominal null finding written with the verb ("No significant reduction in
 * stroke risk was seen with aspirin" → "not reduce stroke risk with aspirin"; "No difference in X was
 * found between the groups" → "not differ in X between the groups"), so that what it is about and what
 * narrows it are read as in "did not reduce stroke risk"; the sentence unchanged when it states none.
 */
export function verbalNull(sentence: string): string {
  const found = nominalNull(sentence);
  if (found === null) return sentence;
  const { noun, outcome, opening, index, end } = found;
  const verb = CHANGE_VERBS[noun.toLowerCase()] ?? noun;
  // "reduction in X" is "reduce X"; "difference in X" is "differ in X"; "effect on X" is "affect X".
  const object = outcome.replace(/^\s*(?:in|of|on)\b/iu, verb === 'differ' ? ' in' : '');
  return `${sentence.slice(0, index)}${opening} not ${verb}${object}${sentence.slice(end)}`
    .replace(/\s{2,}/gu, ' ')
    .trim();
}
