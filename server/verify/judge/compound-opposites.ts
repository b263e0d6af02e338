// Opposites written as compounds or short phrases, which the word lexicon (antonyms.ts) cannot see
// because the analyzer splits a hyphenated word or the sentence names both words: "uncertainty-aware"
// against "ignores uncertainty", "one-way" against "in both directions", "zeroth-order" against
// "first-order", "positive-only" against "negative samples as well as positive ones", "do poorly on
// link validity" against "do well on link validity". Each is a rule over a family of words, not a
// list of pairs. Words inside a contrast ("unlike X,", "than X", "an alternative to X") are what the
// sentence sets itself against, so they are dropped before any rule looks.
import { stem } from '../../../indexer/text/analyze.ts';
import { antonymsOf, polarStem } from './antonyms.ts';

// A contrast and the words it sets aside, up to the next comma or clause end: "unlike bidirectional
// attention,", "than first-order DP-SGD", "as an alternative to first-order DP-SGD".
const CONTRAST =
  /\b(?:unlike|(?:an\s+)?alternatives?\s+to|(?:rather\s+)?than|instead\s+of|compared\s+(?:with|to)|as\s+opposed\s+to|in\s+contrast\s+(?:with|to)|whereas)\b[^,;.:!?]*/gu;

/** The text without the words inside its contrasts ("unlike X,", "than X", "instead of X"). */
export function withoutContrasts(text: string): string {
  return text.replace(CONTRAST, ' ');
}

// "X-aware" takes X into account; "ignores X", "X-agnostic", "X-unaware", "X-blind", "disregards X",
// "unaware of X" leave it out.
const AWARE = /\b(\p{L}{3,})-aware\b/gu;
const IGNORING = [
  /\b(?:ignor(?:es|e|ed|ing)|disregard(?:s|ed|ing)?|neglect(?:s|ed|ing)?|unaware\s+of|overlook(?:s|ed|ing)?)\s+(?:the\s+|any\s+|all\s+)?(\p{L}{3,})/gu,
  /\b(\p{L}{3,})-(?:agnostic|unaware|blind|oblivious)\b/gu,
];

// "one-way", "unidirectional", "in one direction" against "two-way", "bidirectional", "both directions".
// A one-way ANOVA, hash, function or design names a kind of thing, not a direction; "either direction"
// says no more than "any direction".
const ONE_WAY =
  /\b(?:one-way(?!\s+(?:anova|hash|function|design|analysis|repeated|classification))|one-directional|uni-?directional|in\s+(?:one|a\s+single)\s+direction|in\s+only\s+one\s+direction)\b/u;
const BOTH_WAYS = /\b(?:two-way|bi-?directional|(?:in\s+)?both\s+directions|both\s+ways)\b/u;

// "zeroth-order", "first-order", "second-order", "higher-order" methods: each order is another, when
// the two describe the same thing ("first-order gradient" against "zeroth-order gradient estimates") or
// each a method ("first-order method" against "zeroth-order optimization"), not "first-order logic"
// against "zeroth-order optimization". Only the hyphenated compound: "to first order" is an idiom.
const ORDER =
  /\b(zeroth|first|second|third|fourth|higher|lower)-order\b((?:\s*\([^)]{1,20}\))?(?:\s+[\p{L}-]+){0,3})/gu;
const HEAD_STOP = /^(?:with|for|to|of|and|or|in|on|by|that|which|the|a|an|is|are|as|from|via|at|when|while)$/u;
const METHOD =
  /^(?:method|approach|mechan|optim|optimis|optimiz|algorithm|techniqu|estim|gradient|solver|scheme|updat|train|fine-tun)/u;

// "X-only" (a word the lexicon opposes to another), and "X … as well as Y" / "both X and Y" with
// X and Y opposites: keeping to one where the other states both.
const KEPT_TO = /\b(\p{L}{3,})-only\b/gu;
const BOTH_OF =
  /\b(\p{L}{3,})(?:\s+\p{L}+)?\s+as\s+well\s+as\s+(\p{L}{3,})|\bboth\s+(\p{L}{3,})(?:\s+\p{L}+)?\s+and\s+(\p{L}{3,})/gu;

// "do well on X" against "do poorly on X": how well something does, on what. "as well on" compares.
const DOES_ON = /(?<!\bas\s)\b(well|poorly|badly)\s+(?:on|at)\s+(?:the\s+|its\s+|their\s+)?(\p{L}{3,})/gu;
const MANNER: Record<string, 1 | -1> = { well: 1, poorly: -1, badly: -1 };

const stemsOf = (text: string, patterns: readonly RegExp[]) =>
  new Set(patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => stem(m[1]!.toLowerCase()))));

// Whether `a` takes into account a thing that `b` ignores, and `b` does not take it into account too.
function awareAgainstIgnoring(a: string, b: string): boolean {
  const aware = stemsOf(a, [AWARE]);
  if (aware.size === 0) return false;
  const ignored = stemsOf(b, IGNORING);
  const awareToo = stemsOf(b, [AWARE]);
  const ignoredToo = stemsOf(a, IGNORING);
  return [...aware].some((thing) => ignored.has(thing) && !awareToo.has(thing) && !ignoredToo.has(thing));
}

// Whether one side says one way only and the other both ways, neither saying the other's.
function oneWayAgainstBoth(a: string, b: string): boolean {
  return ONE_WAY.test(a) && !BOTH_WAYS.test(a) && BOTH_WAYS.test(b) && !ONE_WAY.test(b);
}

// The words an order describes: up to three after it, past a parenthesis, up to a function word.
function headsOf(words: string): string[] {
  const heads: string[] = [];
  for (const word of words
    .replace(/\([^)]*\)/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean)) {
    if (HEAD_STOP.test(word)) break;
    heads.push(stem(word));
  }
  return heads;
}

// Each order a text names, with the words it describes.
function ordersOf(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of text.matchAll(ORDER)) found.set(m[1]!, [...(found.get(m[1]!) ?? []), ...headsOf(m[2]!)]);
  return found;
}

// Whether two lists of described words name the same thing, or each a method.
const sameThing = (a: readonly string[], b: readonly string[]) =>
  a.some((head) => b.includes(head)) || (a.some((head) => METHOD.test(head)) && b.some((head) => METHOD.test(head)));

// Whether each side names an order of the same thing that the other does not name at all.
function otherOrder(a: string, b: string): boolean {
  const first = ordersOf(a);
  const second = ordersOf(b);
  if (first.size === 0 || second.size === 0) return false;
  if ([...first.keys()].some((order) => second.has(order))) return false;
  return [...first.values()].some((heads) => [...second.values()].some((others) => sameThing(heads, others)));
}

// Whether `keeping` keeps to a word ("positive-only") whose opposite `stating` names beside it
// ("negative samples as well as positive ones", "both positive and negative rewards"), and
// `stating` keeps to nothing of the kind.
function keptToAgainstBoth(keeping: string, stating: string): boolean {
  const kept = new Set([...keeping.matchAll(KEPT_TO)].flatMap((m) => polarStem(m[1]!) ?? []));
  if (kept.size === 0 || /\b\p{L}{3,}-only\b/u.test(stating)) return false;
  for (const m of stating.matchAll(BOTH_OF)) {
    const first = polarStem((m[1] ?? m[3]!).toLowerCase());
    const second = polarStem((m[2] ?? m[4]!).toLowerCase());
    if (first === undefined || second === undefined) continue;
    if ((kept.has(first) || kept.has(second)) && antonymsOf(first).has(second)) return true;
  }
  return false;
}

// A negation among the two words before a manner: "does not perform well", "never did well".
const NEGATED = /(?:\bnot|n't|\bnever)(?:\s+\S+)?\s*$/u;

// How well each thing is done on, by the stem of the word after "on" ("well on link validity": link);
// a negated manner says nothing, and a thing done both well and poorly has no single manner.
function mannersOf(text: string): Map<string, 1 | -1> {
  const seen = new Map<string, Set<1 | -1>>();
  for (const m of text.matchAll(DOES_ON)) {
    if (NEGATED.test(text.slice(0, m.index))) continue;
    const thing = stem(m[2]!);
    seen.set(thing, (seen.get(thing) ?? new Set()).add(MANNER[m[1]!]!));
  }
  const found = new Map<string, 1 | -1>();
  for (const [thing, manners] of seen) if (manners.size === 1) found.set(thing, [...manners][0]!);
  return found;
}

// Whether one side does well on a thing the other does poorly on (either way round).
function mannerSwapped(a: string, b: string): boolean {
  const first = mannersOf(a);
  if (first.size === 0) return false;
  const second = mannersOf(b);
  return [...first].some(([thing, manner]) => second.get(thing) === -manner);
}

/**
 * Whether two texts (a claim and an evidence sentence) state opposites written as compounds or
 * phrases: "X-aware" against "ignores X" (or "X-agnostic"); "one-way" against "both directions"
 * ("two-way", "bidirectional"); an order of method the other does not name ("zeroth-order" against
 * "first-order"); "X-only" against X and its opposite named together ("as well as", "both … and");
 * doing well on a thing against doing poorly (or badly) on it. Words inside a contrast ("unlike X,",
 * "than X", "instead of X") are left out on both sides.
 */
export function compoundOpposites(a: string, b: string): boolean {
  const first = withoutContrasts(a.toLowerCase());
  const second = withoutContrasts(b.toLowerCase());
  return (
    awareAgainstIgnoring(first, second) ||
    awareAgainstIgnoring(second, first) ||
    oneWayAgainstBoth(first, second) ||
    oneWayAgainstBoth(second, first) ||
    otherOrder(first, second) ||
    mannerSwapped(first, second) ||
    keptToAgainstBoth(first, second) ||
    keptToAgainstBoth(second, first)
  );
}
