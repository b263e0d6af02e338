// When one cited sentence settles a yes/no question against its claim on its own, where the fitted
// balance (bottom-line.ts) otherwise asks two findings against: a qualifier the sentence puts in the
// place of the claim's ("regardless of" for "only when", "approximately" for "exactly", "lethal" for
// "viable"), a model the authors reject in the claim's words, a difference stated for a question of
// sameness, and a finding against that is plainly on the question (its comparison reversed, the
// claim's own verb denied as an ability, or nearly all the claim's topic words held).

import { comparisonConflict } from '../verify/judge/reading-facts.ts';
import { readSentence } from '../verify/judge/stance-reading.ts';
import { deniesAbility, topicShare } from './counted-findings.ts';
import { holdsStem } from './own-terms.ts';
import { conceptForms } from './question-concepts.ts';

/**
 * The share of the claim's topic words a finding against must hold to settle the question alone. On
 * PubMedQA's cited sentences (replayed offline) 0.8 adds three commitments, two right; 0.7 adds seven,
 * three right.
 */
const MIN_SETTLING_SHARE = 0.8;

/**
 * Pairs of qualifiers where a sentence holding the second, and not the first, says the claim holding
 * the first does not hold: a condition the claim makes the only one against one that does not matter,
 * an exact form against an approximate one, a living form against a lethal one.
 */
const OPPOSED_QUALIFIERS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [
    /\bonly\s+(?:when|if|in|with|under|after|for)\b/iu,
    /\b(?:regardless\s+of|irrespective\s+of|independent(?:ly)?\s+of)\b/iu,
  ],
  [
    /\b(?:exactly|precisely|strictly|perfectly)\b/iu,
    /\b(?:approximately|roughly|nearly|almost|only\s+approximately)\b/iu,
  ],
  [/\bviable\b/iu, /\b(?:lethal|inviable|nonviable|non-viable|lethality)\b/iu],
  [/\b(?:lethal|lethality)\b/iu, /\b(?:viable|survived|survive)\b/iu],
];

/**
 * Whether a sentence puts an opposed qualifier in the place of the claim's ("BCL9 enhances the
 * activity regardless of the mutational status" for "BCL9 enhance the activity only when the
 * components are mutated"; "the double mutant was lethal" for "the double mutant viable"). The
 * sentence must not hold the claim's own qualifier as well ("the single mutant was viable, the double
 * mutant lethal" answers either way).
 */
export function opposedQualifier(claim: string, sentence: string): boolean {
  return OPPOSED_QUALIFIERS.some(([asked, opposed]) => {
    const condition = asked.exec(claim);
    const against = opposed.exec(sentence);
    if (condition === null || against === null || asked.test(sentence)) return false;
    // A condition set aside must be the claim's: "only when the genes are mutated" is answered by
    // "regardless of the mutational status", not by "independent of age".
    if (!/^only\b/iu.test(condition[0])) return true;
    const asks = conceptForms(claim.slice(condition.index + condition[0].length));
    const after = sentence
      .slice(against.index + against[0].length)
      .trim()
      .split(/\s+/u)
      .slice(0, 10)
      .join(' ');
    return [...conceptForms(after)].some((form) => form.length > 3 && holdsStem(asks, form));
  });
}

/**
 * A model, view or hypothesis the authors reject ("Our results disagree with models in which the
 * stalk acts as a lever arm", "…are inconsistent with the view that…"); the group is what the
 * rejected model holds.
 */
const REJECTED_MODEL =
  /\b(?:disagree|disagrees|disagreed|are\s+inconsistent|is\s+inconsistent|are\s+incompatible|is\s+incompatible|argue\s+against|argues\s+against|rule\s+out|rules\s+out|ruled\s+out|refute|refutes|refuted)\s+(?:with\s+)?(?:the\s+|a\s+|any\s+|previous\s+|current\s+|existing\s+)*(?:models?|views?|hypothes[ie]s|notions?|ideas?|proposals?)\s+(?:in\s+which|that|where|whereby)\b([^.;]*)/iu;

/** Whether the authors reject a model in which the claim holds: the model holds all the claim's topic words but one. */
export function rejectsClaimedModel(claim: string, sentence: string): boolean {
  const rejected = REJECTED_MODEL.exec(sentence);
  if (rejected === null) return false;
  return topicShare(rejected[1] ?? '', claim) >= MIN_SETTLING_SHARE;
}

/** A difference stated in words ("mechanistically distinct from", "differs from", "unlike"). */
const STATED_DIFFERENCE =
  /\b(?:distinct|different|differs?|differed|separable|unlike|dissimilar)\b(?:\s+\p{L}+)?\s+(?:from|to)\b|\bunlike\b/iu;
/** A likeness stated in words ("comparable effectiveness", "similar to", "as effective as"). */
const STATED_LIKENESS =
  /\b(?:comparable|similar|same|equivalent|equal|identical|indistinguishable|non-?inferior)\b|\bas\s+\p{L}+\s+as\b/iu;

/**
 * Which way a sentence points on a question of sameness ("Is X the same process as Y?") by what it
 * states in words: −1 a difference ("X is distinct from Y"), +1 a likeness, 0 neither.
 */
export function statedSameness(sentence: string): -1 | 0 | 1 {
  if (STATED_DIFFERENCE.test(sentence)) return -1;
  return STATED_LIKENESS.test(sentence) ? 1 : 0;
}

/**
 * Whether a finding against a claim settles the question on its own: it reverses the claim's
 * comparison ("16-nt siRNA has a higher loading capacity than 19-nt siRNA" for "16-nt siRNA a weaker
 * trigger than 19-nt siRNA"), denies the claim's verb as an ability ("its inability to polymerize"),
 * or holds nearly all the claim's topic words. A null finding on part of the question, or a reversed
 * effect on a neighbouring outcome, stays one finding among others (on PubMedQA they point either way).
 */
export function settlesAgainst(claim: string, sentence: string): boolean {
  return (
    topicShare(sentence, claim) >= MIN_SETTLING_SHARE ||
    deniesAbility(sentence, claim) ||
    comparisonConflict(readSentence(claim), [readSentence(sentence)])
  );
}

/**
 * Whether a sentence on the claim's subject opposes the claim outright, finding or not: an opposed
 * qualifier (opposedQualifier) or a model the authors reject in the claim's words.
 */
export function opposesClaim(claim: string, sentence: string): boolean {
  return claim !== '' && (opposedQualifier(claim, sentence) || rejectsClaimedModel(claim, sentence));
}

/**
 * What one finding (its stance on the claim, as findingStance reads it) counts for in the balance,
 * `settling` being what a settling finding counts: against a claim of sameness ("Is X as effective
 * as Y?") a stated difference settles and a stated likeness is for, otherwise the stance is turned
 * round (a null finding says alike); elsewhere a finding against that settles the question
 * (settlesAgainst) counts `settling`.
 */
export function countedFinding(
  claim: string,
  sentence: string,
  stance: -1 | 0 | 1,
  sameness: boolean,
  settling: number,
): number {
  if (stance === 0) return 0;
  if (sameness) {
    const stated = statedSameness(sentence);
    return stated < 0 ? -settling : stated > 0 ? 1 : -stance;
  }
  return stance < 0 && settlesAgainst(claim, sentence) ? -settling : stance;
}
