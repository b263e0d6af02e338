// Comparisons the evidence makes the other way round from the claim: "A is more effective than B"
// against "B was more effective than A", alike against widely different, read side by side with the
// measure each names (comparisons.ts reads what a sentence ranks against what).
import { antonymsOf } from './antonyms.ts';
import type { Comparison } from './comparisons.ts';
import { termsOfReading } from './reading-facts.ts';
import type { SentenceReading } from './stance-reading.ts';

const meets = (a: readonly string[], b: readonly string[]) => a.some((t) => b.includes(t));

/**
 * Whether two comparisons name the same sides in the same order ('same': "A … than B" and "A … than
 * B"), the other way round ('swapped'), or neither can be told (null).
 */
export function sidesOf(c: Comparison, e: Comparison): 'same' | 'swapped' | null {
  let same = meets(c.left, e.left) && meets(c.right, e.right);
  let swapped = meets(c.left, e.right) && meets(c.right, e.left);
  // Sides that share their setting ("… in the early phase") are told apart by their heads.
  if (same === swapped && c.rightHead && e.rightHead) {
    same = meets(c.left, e.left) && meets(c.rightHead, e.rightHead);
    swapped = meets(c.left, e.rightHead) && meets(c.rightHead, e.left);
  }
  return same === swapped ? null : same ? 'same' : 'swapped';
}

// Whether a "more" or "less" grades opposite words in the two ("more slowly", "less quickly"): the
// one then ranks as the other would with its comparative turned round.
const gradesOpposites = (c: Comparison, e: Comparison) =>
  c.graded !== undefined && e.graded !== undefined && antonymsOf(c.graded).has(e.graded);

/**
 * Whether a claim and an evidence sentence each grade a word with "more" or "less" in a comparison of
 * the same two sides, named the other way round ("declined more slowly in A than in B", "fell less
 * quickly in B than in A").
 */
export function gradedSidesSwapped(claim: SentenceReading, evidence: SentenceReading): boolean {
  return claim.comparisons.some(
    (c) =>
      c.graded !== undefined && evidence.comparisons.some((e) => e.graded !== undefined && sidesOf(c, e) === 'swapped'),
  );
}

// "more slowly" ranks as "slower" does: a comparison's direction turned by the adverb its "more" or
// "less" grades, where it has a direction of its own.
const turnedBy = (c: Comparison) => c.direction * (c.gradedBy ?? 1);

// How an evidence comparison `e`, read in `reading`, reads the claim's comparison `c`: 'reversed',
// 'kept', or null (other sides, or a measure the claim does not compare).
function readAgainst(
  claim: SentenceReading,
  c: Comparison,
  e: Comparison,
  reading: SentenceReading,
): 'reversed' | 'kept' | null {
  const sides = sidesOf(c, e);
  if (sides === null || !inScope(claim, c, e, reading)) return null;
  const same = sides === 'same';
  if (!measureRead(c, e, claim) || !measureRead(e, c, reading)) return null;
  // Two values or superlatives rank by what they measure, never by worth ("outperforms").
  if ((c.judging && e.ranked) || (e.judging && c.ranked)) return null;
  if (c.direction === 0 || e.direction === 0)
    return c.direction !== e.direction && (c.wide || e.wide) ? 'reversed' : null;
  // "fell less quickly in A than in B" ranks as "declined more slowly in A than in B" does.
  const graded = c.gradedBy !== undefined || e.gradedBy !== undefined;
  const claimDirection = graded ? turnedBy(c) : c.direction;
  const direction = graded ? turnedBy(e) : gradesOpposites(c, e) ? -e.direction : e.direction;
  return (same ? claimDirection !== direction : claimDirection === direction) ? 'reversed' : 'kept';
}

// Whether two comparisons may rank the same measure: a comparison that holds for one measure of
// several ("compared with controls, treated mice showed reduced tumour volume and increased
// survival") reads only a comparison whose own measure, or else whose sentence, names that one.
function inScope(claim: SentenceReading, c: Comparison, e: Comparison, reading: SentenceReading): boolean {
  if (c.scope && e.scope) return meets(c.scope, e.scope);
  if (e.scope) {
    const named = termsOfReading(claim);
    return e.scope.some((t) => named.has(t));
  }
  if (c.scope) {
    const named = termsOfReading(reading);
    return c.scope.some((t) => named.has(t));
  }
  return true;
}

/**
 * The comparative words of a claim's comparison that the evidence keeps with its sides named the
 * other way round and the comparative turned ("non-smokers had more lung capacity than smokers"
 * against "smokers had less lung capacity than non-smokers": more, less), or null: the two words then
 * say one finding, and their opposite directions are no conflict.
 */
export function turnedComparatives(
  claim: SentenceReading,
  evidence: SentenceReading,
): { claim: string; evidence: string } | null {
  for (const c of claim.comparisons) {
    if (!c.comparative) continue;
    for (const e of evidence.comparisons) {
      if (!e.comparative || sidesOf(c, e) !== 'swapped') continue;
      if (readAgainst(claim, c, e, evidence) === 'kept') return { claim: c.comparative, evidence: e.comparative };
    }
  }
  return null;
}

/**
 * Whether the evidence ranks the claim's two sides the other way round: "A is more effective than B"
 * against "B was more effective than A", or against "A was less effective than B"; or sets alike
 * what the other side says differ widely ("A performs comparably to B" against "A outperforms B by
 * a wide margin", either way round; a plain "outperforms" may be a small difference, and is not
 * read so). Each side is known by a term only it names; a comparison whose sides the evidence does
 * not name is not read; nor a claim of worth ("outperforms") against two values or superlatives;
 * and when the evidence also keeps the ranking elsewhere (a ranking that differs by measure), a
 * reversal counts only in a sentence closer to the claim than every keeping one.
 */
export function comparisonConflict(claim: SentenceReading, evidence: readonly SentenceReading[]): boolean {
  if (claim.comparisons.length === 0) return false;
  // A paper that ranks the two sides both ways, on different measures ("sadness was higher on A than
  // on B"; "the total score was higher on B than on A"), is read by the sentence closest to the
  // claim: the one sharing most of its terms, among those that only reverse or only keep its ranking.
  // A reversal counts when it is closer than every keeping sentence.
  const claimTerms = [...termsOfReading(claim)];
  return claim.comparisons.some((c) => {
    let reversed = -1;
    let kept = -1;
    for (const reading of evidence) {
      const reads = reading.comparisons.map((e) => readAgainst(claim, c, e, reading));
      const reverses = reads.includes('reversed');
      if (reverses === reads.includes('kept')) continue;
      const named = termsOfReading(reading);
      const shared = claimTerms.filter((t) => named.has(t)).length;
      if (reverses) reversed = Math.max(reversed, shared);
      else kept = Math.max(kept, shared);
    }
    return reversed >= 0 && reversed > kept;
  });
}

// Whether `other`, read in `otherReading`, ranks by the lower-is-better measure `pair`'s sentence
// names, if any: it names that measure and compares amounts, not worth ("A was more effective than B in
// preventing death" against "mortality was 8% with A versus 12% with B" reverses nothing). A pair that
// itself judges worth ("more effective") ranks by worth whatever measure its sentence also names.
function measureRead(pair: Comparison, other: Comparison, otherReading: SentenceReading): boolean {
  if (!pair.measure || pair.judging) return true;
  const named = termsOfReading(otherReading);
  return !other.judging && pair.measure.some((t) => named.has(t));
}
