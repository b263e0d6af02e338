// "Only X" against a sentence that lists X among other things in the same place: "validated only on
// GSM8K" against "validated on AntiderivBench as well as MATH and GSM8K". A conflict of quantifier:
// the claim says X alone, the evidence says X and more.
import { type Token, tokenize } from '../../../indexer/text/analyze.ts';
import { termsOfReading } from './reading-facts.ts';
import type { SentenceReading } from './stance-reading.ts';

// Words that join the items of a list ("A and B", "A or B", "A plus B"); a comma joins them too.
const JOINER = /^(?:and|or|plus)$/u;
// Two- and three-word joiners: "as well as", "along with", "together with".
const JOINER_PHRASES = [
  ['as', 'well', 'as'],
  ['along', 'with'],
  ['together', 'with'],
] as const;
// How far past a joiner the other item may start ("and the MATH benchmark").
const ITEM_REACH = 3;
// A word after the other item that makes it a verb with its object or complement, not a list's item:
// "on English text and evaluate it on French", "SymPy to check each answer".
const AFTER_A_VERB =
  /^(?:it|its|them|they|this|these|those|the|a|an|to|on|in|into|with|for|from|at|by|via|over|across|as)$/u;
// An inflected verb ("trained", "evaluating"): no list's item.
const VERB_LIKE = /(?:ed|ing)$/u;

// Whether a word as written is a name (a capital after its first letter, or a digit: "GSM8K",
// "SymPy", "PKU-SafeRLHF"), or a capitalised word not at the sentence's start ("English", "AIME").
function isName(text: string, tokens: readonly Token[], k: number): boolean {
  const written = text.slice(tokens[k]!.start, tokens[k]!.end);
  return /\p{N}/u.test(written) || /\p{Lu}/u.test(k === 0 ? written.slice(1) : written);
}

// Whether the item at `j` is the same kind of thing as X at `k` (both names or both plain words),
// and reads as a list's item rather than a verb (`after`: whether to look at the word after it).
function sameKindOfItem(text: string, tokens: readonly Token[], k: number, j: number, after: boolean): boolean {
  const name = isName(text, tokens, j);
  if (name !== isName(text, tokens, k)) return false;
  if (name) return true;
  if (VERB_LIKE.test(tokens[j]!.word)) return false;
  return !after || !AFTER_A_VERB.test(tokens[j + 1]?.word ?? '');
}

// The index of the first token past a joiner that starts right after token `at` going `step`
// (+1 ahead, −1 back), or −1 when none does.
function pastJoiner(text: string, tokens: readonly Token[], at: number, step: 1 | -1): number {
  const near = tokens[at + step];
  if (!near) return -1;
  const [left, right] = step === 1 ? [tokens[at]!, near] : [near, tokens[at]!];
  if (text.slice(left.end, right.start).includes(',')) return at + step;
  if (JOINER.test(near.word)) return at + 2 * step;
  for (const words of JOINER_PHRASES) {
    const ordered = step === 1 ? words : [...words].reverse();
    if (ordered.every((word, k) => tokens[at + step * (k + 1)]?.word === word)) return at + step * (words.length + 1);
  }
  return -1;
}

/**
 * Whether the claim keeps to a thing ("validated only on GSM8K") that the evidence sentence names in
 * a list with something the claim never names ("on MATH and GSM8K"), while sharing another of the
 * claim's words (what is said of it) and keeping to nothing itself. The other item must be the same
 * kind as X (both names, or both plain words) and no verb: "on English text and evaluate it on
 * French" and "reinforcement learning and SymPy" join clauses, not a list.
 */
export function onlyAgainstList(claim: SentenceReading, evidence: SentenceReading): boolean {
  const kept = claim.keptTo.filter((term) => !/^[\d.,]+$/u.test(term));
  if (kept.length === 0 || evidence.keptTo.length > 0) return false;
  const claimTerms = termsOfReading(claim);
  const evidenceTerms = termsOfReading(evidence);
  if (!kept.some((term) => evidenceTerms.has(term))) return false;
  if (![...claimTerms].some((term) => !kept.includes(term) && evidenceTerms.has(term))) return false;
  const tokens = tokenize(evidence.text);
  return tokens.some((token, k) => {
    if (token.term === null || !kept.includes(token.term)) return false;
    return ([1, -1] as const).some((step) => {
      const start = pastJoiner(evidence.text, tokens, k, step);
      if (start < 0) return false;
      for (let j = start, n = 0; j >= 0 && j < tokens.length && n < ITEM_REACH; j += step, n++) {
        const term = tokens[j]!.term;
        if (term !== null) return !claimTerms.has(term) && sameKindOfItem(evidence.text, tokens, k, j, step === 1);
      }
      return false;
    });
  });
}
