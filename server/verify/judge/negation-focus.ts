// What a sentence's negations are about, so that a claim negating a thing the paper never names
// ("leaves benchmark accuracy unchanged" against "the weights stay untouched") is not read as
// contradicted by a sentence that negates nothing.
import { tokenize } from '../../../indexer/text/analyze.ts';
import type { VoteSentence } from './direction-vote.ts';
import { hyphenated, negatesAt } from './negation-words.ts';
import { termsOfReading } from './reading-facts.ts';
import type { SentenceReading } from './stance-reading.ts';

const NONE: ReadonlySet<string> = new Set();
// Read once per reading (a claim is compared with many sentences); shared, so never mutated.
const focusOf = new WeakMap<SentenceReading, ReadonlySet<string>>();

// How many content words before a negation that closes its clause it is about: the head of the
// phrase ("general benchmark accuracy unchanged": accuracy; "general" would meet "generates").
const FOCUS_BEFORE = 1;

/**
 * What a reading's negations are about: the terms in a negation's scope (not those of a denied
 * alternative), and the term just before a negation that closes its clause ("leaves benchmark
 * accuracy unchanged": accuracy). Empty when the sentence negates nothing it names
 * (shared: do not mutate).
 */
export function negationFocusOf(reading: SentenceReading): ReadonlySet<string> {
  let known = focusOf.get(reading);
  if (!known) {
    const found = new Set<string>();
    const { words } = reading;
    for (const word of words) if (word.term && word.negated && !word.denied) found.add(word.term);
    const tokens = tokenize(reading.text);
    tokens.forEach((_, i) => {
      if (words[i]?.term !== null || !negatesAt(tokens, i)) return;
      const clause = words[i]!.clause;
      for (let j = i + 1; j < words.length && words[j]!.clause === clause; j++) if (words[j]!.term) return;
      let taken = 0;
      for (let j = i - 1; j >= 0 && words[j]!.clause === clause && taken < FOCUS_BEFORE; j--) {
        const term = words[j]!.term;
        if (term) {
          found.add(term);
          taken++;
        }
      }
    });
    known = found.size > 0 ? found : NONE;
    focusOf.set(reading, known);
  }
  return known;
}

/**
 * Whether what the claim negates is named nowhere in the evidence sentence, nor in any of the
 * paper's `sentences` given: then the claim negates a thing the paper does not speak of.
 */
export function negatesUnnamed(
  claim: SentenceReading,
  evidence: SentenceReading,
  sentences: readonly VoteSentence[],
): boolean {
  const focus = negationFocusOf(claim);
  if (focus.size === 0) return false;
  const evidenceTerms = termsOfReading(evidence);
  for (const term of focus) {
    if (evidenceTerms.has(term) || sentences.some((sentence) => sentence.terms.has(term))) return false;
  }
  return true;
}

/**
 * Whether a reading names a term after a negation of a predicate in the same clause, but past the
 * words that negation reaches ("totally fail to induce these genes in response to infection"):
 * a side that negates the term ("fail to induce genes after infection") says no other thing of it.
 */
export function negatedPastReach(reading: SentenceReading, term: string): boolean {
  const { words } = reading;
  let tokens: ReturnType<typeof tokenize> | undefined;
  return words.some((word, j) => {
    if (word.term !== term || word.negated) return false;
    tokens ??= tokenize(reading.text);
    for (let i = j - 1; i >= 0 && words[i]!.clause === word.clause; i--) {
      if (words[i]!.term === null && negatesAt(tokens, i) && !hyphenated(reading.text, tokens, i)) return true;
    }
    return false;
  });
}
