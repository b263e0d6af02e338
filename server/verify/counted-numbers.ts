// What a claim's numbers count ("30 process-level features": features), so that a number is not
// found in the evidence where the paper counts that thing with another number ("129 features") and
// states the claim's number only of something else ("30 cognitive tasks").
import { terms } from '../../indexer/text/analyze.ts';
import { numbersOf } from './claim-cues.ts';
import { isUnitWord } from './judge/quantities.ts';

// A number, then up to three words; the first plural among them is what it counts.
const NUMBER_THEN_WORDS =
  /(?<![\p{L}\p{N}\-–./])(\d+(?:[.,]\d+)*)(?![\p{L}\p{N}\-–%.,])((?:\s+[\p{L}]+(?:-[\p{L}\p{N}]+)*){1,3})/gu;
const PLURAL = /(?:[^su]s|ies)$/u;
// Words after a number that measure rather than count ("70 years", "40 percentage points").
const MEASURE_WORDS = /^(?:points?|percent|percentage|times)$/u;

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
      // "70 years or older": a unit, not a thing counted.
      if (isUnitWord(word) || MEASURE_WORDS.test(word.toLowerCase())) break;
      if (PLURAL.test(word)) {
        found.push({ number, noun: wordTerms[wordTerms.length - 1]! });
        break;
      }
    }
  }
  return found;
}

/**
 * The claim's counted numbers that the paper counts otherwise: a sentence names the noun beside
 * another number ("129 features") and none beside the claim's. A noun no sentence counts at all
 * ("4,047 photos" against "4,047 images") may be the paper's thing under another word, so its number
 * is left to be found anywhere. `sentences`: each candidate sentence's text and whether it names a term.
 */
export function numbersCountingElsewhere(
  counted: readonly CountedNumber[],
  sentences: ReadonlyArray<{ text: string; names: (term: string) => boolean }>,
): Set<string> {
  const elsewhere = new Set<string>();
  const bareOf = (n: string) => n.replace('%', '');
  for (const { number, noun } of counted) {
    const bare = bareOf(number);
    const naming = sentences.filter((sentence) => sentence.names(noun));
    const beside = naming.some((sentence) => numbersOf(sentence.text).some((n) => bareOf(n) === bare));
    const otherwise = naming.some((sentence) =>
      countedNumbersOf(sentence.text).some((other) => other.noun === noun && bareOf(other.number) !== bare),
    );
    if (!beside && otherwise) elsewhere.add(number);
  }
  return elsewhere;
}
