// Whether a text addresses the comparison or the change a claim asserts ("A is more interpretable than
// B", "A outperforms B", "larger models score higher", "cuts latency by 40%"): a paper that only
// describes A, and never compares, changes or counts anything the claim names, does not support it.
import { tokenize } from '../../indexer/index.ts';
import { isGeneralWord } from '../search/general-words.ts';
import type { EvidenceProfile } from './evidence-profile.ts';
import { quantitiesOfReading } from './judge/reading-facts.ts';
import { readSentence, type SentenceReading } from './judge/stance-reading.ts';

// A multiple set against another side: "twice as fast as", "three times faster", "2x slower".
const MULTIPLE =
  /\b(?:twice|thrice|half|\d+(?:[.,]\d+)?\s*(?:[x×]|times|-?fold)|(?:two|three|four|five|ten)\s+times)\s+(?:as\s+\p{L}+\s+as|\p{L}+er)\b/iu;
// A change by an amount: "by 40%", "by ten points", "by half".
const BY_AMOUNT =
  /\bby\s+(?:about\s+|roughly\s+|nearly\s+|over\s+|up\s+to\s+)?(?:\d[\d.,]*%?|half\b|(?:two|three|four|five|six|seven|eight|nine|ten|twenty)\b)/iu;

/**
 * The comparison or change a claim asserts: the words that carry it (as written, in claim order;
 * empty when it asserts none); for a comparison, the terms of the side it is set against ("than
 * TopK sparse autoencoders": topk, spars, autoencod; general words left out); and whether it is only
 * a direction of change ("Ly49Q induces polarization"), which a sentence on the paper's own subject
 * (its title's words) may state.
 */
export type AssertedComparison = { words: string[]; against: ReadonlySet<string>; directionOnly: boolean };

// How many words after a multiple or an amount name what it is set against ("as fast as FlashAttention").
const AFTER_AMOUNT = 3;
// The index of the first token past the words after an amount that ends at `end`.
function afterAmount(tokens: ReadonlyArray<{ start: number }>, end: number): number {
  const first = tokens.findIndex((token) => token.start >= end);
  return first < 0 ? tokens.length : first + AFTER_AMOUNT;
}

/** What comparison or change a claim asserts (see AssertedComparison). */
export function assertedComparisonOf(claim: string): AssertedComparison {
  const reading = readSentence(claim);
  const tokens = tokenize(claim);
  const carrying = new Set<number>();
  const compared = new Set(reading.comparisons.flatMap((c) => c.right));
  const against = new Set<string>();
  const direction = (i: number) => (reading.words[i]?.direction ?? 0) !== 0;
  tokens.forEach((token, i) => {
    if (token.term !== null && compared.has(token.term)) {
      carrying.add(i);
      if (!isGeneralWord(token.word, token.term)) against.add(token.term);
    }
    if (direction(i)) carrying.add(i);
    // "more interpretable than": the words between the comparative and "than" say what is compared
    // ("rather than", with no comparative, compares nothing).
    if (token.word === 'than') {
      let from = i - 1;
      while (from >= Math.max(0, i - 3) && !direction(from)) from--;
      if (from >= Math.max(0, i - 3)) for (let j = from; j < i; j++) carrying.add(j);
    }
  });
  const amount = MULTIPLE.exec(claim) ?? BY_AMOUNT.exec(claim);
  const stated = reading.comparisons.length > 0 || amount !== null;
  // Stop words and general words ("as", "by", "those") carry nothing a reader needs listed, unless
  // they say the direction ("more", "higher").
  const listed = (i: number) => {
    const { word, term } = tokens[i]!;
    return direction(i) || (term !== null && !isGeneralWord(word, term));
  };
  // A multiple or an amount is listed as written ("twice as fast as"), with the words after it.
  const amountEnd = amount ? amount.index + amount[0].length : -1;
  const words: string[] = [];
  tokens.forEach((token, i) => {
    if (amount && token.start >= amount.index && token.end <= amountEnd) {
      if (!words.includes(amount[0])) words.push(amount[0]);
    } else if (carrying.has(i) || (amount && token.start >= amountEnd && i < afterAmount(tokens, amountEnd))) {
      if (listed(i)) words.push(claim.slice(token.start, token.end));
    }
  });
  return { words: [...new Set(words)], against, directionOnly: !stated };
}

// Whether a sentence states a comparison, a direction of change or a quantity.
function statesComparison(reading: SentenceReading): boolean {
  return (
    reading.comparisons.length > 0 ||
    reading.words.some((word) => word.direction !== 0) ||
    quantitiesOfReading(reading).length > 0 ||
    MULTIPLE.test(reading.text)
  );
}

/**
 * The words of the comparison or change the claim asserts when no sentence of the text (but its
 * title) that shares a content word of the claim states a comparison, a direction of change or a
 * quantity; else an empty list. The shared word must be of the side a comparison is set against
 * ("than TopK") when it names one; for a comparison or an amount, it must not be a word of the title,
 * which names what the paper is about and stands in most of its sentences.
 */
export function unaddressedComparison(claim: string, texts: readonly EvidenceProfile[]): string[] {
  const { words, against, directionOnly } = assertedComparisonOf(claim);
  if (words.length === 0) return [];
  const claimTerms =
    against.size > 0
      ? against
      : new Set(tokenize(claim).flatMap((t) => (t.term === null || isGeneralWord(t.word, t.term) ? [] : [t.term])));
  for (const text of texts) {
    const title = new Set(!directionOnly && text.titleIndex >= 0 ? text.bags[text.titleIndex]!.counts.keys() : []);
    // Read (readSentence keeps its readings) only the sentences that share a word with the claim.
    const addressed = text.sentences.some(
      (sentence, i) =>
        i !== text.titleIndex &&
        [...text.bags[i]!.counts.keys()].some((term) => claimTerms.has(term) && !title.has(term)) &&
        statesComparison(readSentence(sentence.text)),
    );
    if (addressed) return [];
  }
  return words;
}
