// What a claim's numbers count ("30 process-level features": features), so that a number is not
// found in the evidence where the paper counts that thing with another number ("129 features"), nor
// where it states the claim's number only of something else ("4,047 images" for "4,047 recipes").
import { terms } from '../../indexer/text/analyze.ts';
import { numbersOf } from './claim-cues.ts';
import { isUnitWord } from './judge/quantities.ts';

// A number, then up to three words; the first plural among them is what it counts.
const NUMBER_THEN_WORDS =
  /(?<![\p{L}\p{N}\-–./])(\d+(?:[.,]\d+)*)(?![\p{L}\p{N}\-–%.,])((?:\s+[\p{L}]+(?:-[\p{L}\p{N}]+)*){1,3})/gu;
const PLURAL = /(?:[^su]s|ies)$/u;
// Words after a number that measure rather than count ("70 years", "40 percentage points").
const MEASURE_WORDS = /^(?:points?|percent|percentage|times)$/u;
// A year counts nothing: "in 2019 models were…".
const YEAR = /^(?:1[89]|20)\d\d$/u;

/**
 * A number of a text (as numbersOf writes it), the term of the plural noun it counts, and the terms
 * of its words up to that noun ("23,148 glaze formulations": glaze, formul).
 */
export type CountedNumber = { number: string; noun: string; terms: string[] };

/** The numbers of a text that count a plural noun within the next three words ("129 features measured"). */
export function countedNumbersOf(text: string): CountedNumber[] {
  const found: CountedNumber[] = [];
  for (const match of text.matchAll(NUMBER_THEN_WORDS)) {
    const number = numbersOf(match[1]!)[0];
    if (number === undefined || YEAR.test(match[1]!)) continue;
    const phrase: string[] = [];
    for (const word of match[2]!.trim().split(/\s+/u)) {
      const wordTerms = terms(word);
      // A stop word ends the phrase: "30 of the features" counts nothing named here.
      if (wordTerms.length === 0) break;
      // "70 years or older": a unit, not a thing counted.
      if (isUnitWord(word) || MEASURE_WORDS.test(word.toLowerCase())) break;
      phrase.push(...wordTerms);
      if (PLURAL.test(word)) {
        found.push({ number, noun: wordTerms[wordTerms.length - 1]!, terms: phrase });
        break;
      }
    }
  }
  return found;
}

/**
 * The claim's counted numbers that the paper states only of other things: where a sentence names
 * the noun beside another number ("129 features") and none beside the claim's; or where the paper
 * counts the noun nowhere and every time it states the number, counts something else with it
 * ("4,047 images" for "4,047 glaze recipes"; "4,047 photos" too, a word the paper does not use).
 * A number stated of the noun ("23,148 glaze formulations" for "23,148 glazes"), of nothing named
 * ("a total of 4,047"), or in a sentence that names the noun too, is found. `sentences`: each
 * candidate sentence's text and whether it names a term.
 */
export function numbersCountingElsewhere(
  counted: readonly CountedNumber[],
  sentences: ReadonlyArray<{ text: string; names: (term: string) => boolean }>,
): Set<string> {
  const elsewhere = new Set<string>();
  const bareOf = (n: string) => n.replace('%', '');
  const read = sentences.map((sentence) => ({
    ...sentence,
    numbers: numbersOf(sentence.text).map(bareOf),
    counts: countedNumbersOf(sentence.text),
  }));
  for (const { number, noun, terms: words } of counted) {
    const bare = bareOf(number);
    // How a sentence states the number: counting the same thing (the noun, or a word of the claim's
    // phrase: "23,148 glaze formulations" for "23,148 glaze recipes"), and counting nothing named.
    const stated = read.map((sentence) => {
      const counts = sentence.counts.filter((c) => bareOf(c.number) === bare);
      return {
        sentence,
        countsIt: counts.some((c) => words.some((t) => c.terms.includes(t))),
        bare: sentence.numbers.filter((n) => n === bare).length > counts.length,
      };
    });
    if (stated.some((s) => s.countsIt)) continue;
    const otherwise = read.some(
      (sentence) => sentence.names(noun) && sentence.counts.some((c) => c.noun === noun && bareOf(c.number) !== bare),
    );
    // Counted otherwise, the number must stand bare in a sentence that names the noun. Counted
    // nowhere, it may stand bare anywhere (the paper may name the thing in other words there), or
    // in a sentence that names the noun around another ("129 features measured at the process
    // level" for "129 process-level measures").
    const stating = stated.filter((s) => s.sentence.numbers.includes(bare));
    const found = stating.some((s) =>
      otherwise ? s.bare && s.sentence.names(noun) : s.bare || s.sentence.names(noun),
    );
    if (stating.length > 0 && !found) elsewhere.add(number);
  }
  return elsewhere;
}
