// Counts written in words before the noun they count ("a single environment", "three environments",
// "multiple sources"), as quantities of a unit named by that noun: only a count of the same noun is
// compared with one. Shares and rates ("one in five", "one patient in five", "one sample at a time",
// "one model per task") and a "one" that singles out ("one agent … the other agents") are no counts;
// nor is a count of a plural without -s ("twelve mice").
import { type Token, tokenize } from '../../../indexer/text/analyze.ts';
import type { Quantity } from './quantities.ts';

// What a count word says, as an interval: "many" and "multiple" say more than one.
const COUNT_WORDS: Record<string, readonly [number, number]> = {
  single: [1, 1],
  one: [1, 1],
  two: [2, 2],
  three: [3, 3],
  four: [4, 4],
  five: [5, 5],
  six: [6, 6],
  seven: [7, 7],
  eight: [8, 8],
  nine: [9, 9],
  ten: [10, 10],
  eleven: [11, 11],
  twelve: [12, 12],
  twenty: [20, 20],
  many: [2, Infinity],
  multiple: [2, Infinity],
  several: [2, Infinity],
  numerous: [2, Infinity],
};
// Words after which a count word is no count of the next noun: "one in five", "the only one".
const NOT_BEFORE = /^(?:in|of|per|out|or|and|to|than|more|fewer|less)$/u;
const SHARE_OF = /^(?:in|per|of)$/u;
const isNumber = (word: string | undefined) => word !== undefined && (/^\d/u.test(word) || word in COUNT_WORDS);
// How many words a counted noun phrase runs to ("a single data source", "three public benchmarks").
const PHRASE_WORDS = 3;
const PLURAL = /(?:[^su]s|ies)$/u;
// A single value stands for the values near it, as quantitiesOf reads one.
const SLACK = 0.1;
const OTHER = /^(?:other|another)$/u;
// Words that end a counted noun phrase though they are no stop words ("one model per task").
const PHRASE_ENDS = /^(?:per|out)$/u;

// Whether the words after the counted noun at `n` make the count a rate or a share, not a count:
// "one sample at a time", "one model per task", "one patient in five", "one site out of 12".
function rateOrShareAfter(tokens: readonly Token[], n: number): boolean {
  const after = (k: number) => tokens[n + k]?.word;
  if (after(1) === 'at' && after(2) === 'a' && after(3) === 'time') return true;
  if (after(1) === 'per') return true;
  if (after(1) === 'in') return isNumber(after(2));
  if (after(1) === 'out' && after(2) === 'of') return isNumber(after(3));
  return false;
}

// Whether a count of one singles one out rather than counting: "one agent plans while the other
// agents execute", "one language, English, dominates".
function singlesOut(text: string, tokens: readonly Token[], n: number): boolean {
  const term = tokens[n]!.term;
  const others = tokens.some(
    (token, k) => OTHER.test(token.word) && (tokens[k + 1]?.term === term || tokens[k + 2]?.term === term),
  );
  if (others) return true;
  // A name set between commas ("one language, English, dominates") says which one; a name that ends
  // the clause ("trained on a single dataset, RefCOCO.") still counts it.
  const next = tokens[n + 1];
  const after = tokens[n + 2];
  if (!next || !after || !text.slice(tokens[n]!.end, next.start).includes(',')) return false;
  return /^\p{Lu}/u.test(text.slice(next.start, next.end)) && text.slice(next.end, after.start).includes(',');
}

/** The counts a text writes in words before a noun, each with the unit `count of <noun's term>`. */
export function wordCountsOf(text: string): Quantity[] {
  const tokens = tokenize(text);
  const found: Quantity[] = [];
  tokens.forEach((token, i) => {
    const range = COUNT_WORDS[token.word];
    if (!range) return;
    // "one in five patients", "two out of three": a share's denominator, not a count.
    const before = tokens[i - 1]?.word ?? '';
    if (SHARE_OF.test(before) && isNumber(tokens[i - (before === 'of' ? 3 : 2)]?.word)) return;
    // "one-shot", "two-stage" and "one, two": a modifier or a list, not a count of what follows.
    const next = tokens[i + 1];
    if (!next || /\S/u.test(text.slice(token.end, next.start)) || NOT_BEFORE.test(next.word)) return;
    const phrase: number[] = [];
    for (let j = i + 1; j < tokens.length && phrase.length < PHRASE_WORDS; j++) {
      if (j > i + 1 && /\S/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      if (tokens[j]!.term === null || /\d/u.test(tokens[j]!.word) || PHRASE_ENDS.test(tokens[j]!.word)) break;
      phrase.push(j);
    }
    const [low, high] = range;
    // More than one: the first plural word is the noun ("three environments tested"). One: the last
    // word of the phrase that is not plural ("a single data source", "one model handles").
    const noun =
      high > 1
        ? phrase.find((j) => PLURAL.test(tokens[j]!.word))
        : phrase
            .slice(0, 2)
            .reverse()
            .find((j) => !PLURAL.test(tokens[j]!.word));
    if (noun === undefined || rateOrShareAfter(tokens, noun)) return;
    if (high === 1 && singlesOut(text, tokens, noun)) return;
    found.push({
      unit: `count of ${tokens[noun]!.term}`,
      low: low * (1 - SLACK),
      high: high * (1 + SLACK),
      text: text.slice(token.start, tokens[noun]!.end),
    });
  });
  return found;
}
