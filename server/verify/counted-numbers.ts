// What a claim's numbers count ("30 process-level features": features), so that a number is found in
// the evidence only where the thing it counts is named beside it, not in another sentence that
// happens to hold the same number ("30 cognitive tasks").
import { terms } from '../../indexer/text/analyze.ts';
import { numbersOf } from './claim-cues.ts';

// A number, then up to three words; the first plural among them is what it counts.
const NUMBER_THEN_WORDS =
  /(?<![\p{L}\p{N}\-–./])(\d+(?:[.,]\d+)*)(?![\p{L}\p{N}\-–%.,])((?:\s+[\p{L}]+(?:-[\p{L}\p{N}]+)*){1,3})/gu;
const PLURAL = /(?:[^su]s|ies)$/u;

/** A number of a text (as numbersOf writes it) and the term of the plural noun it counts. */
export type CountedNumber = { number: string; noun: string };

/** The numbers of a text that count a plural noun within the next three words ("129 features measured"). */
export function countedNumbersOf(text: string): CountedNumber[] {
  const found: CountedNumber[] = [];
  for (const match of text.matchAll(NUMBER_THEN_WORDS)) {
    const number = numbersOf(match[1]!)[0];
    if (number === undefined) continue;
    for (const word of match[2]!.trim().split(/\s+/u)) {
      const wordTerms = terms(word);
      // A stop word ends the phrase: "30 of the features" counts nothing named here.
      if (wordTerms.length === 0) break;
      if (PLURAL.test(word)) {
        found.push({ number, noun: wordTerms[wordTerms.length - 1]! });
        break;
      }
    }
  }
  return found;
}

/**
 * The claim's counted numbers that no one sentence states beside the noun they count. `sentences`:
 * each candidate sentence's text and whether it names a term.
 */
export function numbersCountingElsewhere(
  counted: readonly CountedNumber[],
  sentences: ReadonlyArray<{ text: string; names: (term: string) => boolean }>,
): Set<string> {
  const elsewhere = new Set<string>();
  for (const { number, noun } of counted) {
    const bare = number.replace('%', '');
    const beside = sentences.some(
      (sentence) => sentence.names(noun) && numbersOf(sentence.text).some((n) => n.replace('%', '') === bare),
    );
    if (!beside) elsewhere.add(number);
  }
  return elsewhere;
}
