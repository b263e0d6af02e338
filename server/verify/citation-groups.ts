// What a bracket or a parenthesis holds when it cites: the items of "[1, 3]", "[2, Sec. 4]",
// "(Lin et al., 2026; Chen, 2025)", "(ref. 2)", "[^1]", "[see @lin2026]", "(see LeakDojo)", each as
// its target. Undefined when the group is not (only) citations.
import { readAuthorYear } from './author-year.ts';
import type { Item } from './citation-spans.ts';
import type { KnowsAuthor, ParseOptions } from './citation-target.ts';
import { identifierTarget } from './identifier-citations.ts';
import { pandocGroupKeys } from './markup-citations.ts';
import { namedItems } from './named-citations.ts';
import { BRACKET_LOCATOR, citesNumbers, expandNumeric, NUMERIC_GROUP, REFERENCE_PHRASE } from './numeric-citations.ts';

const KEY = /^@?([A-Za-z][\w:./-]*[\w])$/u;

/** "[2026]", "[2025a, 2026]": years, not reference numbers (no list runs to 1800). */
export const BRACKETED_YEARS = /^(?:1[89]|20)\d{2}[a-z]?(?:[ \t]*,[ \t]*(?:1[89]|20)\d{2}[a-z]?)*$/u;

function authorYearItems(part: string, knowsAuthor?: KnowsAuthor): Item[] | undefined {
  const read = readAuthorYear(part, knowsAuthor);
  if (!read) return undefined;
  // "(Lin et al., 2020, 2021)" cites two papers by the same authors; MLA's "(Lin 12)" names no year.
  return read.years.map((year) => ({
    target: {
      kind: 'author-year',
      surname: read.surname,
      year,
      etAl: read.etAl,
      ...(read.group ? { group: true } : {}),
      ...(read.undated ? { undated: true } : {}),
    },
    item: read.page !== undefined ? `${read.authors} ${read.page}` : `${read.authors}, ${read.undated ?? year}`,
  }));
}

function singleItem(part: string, brackets: boolean): Item | undefined {
  const target = identifierTarget(part);
  if (target) return { target, item: part };
  const key = brackets ? KEY.exec(part) : null;
  return key ? { target: { kind: 'key', key: key[1]!, explicit: part.startsWith('@') }, item: part } : undefined;
}

/** The numbers of a numeric group as items, ranges expanded. */
export const numericItems = (inner: string): Item[] =>
  expandNumeric(inner).map((n) => ({ target: { kind: 'numeric', n }, item: String(n) }));

// A note on a quotation after the citations: "(Lin, 2026, emphasis added)", "(Lin, 2026; italics mine)".
const QUOTATION_NOTE =
  /\s*[,;]\s*(?:(?:emphasis|italics)\s+(?:added|mine|in\s+(?:the\s+)?original)|original\s+emphasis)\s*$/iu;
// Where one item of a parenthesis ends and the next begins without a semicolon: APA's secondary
// source, "(Lin, 2026, as cited in Rathi, 2026)", and an "and" after a year, "(Lin, 2026, and Rathi, 2026)".
const JOINED_ITEMS = /,?\s+(?:as\s+)?(?:cited|quoted)\s+in\s+|(?<=\d{4}[a-z]?),?\s+(?:and|&)\s+(?=\p{Lu})/u;

// An author–year item, or several joined without a semicolon, each of which must read as one.
function joinedAuthorYearItems(part: string, knowsAuthor?: KnowsAuthor): Item[] | undefined {
  const whole = authorYearItems(part, knowsAuthor);
  if (whole || !JOINED_ITEMS.test(part)) return whole;
  const items: Item[] = [];
  for (const piece of part.split(new RegExp(JOINED_ITEMS.source, 'gu'))) {
    const read = authorYearItems(piece.trim(), knowsAuthor);
    if (!read) return undefined;
    items.push(...read);
  }
  return items;
}

const YEAR_ALONE = /^(?:1[89]|20)\d{2}[a-z]?$/u;
const PAGE_ALONE = /^(?:pp?\.|page)\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?$/iu;

// Another year of the authors of an author–year item ("Lin, 2026a" and "2026b" → "Lin, 2026b").
function sameAuthorsItem(previous: Extract<Item['target'], { kind: 'author-year' }>, item: string, year: string): Item {
  const authors = item.slice(0, item.lastIndexOf(','));
  return { target: { ...previous, year }, item: `${authors}, ${year}` };
}

/** What a group is read with: who is known as an author, and which papers by their names. */
export type GroupOptions = Pick<ParseOptions, 'knowsAuthor' | 'knowsName'>;

/**
 * Items of a bracket or parenthesis group; undefined when the group is not (only) citations.
 * `knowsAuthor` says which acronyms alone before a year are authors ("(WHO 2020)"; not "(COVID 2020)"),
 * `knowsName` which names alone are papers' ("(see LeakDojo)"; not "(Foo)").
 */
export function groupTargets(written: string, brackets: boolean, options: GroupOptions = {}): Item[] | undefined {
  const { knowsAuthor, knowsName } = options;
  if (brackets && NUMERIC_GROUP.test(written)) return citesNumbers(written) ? numericItems(written) : undefined;
  const inner = written.replace(QUOTATION_NOTE, '');
  const phrase = REFERENCE_PHRASE.exec(inner.trim())?.[1];
  if (phrase) return numericItems(phrase.replace(/\s*and\s*/giu, ','));
  const found: Item[] = [];
  for (const [index, raw] of inner.split(';').entries()) {
    // "(Lin, 2026; Rathi, 2026; and Chen, 2025)": the last item's "and" joins it to the list.
    const trimmed = index > 0 ? raw.trim().replace(/^(?:and|&)\s+/u, '') : raw.trim();
    const part = brackets ? trimmed.replace(BRACKET_LOCATOR, '') : trimmed;
    if (!part) continue;
    const previous = found.at(-1)?.target;
    if (previous?.kind === 'author-year' && previous.year !== '' && !brackets) {
      // "(Lin, 2026a; 2026b)": a year alone is another work of the authors before it.
      if (YEAR_ALONE.test(part)) {
        found.push(sameAuthorsItem(previous, found.at(-1)!.item, part));
        continue;
      }
      // "(Lin et al., 2026; p. 5)": a page alone pinpoints the work before it.
      if (PAGE_ALONE.test(part)) continue;
    }
    if (brackets && NUMERIC_GROUP.test(part)) {
      if (!citesNumbers(part)) return undefined;
      found.push(...numericItems(part));
      continue;
    }
    const whole = singleItem(part, brackets) ?? joinedAuthorYearItems(part, knowsAuthor);
    if (whole) {
      found.push(...(Array.isArray(whole) ? whole : [whole]));
      continue;
    }
    const named = knowsName ? namedItems(part, knowsName) : undefined;
    if (named) {
      found.push(...named);
      continue;
    }
    const pieces = part.split(',').map((p) => p.trim());
    const items = pieces.map((piece) => singleItem(piece, brackets));
    if (items.some((item) => !item)) return undefined;
    found.push(...(items as Item[]));
  }
  return found.length > 0 ? found : undefined;
}

/** Whether every item is a number from 1 to the text's list's last number (none without a numbered list). */
export const withinList = (items: readonly Item[], most: number | undefined) =>
  most !== undefined && items.every(({ target }) => target.kind === 'numeric' && target.n >= 1 && target.n <= most);

/**
 * "(3)" or "(1, 4–6)" after a word and before punctuation or a line's end, when the text's
 * reference list is numbered up to at least each number (ParseOptions.numberedUpTo).
 */
export function parenthesizedNumbers(
  text: string,
  start: number,
  end: number,
  options: ParseOptions,
): Item[] | undefined {
  const inner = text.slice(start + 1, end - 1);
  if (options.numberedUpTo === undefined || !NUMERIC_GROUP.test(inner)) return undefined;
  if (!/[\p{L}\p{N}.,;:)\]]\s?$/u.test(text.slice(Math.max(0, start - 2), start))) return undefined;
  if (!/^(?:\s*$|\s*\n|[.,;:!?)\]]|\s*\(\d)/u.test(text.slice(end, end + 3))) return undefined;
  const items = groupTargets(inner, true);
  return items && withinList(items, options.numberedUpTo) ? items : undefined;
}

/** A Pandoc group's keys as cited items, explicit as [@key] is. */
export function pandocItems(inner: string): Item[] | undefined {
  return pandocGroupKeys(inner)?.map((key) => ({ target: { kind: 'key', key, explicit: true }, item: key }));
}

/** A Markdown footnote marker, "[^1]" or "[^lin2026]": the footnote of that number or label. */
export function footnoteTargets(inner: string): Item[] | undefined {
  const label = /^\^([\w:./-]{1,60})$/u.exec(inner)?.[1];
  if (!label) return undefined;
  if (/^\d{1,4}$/u.test(label)) return [{ target: { kind: 'numeric', n: Number(label) }, item: `^${label}` }];
  const key = KEY.exec(label);
  return key ? [{ target: { kind: 'key', key: key[1]!, explicit: true }, item: `^${label}` }] : undefined;
}
