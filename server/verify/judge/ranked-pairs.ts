// Comparisons a sentence makes without a comparative and "than": a pair of superlatives ("highest
// among A and lowest among B") and two values set side by side ("A predicted 83% correctly while B
// predicted 92% correctly"). Each is read as "A above B" (or below), as comparisons.ts reads "A is
// higher than B", so that a claim ranking the two the other way round is seen to reverse them.

import { sideTerm, startsQualifier } from './comparison-sides.ts';
import type { Comparison } from './comparisons.ts';

/** A word of the sentence as the analyzer gives it: its stem (null for a stop word) and its offsets. */
type Token = { word: string; term: string | null; start: number; end: number };

const TOP = /^(?:highest|greatest|largest|biggest|strongest|best)$/u;
const BOTTOM = /^(?:lowest|smallest|weakest|worst)$/u;
// Words that end a side: a joiner, the next superlative or a marker of the other side.
const SIDE_END = /^(?:and|or|but|while|whereas|than|compared|versus|vs|respectively)$/u;
/** Terms a side of a ranked pair runs to ("among white Brazilians": white, brazilian). */
const SIDE_WORDS = 4;
/** Terms before a value that can name its side ("the nearest neighbor method predicted 83%"). */
const VALUE_REACH = 8;
const BREAK = /[,;:()]/u;
const NUMERIC = /^\d+$/u;
// Measures where lower is better: a pair ranked by one ranks its sides by how badly they did.
const LOWER_BETTER =
  /^(?:mortality|deaths?|died|errors?|risks?|loss(?:es)?|latency|perplexity|relapses?|recurrences?|failures?|toxicity|complications?|costs?)$/u;
// Words of change: values after one ("decreased by 1.2% … versus 0.4%") are changes, not levels.
const CHANGE_WORD =
  /^(?:decreas\w*|reduc\w*|fell|falls?|declin\w*|increas\w*|rose|rises?|drop\w*|improv\w*|gain\w*|lost|by|from)$/u;

const broken = (text: string, tokens: readonly Token[], a: number, b: number) =>
  BREAK.test(text.slice(tokens[a]!.end, tokens[b]!.start));

// The terms of the side a word at `at` introduces with a qualifier ("highest among white Brazilians").
function sideAfter(text: string, tokens: readonly Token[], at: number): string[] {
  const side: string[] = [];
  for (let j = at + 1; j < tokens.length && side.length < SIDE_WORDS; j++) {
    const word = tokens[j]!.word;
    if (j > at + 1 && broken(text, tokens, j - 1, j)) break;
    if (SIDE_END.test(word) || TOP.test(word) || BOTTOM.test(word)) break;
    if (tokens[j]!.term && !NUMERIC.test(tokens[j]!.term!)) side.push(sideTerm(tokens[j]!.term!));
  }
  return side;
}

/** "Highest among A (…) and lowest among B": A above B, each side known by the terms only it names. */
function superlativePairOf(text: string, tokens: readonly Token[]): Comparison | null {
  let top: string[] | null = null;
  let bottom: string[] | null = null;
  tokens.forEach((token, i) => {
    const superlative = TOP.test(token.word) ? 'top' : BOTTOM.test(token.word) ? 'bottom' : null;
    if (!superlative || !startsQualifier(tokens[i + 1]?.word ?? '')) return;
    const side = sideAfter(text, tokens, i + 1);
    if (side.length === 0) return;
    if (superlative === 'top') top ??= side;
    else bottom ??= side;
  });
  if (!top || !bottom) return null;
  const [above, below] = [top as string[], bottom as string[]];
  const left = above.filter((t) => !below.includes(t));
  const right = below.filter((t) => !above.includes(t));
  return left.length > 0 && right.length > 0 ? withMeasure({ direction: 1, left, right, wide: false }, tokens) : null;
}

// Markers that set two stated values side by side, as the words they are made of.
const VALUE_MARKERS = [['while'], ['whereas'], ['versus'], ['vs'], ['compared', 'with'], ['compared', 'to']];
const VALUE = /(?<![\p{L}\p{N}.,])(\d+(?:\.\d+)?)(\s*(?:%|percent\b))?/gu;

/** One stated value: its number, whether it is a share, and the tokens just before and after it. */
type Value = { value: number; share: boolean; before: number; after: number };

// The first value stated from offset `from` up to `to` (the tokens around it by index).
function firstValue(text: string, tokens: readonly Token[], from: number, to: number): Value | null {
  VALUE.lastIndex = from;
  const match = VALUE.exec(text);
  if (!match || match.index >= to) return null;
  const end = match.index + match[0].length;
  const before = tokens.findLastIndex((t) => t.end <= match.index);
  const after = tokens.findIndex((t) => t.start >= end);
  return { value: Number(match[1]), share: match[2] !== undefined, before, after };
}

// The terms naming a value's side: those before it in its clause, from `start` on.
function valueSide(text: string, tokens: readonly Token[], value: Value, start: number): string[] {
  const side: string[] = [];
  for (let j = value.before; j >= Math.max(start, value.before - VALUE_REACH + 1); j--) {
    if (j < value.before && broken(text, tokens, j, j + 1)) break;
    if (tokens[j]!.term && !NUMERIC.test(tokens[j]!.term!)) side.push(sideTerm(tokens[j]!.term!));
  }
  return side;
}

/**
 * "A predicted 83% correctly while B predicted 92% correctly": two values of the same kind (both
 * shares or both not) on either side of "while", "whereas", "versus" or "compared with", stated the
 * same way, read as A below B; "41% among A versus 12% among B" names each side after its value.
 * Values stated differently ("reached 71% whereas cost fell by 88%") say nothing of which side ranks
 * higher.
 */
function valuePairOf(text: string, tokens: readonly Token[]): Comparison | null {
  for (let i = 0; i < tokens.length; i++) {
    const marker = VALUE_MARKERS.find((words) => words.every((w, k) => tokens[i + k]?.word === w));
    if (!marker || i === 0) continue;
    const clauseStart = lastBreakBefore(text, tokens, i);
    const first = firstValue(text, tokens, tokens[clauseStart]!.start, tokens[i]!.start);
    const next = tokens[i + marker.length];
    if (!first || !next) return null;
    const second = firstValue(text, tokens, next.start, text.length);
    if (!second || second.share !== first.share || second.value === first.value) return null;
    const wordAt = (k: number) => (k >= 0 ? tokens[k]?.word : undefined);
    // Stated the same way: a share after the same word ("predicted 83%", "predicted 92%"), or any
    // value before the same word ("83% correctly", "12 years old", "41% among").
    const sameAfter = wordAt(first.after) !== undefined && wordAt(first.after) === wordAt(second.after);
    const sameBefore =
      first.share && wordAt(first.before) !== undefined && wordAt(first.before) === wordAt(second.before);
    if (!sameAfter && !sameBefore) return null;
    // "reached 83% accuracy … reached 92% recall": values of different measures rank nothing.
    const termAt = (k: number) => (k >= 0 ? tokens[k]?.term : undefined);
    if (!sameAfter && termAt(first.after) && termAt(second.after) && !startsQualifier(wordAt(first.after)!))
      return null;
    // "decreased by 1.2% with A versus 0.4% with B", "fell from 12% to 8%": changes, not levels. Only
    // the words just before the first value say so; "with the improved regimen, … was 41%" is a level.
    const lead = tokens.slice(Math.max(clauseStart, first.before - 2), first.before + 1);
    if (lead.some((t) => CHANGE_WORD.test(t.word))) return null;
    // "41% among men versus 12% among women": each side is named after its value; "71% of cases
    // correctly" names none there, and the sides are before the values.
    const only = (a: readonly string[], b: readonly string[]) => a.filter((t) => !b.includes(t));
    const sidesOf = (above: string[], below: string[]) => ({ left: only(above, below), right: only(below, above) });
    let sides =
      sameAfter && startsQualifier(wordAt(first.after)!)
        ? sidesOf(sideAfter(text, tokens, first.after), sideAfter(text, tokens, second.after))
        : { left: [], right: [] };
    if (sides.left.length === 0 || sides.right.length === 0)
      sides = sidesOf(valueSide(text, tokens, first, clauseStart), valueSide(text, tokens, second, i + marker.length));
    const { left, right } = sides;
    if (left.length === 0 || right.length === 0) return null;
    return withMeasure({ direction: first.value > second.value ? 1 : -1, left, right, wide: false }, tokens);
  }
  return null;
}

/**
 * The terms of the lower-is-better measures a sentence names ("mortality was 8% with A versus 12%
 * with B" ranks A below B in deaths, not in worth).
 */
export function lowerBetterMeasures(tokens: ReadonlyArray<{ word: string; term: string | null }>): string[] {
  return [...new Set(tokens.filter((t) => t.term && LOWER_BETTER.test(t.word)).map((t) => t.term!))];
}

// The pair with the lower-is-better measures its sentence names, if any.
function withMeasure(pair: Comparison, tokens: readonly Token[]): Comparison {
  const measure = lowerBetterMeasures(tokens);
  return measure.length > 0 ? { ...pair, measure } : pair;
}

// The index of the token that starts the clause token `i` is in (after the last ";" or ":").
function lastBreakBefore(text: string, tokens: readonly Token[], i: number): number {
  for (let j = i; j > 0; j--) if (/[;:]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) return j;
  return 0;
}

/** The comparisons a sentence makes by a pair of superlatives or two values side by side. */
export function rankedPairsOf(text: string, tokens: readonly Token[]): Comparison[] {
  if (!/\d|est\b|best|worst/u.test(text)) return [];
  return [superlativePairOf(text, tokens), valuePairOf(text, tokens)]
    .filter((c): c is Comparison => c !== null)
    .map((c) => ({ ...c, ranked: true }));
}
