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

/**
 * The claim's unmentioned words (Unaddressed) with the same reading of its predicate, and those of
 * them that are numbered names whose sibling the paper names ("CCR9" against "CCR4"; sibling-names.ts).
 */
export type ClaimUnaddressed = Unaddressed & { predicate?: PredicateUnaddressed; siblings?: string[] };

/** The most words a paper's name has ("Dynamic Boundary Evaluation"); a longer title part describes the work. */
export const NAME_WORDS = 3;

// "Long form (ABBR)" or "ABBR (Long form)".
const WITH_PARENTHESIS = /^(.*?)\s*\(([^()]+)\)\s*$/u;
// A coined word: a capital or a digit inside it ("GlazyBench", "BERT", "COGCAPTCHA30", "RecGPT-Mobile").
const COINED = /[\p{L}\p{N}][\p{Lu}\p{N}]/u;
// An abbreviation in parentheses: one word with two capitals or a digit ("VHG", "StraTA", "NeWTral").
const ABBREVIATION = /^(?=\S*\p{Lu}\S*[\p{Lu}\p{N}])\S+$/u;

/**
 * The paper's name in its title, or null when the title only describes the work: the part before a
 * colon ("Memory Inception: Latent-Space KV Cache Manipulation…"), the abbreviation in parentheses
 * ("VHG" of "Verifier-Backed Hard Problem Generation (VHG)", "POPO" of "POPO (Positive-Only Policy
 * Optimization)"), or the whole title, when that has at most NAME_WORDS words ("SoftSAE"). A colon
 * part or a short title is a name only when it has a coined word ("GlazyBench", "EMO") or the
 * abstract writes it as one, in the title's capitals and never in lower case ("Memory Inception
 * steers…"): a topic ("Obesity: Global Trends…", "Sleep Deprivation: Effects on Working Memory…",
 * "Negative Before Positive: …") or a descriptive title ("Exercise and Depression") is what a claim
 * says of the paper, not its name; so is the note of "Aspirin for adenomas (Review)".
 */
export function paperNameOf(title: string, abstract: string): string | null {
  const colon = title.indexOf(':');
  const parenthesis = colon > 0 ? null : WITH_PARENTHESIS.exec(title);
  if (parenthesis) {
    const [, outside, inside] = parenthesis as unknown as [string, string, string];
    if (ABBREVIATION.test(inside.trim())) return inside.trim();
    if (ABBREVIATION.test(outside.trim())) return outside.trim();
  }
  const name = (colon > 0 ? title.slice(0, colon) : parenthesis ? parenthesis[1]! : title).trim();
  const words = name.split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.length > NAME_WORDS) return null;
  return words.some((word) => COINED.test(word)) || writtenAsName(name, abstract) ? name : null;
}

// The phrase as a whole word or words, in any case.
const phrasePattern = (phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');

// Whether the abstract writes a phrase as a name: always in its own capitals, at least once.
function writtenAsName(name: string, abstract: string): boolean {
  const written = [...abstract.matchAll(phrasePattern(name))];
  return written.length > 0 && written.every(([phrase]) => phrase === name);
}

/**
 * The claim's unmentioned share read on its predicate: the terms of the paper's name (`name`, from
 * paperNameOf) are mentioned by every text about the paper ("Memory Inception outperforms activation
 * steering on TruthfulQA" names it in two of its six terms), so they leave the denominator, as the
 * title's terms leave the alignment of stance sentences (support-stance.ts stanceAlignment). A term
 * the claim also uses outside the name stays ("Memory Inception cuts memory use": memory). The
 * name's share of the claim is read on the claim's IDF weights (`claim.weights`). A claim that does
 * not name the paper, or says nothing but its name, keeps its share and term count.
 */
export function predicateUnaddressed(
  unaddressed: Unaddressed,
  claim: Pick<ClaimProfile, 'text' | 'weights' | 'totalWeight'>,
  name: string | null,
): PredicateUnaddressed {
  const whole = { share: unaddressed.share, claimTerms: unaddressed.claimTerms };
  if (name === null || claim.totalWeight === 0) return whole;
  const rest = claim.text.replace(phrasePattern(name), ' ');
  if (rest === claim.text) return whole;
  const named = bagOf(name).counts;
  const outside = bagOf(rest).counts;
  let nameWeight = 0;
  let nameTerms = 0;
  for (const [term, weight] of claim.weights)
    if (named.has(term) && !outside.has(term)) {
      nameWeight += weight;
      nameTerms++;
    }
  if (nameWeight === 0 || nameWeight >= claim.totalWeight) return whole;
  return {
    share: Math.min(1, (unaddressed.share * claim.totalWeight) / (claim.totalWeight - nameWeight)),
    claimTerms: Math.max(1, unaddressed.claimTerms - nameTerms),
  };
}
