// The conflicts a reader is shown: what in the evidence disagrees with the claim, and where.
import type { StanceFeatures } from './judge/stance-features.ts';
import type { SupportFeatures } from './support-features.ts';

/** What in the evidence sentence disagrees with the claim. */
export type SupportConflict = 'negation' | 'direction' | 'numbers' | 'quantifier' | 'scope';

// A prefix that negates the word after it without doubt ("unaligned", "non-private"); "in-", "im-",
// "dis-" also begin words that negate nothing ("impaired", "display", "disability").
const NEGATING_PREFIX = /^(?:un|non-?)(\p{L}{4,})$/u;

/**
 * Whether one text negates by "un-" or "non-" a word of at least four letters that the other
 * states plainly and it does not ("unaligned" against "aligned").
 */
export function shownPrefixAntonym(claim: string, evidence: readonly string[]): boolean {
  const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []);
  const negates = (from: ReadonlySet<string>, to: ReadonlySet<string>) =>
    [...from].some((word) => {
      const rest = NEGATING_PREFIX.exec(word)?.[1];
      return rest !== undefined && to.has(rest) && !from.has(rest);
    });
  const claimWords = wordsOf(claim);
  return evidence.some((text) => {
    const words = wordsOf(text);
    return negates(claimWords, words) || negates(words, claimWords);
  });
}

/**
 * What in the evidence disagrees with the claim, by the features and stance that show it. A prefix
 * antonym the stance reads counts only where `texts` show it with "un-" or "non-" (shownPrefixAntonym).
 */
export function conflictsOf(
  features: SupportFeatures,
  stance: StanceFeatures,
  texts?: { claim: string; evidence: readonly string[] },
): SupportConflict[] {
  const conflicts: SupportConflict[] = [];
  if (
    stance.negationMismatch > 0 ||
    // A negation of a thing the paper never names: no contradiction, and no support either.
    stance.negatesUnnamed === 1 ||
    stance.scopedNegation > 0 ||
    stance.nullFindingMismatch > 0 ||
    stance.deniedAlternative > 0 ||
    stance.requirementConflict > 0 ||
    // A word one side negates by its prefix ("unaligned" against "aligned").
    (stance.prefixAntonym > 0 && texts !== undefined && shownPrefixAntonym(texts.claim, texts.evidence))
  )
    conflicts.push('negation');
  // An antonym ("benign" against "malignant") points the other way as much as a reversed effect does.
  if (
    features.directionMismatch > 0 ||
    stance.directionConflict > 0 ||
    stance.antonymConflict > 0 ||
    stance.comparisonConflict > 0
  )
    conflicts.push('direction');
  if (features.numbersMissing > 0 || stance.quantityConflict > 0) conflicts.push('numbers');
  if (stance.quantifierConflict > 0) conflicts.push('quantifier');
  if (stance.speciesMismatch > 0 || stance.kindMismatch > 0) conflicts.push('scope');
  return conflicts;
}
