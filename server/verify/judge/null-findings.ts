// Null findings: "no significant difference", "not associated", "did not improve", and the weak
// ones ("little effect", "minimal benefit") that read as "no effect". A claim and its evidence that
// both report one agree however each words it (stance-features.ts).
import { caseless } from '../caseless-pattern.ts';

// A weak null finding negates as "no" does: "little effect", "negligible impact", "minimal or no
// benefit", "minimal improvement" read as "no effect" (but "a little", "minimal residual disease" do
// not). The nouns are shared with NULL_FINDING, so that a weak null finding is a null finding too.
const WEAK_NULL = /^(?:little|minimal|negligible|marginal)$/u;
const WEAK_NULL_NOUNS =
  'effects?|benefits?|impacts?|influences?|changes?|differences?|associations?|improvements?|advantages?|gains?|role';
const WEAK_NULL_OF = new RegExp(`^(?:${WEAK_NULL_NOUNS})$`, 'u');

/** Whether token i opens a weak null finding ("little effect", "minimal or no benefit"). */
export function weakNullAt(tokens: ReadonlyArray<{ word: string }>, i: number): boolean {
  if (!WEAK_NULL.test(tokens[i]!.word) || tokens[i - 1]?.word === 'a') return false;
  const next = tokens[i + 1]?.word === 'or' && tokens[i + 2]?.word === 'no' ? i + 3 : i + 1;
  return WEAK_NULL_OF.test(tokens[next]?.word ?? '');
}

// Words after which "not" asserts rather than negates: "not only improved … but also", "not just",
// "not surprisingly, X improved", "it is not unexpected that X improves".
const ASSERTING_AFTER_NOT = ['only', 'just', 'merely', 'surprising', 'surprisingly', 'unexpected', 'unexpectedly'];

/** A word after which "not" asserts rather than negates ("not only", "not surprisingly"). */
export const ASSERTING_NOT = new RegExp(`^(?:${ASSERTING_AFTER_NOT.join('|')})$`, 'u');

// A "not" that can open a null finding: not an asserting one, nor "not all gains" or "not clear
// whether", which deny a quantity or a certainty rather than an effect.
const NULL_NOT = `not(?!\\s+(?:${[...ASSERTING_AFTER_NOT, 'all', 'clear', 'clearly'].join('|')})\\b)`;

/**
 * A sentence (or clause) that reports no effect, no difference or no association. "did not improve"
 * and "no gain" deny a benefit as "no benefit" does, so a weak null finding ("minimal benefit")
 * agrees with them.
 */
export const NULL_FINDING = caseless(
  new RegExp(
    `\\b(?:no|${NULL_NOT}|neither)\\s+(?:\\w+\\s+){0,3}?(?:differ\\w*|var(?:y|ies|ied|iations?)\\b|effect\\w*|associat\\w*|chang\\w*|correlat\\w*|relat\\w*|impact\\w*|benefit\\w*|influenc\\w*|affect\\w*|alter\\w*|link\\w*|improv\\w*|gains?\\b|advantag\\w*)|\\b(?:unchanged|untouched|unaltered|unaffected|did\\s+not\\s+differ|comparable|similar\\s+(?:in|between|across|to))\\b|\\b(?:little|minimal|negligible)\\s+(?:or\\s+no\\s+)?(?:${WEAK_NULL_NOUNS})|\\b(?:was|were|is|are)\\s+not\\s+(?:statistically\\s+)?significant|\\bnon-?significant|did\\s+not\\s+reach\\s+(?:statistical\\s+)?significance`,
    'iu',
  ),
);
