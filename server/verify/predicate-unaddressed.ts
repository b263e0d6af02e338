// How much of what a claim says of a paper the paper never mentions: the unmentioned words' share
// read without the claim's terms of the paper's name (which any claim about the paper states).
import type { ClaimProfile } from './support-features.ts';
import { bagOf } from './term-vectors.ts';
import type { Unaddressed } from './unaddressed-words.ts';

/** The unmentioned share and term count of the claim's predicate: what it says of the paper, its name left out. */
export type PredicateUnaddressed = {
  /** The unmentioned words' share of the weight of the claim's terms the paper's name does not hold, 0–1. */
  share: number;
  /** How many distinct terms the claim has besides those of the paper's name. */
  claimTerms: number;
};

/** The claim's unmentioned words (Unaddressed) with the same reading of its predicate. */
export type ClaimUnaddressed = Unaddressed & { predicate?: PredicateUnaddressed };

/** The most words a paper's name has ("Dynamic Boundary Evaluation"); a longer title part describes the work. */
export const NAME_WORDS = 3;

// "Long form (ABBR)" or "ABBR (Long form)".
const WITH_PARENTHESIS = /^(.*?)\s*\(([^()]+)\)\s*$/u;

/**
 * The paper's name in its title, or null when the title only describes the work: the part before a
 * colon ("Memory Inception: Latent-Space KV Cache Manipulation…"), the shorter of a form and the one
 * in parentheses ("VHG" of "Verifier-Backed Hard Problem Generation (VHG)"), or the whole title, when
 * that has at most NAME_WORDS words ("SoftSAE"). The words of a description ("Attention is all you
 * need", "Aspirin and the risk of colorectal cancer: a cohort study") are what a claim says of the
 * paper, not its name.
 */
export function paperNameOf(title: string): string | null {
  const colon = title.indexOf(':');
  const parenthesis = WITH_PARENTHESIS.exec(title);
  let name = title.trim();
  if (colon > 0) name = title.slice(0, colon).trim();
  else if (parenthesis) {
    const [, outside, inside] = parenthesis as unknown as [string, string, string];
    name = outside.length <= inside.length ? outside : inside;
  }
  const words = name.split(/\s+/u).filter(Boolean).length;
  return words > 0 && words <= NAME_WORDS ? name : null;
}

/**
 * The claim's unmentioned share read on its predicate: the terms of the paper's name (`name`, from
 * paperNameOf) are mentioned by every text about the paper ("Memory Inception outperforms activation
 * steering on TruthfulQA" names it in two of its six terms), so they leave the denominator, as the
 * title's terms leave the alignment of stance sentences (support-scorer.ts stanceAlignment). The
 * name's share of the claim is read on the claim's IDF weights (`claim.weights`). A claim that does
 * not name the paper, or says nothing but its name, keeps its share and term count.
 */
export function predicateUnaddressed(
  unaddressed: Unaddressed,
  claim: Pick<ClaimProfile, 'weights' | 'totalWeight'>,
  name: string | null,
): PredicateUnaddressed {
  const whole = { share: unaddressed.share, claimTerms: unaddressed.claimTerms };
  if (name === null || claim.totalWeight === 0) return whole;
  const named = bagOf(name).counts;
  let nameWeight = 0;
  let nameTerms = 0;
  for (const [term, weight] of claim.weights)
    if (named.has(term)) {
      nameWeight += weight;
      nameTerms++;
    }
  if (nameWeight === 0 || nameWeight >= claim.totalWeight) return whole;
  return {
    share: Math.min(1, (unaddressed.share * claim.totalWeight) / (claim.totalWeight - nameWeight)),
    claimTerms: Math.max(1, unaddressed.claimTerms - nameTerms),
  };
}
