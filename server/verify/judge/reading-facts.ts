// What the stance features read off a sentence reading, worked out on first use and kept with it: its
// terms, the terms in a negation's scope and its quantities here; the directions its terms take
// (direction-anchors.ts), its opposite words (opposite-words.ts) and the words it keeps to
// (denied-alternatives.ts) are kept in the same record.
import type { AnchorWord } from './direction-anchors.ts';
import type { PrefixedWords } from './opposite-words.ts';
import { type Quantity, quantitiesOf } from './quantities.ts';
import type { SentenceReading } from './stance-reading.ts';
import { wordCountsOf } from './word-counts.ts';

// What the stance features read off a reading (its terms, negated terms, directions, opposites),
// worked out on first use and kept with it: a claim is compared with every paper of a request, and
// a kept evidence sentence with every claim that cites its paper. Most sentences have no negated
// term, no prefix negation and no quantity, and share one empty value then, so that the 2,048 kept
// readings hold little more than before. Shared, so never mutated.
/** The facts kept with one reading; each is set by the module that reads it, on first use. */
export type ReadingFacts = {
  terms?: ReadonlySet<string>;
  negated?: ReadonlySet<string>;
  directions?: ReadonlyMap<string, -1 | 1>;
  anchors?: ReadonlyMap<string, AnchorWord>;
  polar?: ReadonlyMap<string, boolean>;
  /** The lexicon stems of the words the sentence keeps to ("positive-only"). */
  keepsTo?: ReadonlySet<string>;
  prefixed?: PrefixedWords;
  quantities?: readonly Quantity[];
};
const facts = new WeakMap<SentenceReading, ReadingFacts>();
/** The one empty set of terms that readings without any share (never mutated). */
export const NO_TERMS: ReadonlySet<string> = new Set();
const NO_QUANTITIES: readonly Quantity[] = Object.freeze([]);

/** The facts kept with a reading, an empty record on first use (for the modules that fill it). */
export function factsOf(reading: SentenceReading): ReadingFacts {
  let known = facts.get(reading);
  if (!known) {
    known = {};
    facts.set(reading, known);
  }
  return known;
}

/**
 * The quantities a reading's sentence states (quantitiesOf, and the counts it writes in words:
 * wordCountsOf), read on first use: only a claim that states one compares them with its evidence
 * (shared: do not mutate).
 */
export function quantitiesOfReading(reading: SentenceReading): readonly Quantity[] {
  const known = factsOf(reading);
  if (!known.quantities) {
    const found = [...quantitiesOf(reading.text), ...wordCountsOf(reading.text)];
    known.quantities = found.length > 0 ? found : NO_QUANTITIES;
  }
  return known.quantities;
}

/** The distinct content terms of a reading, in order (shared: do not mutate). */
export function termsOfReading(reading: SentenceReading): ReadonlySet<string> {
  const known = factsOf(reading);
  if (!known.terms) {
    const found = new Set<string>();
    for (const word of reading.words) if (word.term !== null) found.add(word.term);
    known.terms = found;
  }
  return known.terms;
}

/** The content terms in a negation's scope (negationScope(reading).inside; shared: do not mutate). */
export function negatedTermsOf(reading: SentenceReading): ReadonlySet<string> {
  const known = factsOf(reading);
  if (!known.negated) {
    const inside = new Set<string>();
    for (const word of reading.words) if (word.term && word.negated) inside.add(word.term);
    known.negated = inside.size > 0 ? inside : NO_TERMS;
  }
  return known.negated;
}

/** Content terms in a negation's scope, and those outside any. */
export function negationScope(reading: SentenceReading): { inside: Set<string>; outside: Set<string> } {
  const inside = new Set<string>();
  const outside = new Set<string>();
  for (const word of reading.words) {
    if (!word.term) continue;
    (word.negated ? inside : outside).add(word.term);
  }
  return { inside, outside };
}
