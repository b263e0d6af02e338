// Losses written one way for the bottom line, when a question asks about a small or no loss: it must
// not read "without losing much performance" (a negation) against "while losing very little
// performance" (none) as a denial, since both say the loss is small; a large one still denies it.

// What is lost: a verb of loss, or a noun of loss with "in"/"of" after it.
const LOSS_VERB = String.raw`(?:losing|sacrificing|compromising|hurting|harming|degrading|giving\s+up|dropping)`;
const LOSS_NOUN = '(?:loss|losses|drop|drops|degradation|decrease|decline|reduction|cost|penalty|sacrifice)';
// How much, when it is small.
const LITTLE = String.raw`(?:(?:very|only|relatively|a)\s+){0,2}(?:little|minimal|negligible|marginal|slight|small|minor|modest)`;
// How much, after "without" or "no": any, or a large amount.
const ANY = String.raw`(?:much|any|a\s+lot\s+of|(?:a\s+)?(?:significant|substantial|noticeable|notable|large|major|big|meaningful|measurable)|significantly|substantially|noticeably|notably|meaningfully|measurably)`;

const SMALL_LOSS = new RegExp(
  [
    // "without losing much", "without sacrificing", "without significantly hurting"
    String.raw`\bwithout\s+(?:${ANY}\s+)?${LOSS_VERB}(?:\s+${ANY})?`,
    // "without a significant loss in", "with no noticeable drop of", "at no cost to"
    String.raw`\b(?:without|with\s+no|at\s+no)\s+(?:${ANY}\s+)?${LOSS_NOUN}\s+(?:in|of|to)`,
    // "losing very little", "while sacrificing only minimal", "and losing little"
    String.raw`\b(?:(?:while|whilst|and)\s+)?${LOSS_VERB}\s+${LITTLE}(?:\s+(?:of|in))?`,
    // "with little loss in", "at a small cost to", "with only a marginal drop of"
    String.raw`\b(?:with|at)\s+${LITTLE}\s+${LOSS_NOUN}\s+(?:in|of|to)`,
  ].join('|'),
  'giu',
);

// A large loss put as a noun ("at the cost of a large drop in accuracy", "a significant loss of
// quality"), which the judge reads as no loss at all unless it is written as one.
const LARGE =
  '(?:significant|substantial|noticeable|notable|large|major|big|marked|considerable|sharp|severe|steep|dramatic)';
const LARGE_LOSS = new RegExp(String.raw`\b(?:an?\s+)?${LARGE}\s+${LOSS_NOUN}\s+(?:in|of|to)`, 'giu');

const SPEAKS_OF_SMALL_LOSS = new RegExp(SMALL_LOSS.source, 'iu');

/** The wording every small or absent loss is given: a negated loss, as questions put it. */
const SMALL_WRITTEN = 'without losing much';
/** The wording a large loss is given, which the small one denies. */
const LARGE_WRITTEN = 'losing much';

/**
 * A claim and a sentence with their losses written alike when the claim speaks of a small or no
 * loss: "without sacrificing quality", "with a negligible drop in accuracy" and "while losing very
 * little performance" all become "without losing much …", and a large loss in the sentence ("at the
 * cost of a large drop in performance") "losing much …", so that it still denies the claim. A claim
 * that speaks of no small loss keeps both as they are: there "a small decrease in mortality" is a
 * direction, not a loss kept small.
 */
export function lossWrittenAlike(claim: string, sentence: string): { claim: string; sentence: string } {
  if (!SPEAKS_OF_SMALL_LOSS.test(claim)) return { claim, sentence };
  return {
    claim: claim.replace(SMALL_LOSS, SMALL_WRITTEN),
    sentence: sentence.replace(SMALL_LOSS, SMALL_WRITTEN).replace(LARGE_LOSS, LARGE_WRITTEN),
  };
}
