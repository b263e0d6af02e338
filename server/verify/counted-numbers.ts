// What a claim's numbers count ("30 process-level features": features), so that a number is not
// found in the evidence where the paper counts that thing with another number ("129 features") and
// states the claim's number only of something else ("4,047 images" for "4,047 glaze recipes").
import { terms } from '../../indexer/text/analyze.ts';
import { numbersOf } from './claim-cues.ts';
import { isPopulationNoun } from './judge/population-phrases.ts';
import { isUnitWord } from './judge/quantities.ts';

// A number, then up to three words; the first plural among them is what it counts.
const NUMBER_THEN_WORDS =
  /(?<![\p{L}\p{N}\-–./])(\d+(?:[.,]\d+)*)(?![\p{L}\p{N}\-–%.,])((?:\s+[\p{L}]+(?:-[\p{L}\p{N}]+)*){1,3})/gu;
const PLURAL = /(?:[^su]s|ies)$/u;
// Words after a number that measure rather than count ("70 years", "40 percentage points").
const MEASURE_WORDS = /^(?:points?|percent|percentage|times)$/u;
// A number that labels what follows rather than counting it: "type 2 diabetes", "phase 3 trials".
const LABEL_BEFORE =
  /\b(?:type|phase|stage|grade|class|category|tier|level|version|figure|fig|table|section|chapter|appendix|equation|eq|day|week|month|year|wave|round)\.?\s+$/iu;
// A four-digit number that a date word or another year leads to is a year, which counts nothing
// ("in 2019 models were small", "between 1975 and 2016 girls"); elsewhere it is a count written
// without a comma ("2000 participants", "1850 samples"). After "in", a number that counts people is
// a count too: "in 2000 participants" says how many were studied, not when.
const YEAR_NUMBER = /^(?:1[89]|20)\d\d$/u;
const IN_BEFORE = /\bin\s+$/iu;
const YEAR_BEFORE =
  /(?:\b(?:in|since|from|until|till|through|during|between|before|after|by|circa|january|february|march|april|may|june|july|august|september|october|november|december)|\b(?:1[89]|20)\d\d\s+(?:and|to|or))\s+$/iu;

/**
 * A number of a text (as numbersOf writes it), the term of the plural noun it counts, and the terms
 * of its words up to that noun ("23,148 glaze formulations": glaze, formul), with the noun written as
 * one word with the word before it ("data sets": data, set, dataset).
 */
export type CountedNumber = { number: string; noun: string; terms: string[] };

/** The numbers of a text that count a plural noun within the next three words ("129 features measured"). */
export function countedNumbersOf(text: string): CountedNumber[] {
  const found: CountedNumber[] = [];
  for (const match of text.matchAll(NUMBER_THEN_WORDS)) {
    const number = numbersOf(match[1]!)[0];
    if (number === undefined) continue;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (LABEL_BEFORE.test(before)) continue;
    const year = YEAR_NUMBER.test(match[1]!) && YEAR_BEFORE.test(before);
    // Only "in" may lead to a number that counts people ("in 2000 participants").
    if (year && !IN_BEFORE.test(before)) continue;
    const phrase: string[] = [];
    const words: string[] = [];
    for (const word of match[2]!.trim().split(/\s+/u)) {
      const wordTerms = terms(word);
      // A stop word ends the phrase: "30 of the features" counts nothing named here.
      if (wordTerms.length === 0) break;
      // "70 years or older": a unit, not a thing counted.
      if (isUnitWord(word) || MEASURE_WORDS.test(word.toLowerCase())) break;
      phrase.push(...wordTerms);
      words.push(...word.split('-'));
      if (PLURAL.test(word)) {
        if (year && !isPopulationNoun(word.toLowerCase())) break;
        found.push({ number, noun: wordTerms[wordTerms.length - 1]!, terms: [...phrase, ...closedCompound(words)] });
        break;
      }
    }
  }
  return found;
}

// The noun written as one word with the word before it ("data sets", "data-sets": dataset), so that
// an open compound meets its closed form.
function closedCompound(words: readonly string[]): string[] {
  return words.length < 2 ? [] : terms(`${words[words.length - 2]}${words[words.length - 1]}`);
}

/**
 * The claim's counted numbers that the paper counts otherwise: where a sentence counts the claim's
 * thing (its noun or a word of its phrase, "glaze" of "4,047 glaze recipes") with another number
 * ("23,148 glaze formulations") and no sentence counts it with the claim's, nor states the claim's
 * number bare ("a total of 4,047") in a sentence that names it. A thing the paper never counts with
 * any number may be the paper's under another word ("312 subjects" for "312 patients", "19
 * benchmarks" for "19 classification datasets"), so its number is left to be found anywhere.
 * `sentences`: each candidate sentence's text and whether it names a term.
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
    const sharing = (count: CountedNumber) => words.some((term) => count.terms.includes(term));
    // Counted with the claim's number as the same thing: found.
    if (read.some((s) => s.counts.some((c) => bareOf(c.number) === bare && sharing(c)))) continue;
    // The claim's words the paper counts with other numbers; none, and the number may be found anywhere.
    const countedOtherwise = new Set(
      read.flatMap((s) => s.counts.filter((c) => bareOf(c.number) !== bare && sharing(c)).flatMap((c) => c.terms)),
    );
    const otherwise = [noun, ...words].filter((term) => countedOtherwise.has(term));
    if (otherwise.length === 0) continue;
    // Counted otherwise, the number must stand bare (counting nothing named) in a sentence that
    // names what the paper counts otherwise.
    const found = read.some((s) => {
      const statedBare =
        s.numbers.filter((n) => n === bare).length > s.counts.filter((c) => bareOf(c.number) === bare).length;
      return statedBare && otherwise.some((term) => s.names(term));
    });
    if (!found) elsewhere.add(number);
  }
  return elsewhere;
}
