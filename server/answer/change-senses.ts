// Verbs of change as the bottom line reads them: the way a claim's verb points ("lower" down,
// "impair" worse), and the verbs that say the same change in the same sense ("lower" and "reduce",
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

/**
 * Whether a claim's word of change is held by a clause that writes the same change in the same sense
 * (SAME_CHANGE): "lower" of "aspirin lower stroke risk" by "did not reduce the risk of stroke". The
 * claim's word must be in its verb part (claimVerbPart), not in the group it asks about ("in patients
 * with lower income"), and the clause's word must change one of the claim's other words: the first
 * word after it, passing over articles, prepositions and adverbs, is one ("reduce upper limb
 * swelling" holds no "lower" of "lower limb swelling").
 */
export function heldAsSameChange(claim: string, word: string, clause: string): boolean {
  const senses = SAME_CHANGE.find((forms) => forms.has(conceptForm(word)));
  if (senses === undefined || !conceptForms(claimVerbPart(claim)).has(conceptForm(word))) return false;
  const others = conceptForms(claim);
  for (const form of senses) others.delete(form);
  const words = (clause.toLowerCase().match(WORD) ?? []).filter((w) => !PASSED_OVER(w));
  return words.some((w, i) => senses.has(conceptForm(w)) && holdsStem(others, conceptForm(words[i + 1] ?? '')));
}

/** A denial and the words after it, in which the denied verb of change is looked for ("did not significantly reduce"). */
const DENIED = /(?:\bnot|n't|\bnever|\bno|\bfail(?:s|ed)?\s+to)\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/giu;

/**
 * Whether a clause denies only changes of another way than the claim's verb: "Aspirin did not
 * increase stroke risk" for "aspirin reduce stroke risk", "was not associated with increased risk"
 * for "aspirin lower the risk": a finding against, but not one that settles the question. In each
 * denial the first word of change within four words is read; a claim whose verb points no way
 * ("affect") takes any.
 */
export function deniesOtherWay(claim: string, clause: string): boolean {
  const asked = waysOf(claimVerbPart(claim));
  if (asked.size === 0) return false;
  let other = false;
  for (const denied of clause.matchAll(DENIED)) {
    const ways = (denied[1] ?? '')
      .split(/\s+/u)
      .map(waysOf)
      .find((found) => found.size > 0);
    if (ways === undefined) continue;
    if ([...ways].some((way) => asked.has(way))) return false;
    other = true;
  }
  return other;
}
