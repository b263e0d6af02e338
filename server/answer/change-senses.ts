// Verbs of change as the bottom line reads them: the way a claim's verb points ("lower" down,
// "impair" worse), which of its words of change is its verb ("reduce" of "lower doses reduce side
// effects"), and the verbs that say the same change in the same sense ("lower" and "reduce",
// "impair" and "worsen"), so that a finding written with one settles a question asked with the other.
import { STOP_WORDS } from '../../indexer/text/analyze.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForm, conceptForms } from './question-concepts.ts';

/** The way a verb of change points. */
export type Way = 'down' | 'up' | 'better' | 'worse';

/**
 * The verbs of a claim that point each way ("Does aspirin lower stroke risk?" points down). "Enhance"
 * and "boost" point up and better; "cut" only as a whole word ("cutaneous" is none).
 */
export const CHANGE_WAYS: ReadonlyArray<readonly [Way, RegExp]> = [
  [
    'down',
    /\b(?:(?:reduc|decreas|lower|declin|diminish|prevent|attenuat|shorten|suppress|inhibit|curb|protect|reliev|alleviat|slow)\p{L}*|cut(?:s|ting)?\b)/iu,
  ],
  ['up', /\b(?:increas|rais|rise|rising|rose|elevat|prolong|enhanc|boost|extend|lengthen|promot)\p{L}*/iu],
  ['better', /\b(?:improv|enhanc|boost)\p{L}*/iu],
  ['worse', /\b(?:worsen|impair|deteriorat)\p{L}*/iu],
];

/** The ways the verbs of change in a text point. */
export function waysOf(text: string): Set<Way> {
  return new Set(CHANGE_WAYS.filter(([, verbs]) => verbs.test(text)).map(([way]) => way));
}

/**
 * The part of a claim its verb is in: what comes before the group or condition it is about ("aspirin
 * reduce stroke risk" of "… in patients with raised blood pressure"), whose words ("raised",
 * "reduced kidney function") point no way of the claim. A preposition before a word that points a
 * way opens no group ("associated with reduced stroke risk", "result in lower mortality").
 */
export function claimVerbPart(claim: string): string {
  for (const found of claim.matchAll(/\s+(?:in|among|with|for|at)\s+(?:(?:an?|the)\s+)?(\p{L}*)/giu)) {
    const word = found[1] ?? '';
    if (!CHANGE_WAYS.some(([, verbs]) => verbs.test(word))) return claim.slice(0, found.index);
  }
  return claim;
}

/**
 * Verbs of change that say the same change in the same sense, with their nouns: each a closed,
 * reviewed list. "Decline" is left out (patients "declined" to take part), and so are "prevent",
 * "inhibit", "relieve" (down, but another sense), "enhance" (better or up: "enhanced absorption"),
 * "boost" and "promote"; "improve" and "increase" stay apart, since more of a harm is no improvement.
 */
const SAME_CHANGE: ReadonlyArray<ReadonlySet<string>> = [
  ['reduce', 'lower', 'decrease', 'diminish', 'lessen', 'reduction', 'lowering', 'diminution'],
  ['increase', 'raise', 'elevate', 'elevation'],
  ['worsen', 'impair', 'exacerbate', 'aggravate', 'worsening', 'impairment', 'exacerbation', 'aggravation'],
  ['improve', 'ameliorate', 'improvement', 'amelioration'],
].map((words) => new Set(words.map(conceptForm)));

const WORD = /\p{L}[\p{L}\p{N}'’-]*|\p{N}+/gu;
/** Words passed over after a verb of change, before what it changes ("reduced the risk", "decrease significantly in"). */
const PASSED_OVER = (word: string) => STOP_WORDS.has(word) || /^(?:an?|any|its|\p{L}+ly)$/u.test(word);

/** Words after which a word of change is an adjective of a noun ("a lower dose", "of the lower limb"), not the claim's verb. */
const DETERMINER = /^(?:a|an|the|its|their|his|her|our|this|that|these|those|some|any|no|each|every)$/iu;

/** A claim's words as its verb is looked for among them (claimVerb): a hyphenated word is one. */
export const claimWords = (claim: string): string[] => claim.match(WORD) ?? [];

/** Whether a word is one of change: it points a way (CHANGE_WAYS) or has a same-sense class (SAME_CHANGE). */
export const isChangeWord = (word: string) =>
  CHANGE_WAYS.some(([, verbs]) => verbs.test(word)) || SAME_CHANGE.some((forms) => forms.has(conceptForm(word)));

/** The ending of a noun of change ("leg elevation", "stroke prevention"), which is no verb. */
const NOUN_ENDING = /(?:tion|sion|ment|ness|ance|ence|ity)$/iu;

/**
 * The claim's verb of change: the first word of change in its verb part (claimVerbPart) that is no
 * adjective of a noun, as a word is at the claim's start ("lower doses reduce side effects"), after
 * an article or determiner ("a lower dose", "of the lower limb") or joined by a hyphen
 * ("reduced-fat"), and no noun ("leg elevation reduce swelling"); null when there is none. A word
 * after a preposition may be it ("associated with reduced stroke risk"). Its index is among the
 * claim's words (claimWords).
 */
export function claimVerb(claim: string): { word: string; index: number } | null {
  const words = claimWords(claimVerbPart(claim));
  for (const [index, word] of words.entries()) {
    if (index === 0 || word.includes('-') || DETERMINER.test(words[index - 1] ?? '') || NOUN_ENDING.test(word))
      continue;
    if (isChangeWord(word)) return { word, index };
  }
  return null;
}

/**
 * Whether a claim's word of change is held by a clause that writes the same change in the same sense
 * (SAME_CHANGE), where the clause's word changes what the claim's does: the claim's verb (claimVerb),
 * "lower" of "aspirin lower stroke risk", by a word before one of the claim's other words ("did not
 * reduce the risk of stroke"; the next word, passing over articles, prepositions and adverbs); any
 * other, an adjective of a noun, by a word before that noun ("a reduced dose" for "a lower dose"), so
 * that "reduce upper limb swelling" holds no "lower" of "lower limb swelling", nor "did not reduce
 * side effects" the "lower" of "lower doses reduce side effects". And one word of the clause stands
 * for one of the claim: the clause must write the change as often as the claim does, so that the one
 * "reduce" of "salt intake did not reduce blood pressure" is not both "reduced" and "lower" of
 * "reduced salt intake lower blood pressure".
 */
export function heldAsSameChange(claim: string, word: string, clause: string): boolean {
  const form = conceptForm(word);
  const senses = SAME_CHANGE.find((forms) => forms.has(form));
  if (senses === undefined) return false;
  const others = conceptForms(claim);
  for (const sense of senses) others.delete(sense);
  // Words joined by a hyphen count apart ("reduced-fat" holds a "reduced").
  const claimed = (claim.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !PASSED_OVER(w));
  const verb = claimVerb(claim);
  let changed = others;
  if (verb === null || conceptForm(verb.word) !== form) {
    const at = claimed.findIndex((w) => conceptForm(w) === form);
    const noun = at < 0 ? undefined : claimed[at + 1];
    if (noun === undefined || senses.has(conceptForm(noun))) return false;
    changed = new Set([conceptForm(noun)]);
  }
  const words = (clause.toLowerCase().match(WORD) ?? []).filter((w) => !PASSED_OVER(w));
  const changing = words.flatMap((w, i) => (senses.has(conceptForm(w)) ? [conceptForm(words[i + 1] ?? '')] : []));
  const asked = claimed.filter((w) => senses.has(conceptForm(w))).length;
  return (
    changing.some((next) => holdsStem(changed, next)) &&
    changing.filter((next) => holdsStem(others, next)).length >= asked
  );
}
