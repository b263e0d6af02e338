// Finds the citations in a text, with their exact spans: numeric ([1], [1, 3], [2–4], [2, Sec. 4],
// (ref. 2), superscripts; numeric-citations.ts), author–year ((Lin et al., 2026), Lin and Chen (2025),
// MLA's (Lin 12); author-year.ts), arXiv ids and DOIs (identifier-citations.ts), bracketed paper ids
// ([paper-id], [@key]), Markdown links, LaTeX's \cite{key} family and Pandoc's [@key, p. 3] and @key.
// Linear in the length of the text: every pattern here either consumes what it scans or is bounded.
import { readAuthorYear } from './author-year.ts';
import { BARE_ARXIV, BARE_DOI, cleanDoi, identifierTarget } from './identifier-citations.ts';
import { latexCitations, pandocGroupKeys, pandocInText } from './markup-citations.ts';
import { narrativeCitations } from './narrative-citations.ts';
import {
  BARE_REFERENCE_PHRASE,
  BRACKET_LOCATOR,
  BRACKETED_RANGE,
  caretSuperscripts,
  citesNumbers,
  expandNumeric,
  GLUED_NUMBERS,
  NUMBERED_ABBREVIATION,
  NUMERIC_GROUP,
  plainOfSuperscript,
  REFERENCE_PHRASE,
  SUPERSCRIPT_CITATION,
  WORD_GLUED_NUMBERS,
} from './numeric-citations.ts';

/** What a citation points at, before it is resolved to a paper. */
export type CitationTarget =
  | { kind: 'numeric'; n: number }
  /** `year` is '' for MLA's author and page, "(Lin 12)": then the author alone names the paper. */
  | { kind: 'author-year'; surname: string; year: string; etAl: boolean; group?: true; undated?: true }
  | { kind: 'arxiv'; arxivId: string }
  | { kind: 'doi'; doi: string }
  /** A bracketed paper id or citation key; `explicit` when written [@key], so it is surely a citation. */
  | { kind: 'key'; key: string; explicit: boolean };

/** One cited item: a group like "[1, 3]" gives two, each with the span of its group. */
export type ParsedCitation = {
  /** The item as a reader would name it: "[3]", "Lin et al., 2026", "arXiv:2401.01234", a DOI. */
  marker: string;
  target: CitationTarget;
  /** Span of the whole citation group in the text. */
  start: number;
  end: number;
  /** The text of a Markdown link whose address is the identifier ("Lin et al. 2026" of "[Lin et al. 2026](https://arxiv.org/abs/…)"). */
  label?: string;
  /** A number glued to a sentence's full stop ("more.3 Negative"): the sentence ends after it. */
  closesSentence?: true;
  /** A citation that is part of its sentence's wording ("Lin (2026) shows", "\citet{lin2026} shows",
   *  "@lin2026 shows"): it belongs to the sentence it opens, never to the one before. */
  narrative?: true;
};

const KEY = /^@?([A-Za-z][\w:./-]*[\w])$/u;

type Item = { target: CitationTarget; item: string };

function authorYearItems(part: string): Item[] | undefined {
  const read = readAuthorYear(part);
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

function markerOf(target: CitationTarget, item: string): string {
  switch (target.kind) {
    case 'numeric':
      return item.startsWith('^') ? `[${item}]` : `[${target.n}]`;
    case 'arxiv':
      return `arXiv:${target.arxivId}`;
    case 'doi':
      return target.doi;
    case 'key':
      return item.startsWith('^') ? `[${item}]` : `[${target.key}]`;
    case 'author-year':
      return item.replace(/\s+/gu, ' ');
  }
}

function singleItem(part: string, brackets: boolean): Item | undefined {
  const target = identifierTarget(part);
  if (target) return { target, item: part };
  const key = brackets ? KEY.exec(part) : null;
  return key ? { target: { kind: 'key', key: key[1]!, explicit: part.startsWith('@') }, item: part } : undefined;
}

const numericItems = (inner: string): Item[] =>
  expandNumeric(inner).map((n) => ({ target: { kind: 'numeric', n }, item: String(n) }));

// Items of a bracket or parenthesis group; undefined when the group is not (only) citations.
function groupTargets(inner: string, brackets: boolean): Item[] | undefined {
  if (brackets && NUMERIC_GROUP.test(inner)) return citesNumbers(inner) ? numericItems(inner) : undefined;
  const phrase = REFERENCE_PHRASE.exec(inner.trim())?.[1];
  if (phrase) return numericItems(phrase.replace(/\s*and\s*/giu, ','));
  const found: Item[] = [];
  for (const raw of inner.split(';')) {
    const part = brackets ? raw.trim().replace(BRACKET_LOCATOR, '') : raw.trim();
    if (!part) continue;
    if (brackets && NUMERIC_GROUP.test(part)) {
      if (!citesNumbers(part)) return undefined;
      found.push(...numericItems(part));
      continue;
    }
    const whole = singleItem(part, brackets) ?? authorYearItems(part);
    if (whole) {
      found.push(...(Array.isArray(whole) ? whole : [whole]));
      continue;
    }
    const pieces = part.split(',').map((p) => p.trim());
    const items = pieces.map((piece) => singleItem(piece, brackets));
    if (items.some((item) => !item)) return undefined;
    found.push(...(items as Item[]));
  }
  return found.length > 0 ? found : undefined;
}

// "(3)" or "(1, 4–6)" after a word and before punctuation or a line's end, when the text's
// reference list is numbered up to at least each number (ParseOptions.numberedUpTo).
function parenthesizedNumbers(text: string, start: number, end: number, options: ParseOptions): Item[] | undefined {
  const most = options.numberedUpTo;
  const inner = text.slice(start + 1, end - 1);
  if (most === undefined || !NUMERIC_GROUP.test(inner)) return undefined;
  if (!/[\p{L}\p{N}.,;:)\]]\s?$/u.test(text.slice(Math.max(0, start - 2), start))) return undefined;
  if (!/^(?:\s*$|\s*\n|[.,;:!?)\]]|\s*\(\d)/u.test(text.slice(end, end + 3))) return undefined;
  const items = groupTargets(inner, true);
  return items?.every(({ target }) => target.kind === 'numeric' && target.n >= 1 && target.n <= most)
    ? items
    : undefined;
}

// Whether every item is a number from 1 to the text's list's last number (none without a numbered list).
const withinList = (items: readonly Item[], most: number | undefined) =>
  most !== undefined && items.every(({ target }) => target.kind === 'numeric' && target.n >= 1 && target.n <= most);

// A Pandoc group's keys as cited items, explicit as [@key] is.
function pandocItems(inner: string): Item[] | undefined {
  return pandocGroupKeys(inner)?.map((key) => ({ target: { kind: 'key', key, explicit: true }, item: key }));
}

// A Markdown footnote marker, "[^1]" or "[^lin2026]": the footnote of that number or label.
function footnoteTargets(inner: string): Item[] | undefined {
  const label = /^\^([\w:./-]{1,60})$/u.exec(inner)?.[1];
  if (!label) return undefined;
  if (/^\d{1,4}$/u.test(label)) return [{ target: { kind: 'numeric', n: Number(label) }, item: `^${label}` }];
  const key = KEY.exec(label);
  return key ? [{ target: { kind: 'key', key: key[1]!, explicit: true }, item: `^${label}` }] : undefined;
}

export type ParseOptions = {
  /**
   * The text's reference list is numbered up to this: then "(3)" and "(1, 4–6)" are citations
   * (Vancouver style with parentheses), and so is a number glued to a word's full stop, "leak
   * more.3 Negative …" (a superscript that lost its formatting in a copy from a PDF), when every
   * number is at most this. Only where a citation stands: "(1) first, (2) second" enumerates.
   */
  numberedUpTo?: number;
};

// "[2026]", "[2025a, 2026]": years, not reference numbers (no list runs to 1800).
const BRACKETED_YEARS = /^(?:1[89]|20)\d{2}[a-z]?(?:[ \t]*,[ \t]*(?:1[89]|20)\d{2}[a-z]?)*$/u;

/** Every citation in a text, in order of position. */
export function parseCitations(written: string, options: ParseOptions = {}): ParsedCitation[] {
  // A zero-width space or byte-order mark (text copied from a web page) reads as the space it stands
  // for; one for one, so every span still counts from the text as written.
  const text = written.replace(/[\u200B\uFEFF]/gu, ' ');
  const citations: ParsedCitation[] = [];
  // Spans already taken, disjoint and sorted by start, so a lookup is a binary search.
  const taken: Array<[number, number]> = [];
  const firstEndingAfter = (position: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]![1] <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const free = (start: number, end: number) => {
    const next = taken[firstEndingAfter(start)];
    return next === undefined || next[0] >= end;
  };
  const add = (start: number, end: number, targets: Item[], narrative = false) => {
    taken.splice(firstEndingAfter(start), 0, [start, end]);
    for (const { target, item } of targets)
      citations.push({ marker: markerOf(target, item), target, start, end, ...(narrative ? { narrative } : {}) });
  };

  for (const command of latexCitations(text)) {
    const targets = command.keys.map((key) => ({ target: { kind: 'key', key, explicit: true } as const, item: key }));
    add(command.start, command.end, targets, command.narrative);
  }

  for (const match of text.matchAll(BRACKETED_RANGE)) {
    const end = match.index + match[0].length;
    const range = `${match[1]}-${match[2]}`;
    if (free(match.index, end) && citesNumbers(range)) add(match.index, end, numericItems(range));
  }
  // HTML superscripts, as rich text pasted as Markdown keeps them: "shown<sup>1,2</sup>".
  for (const match of text.matchAll(/<sup>([^<>\n]{1,60})<\/sup>/giu)) {
    const end = match.index + match[0].length;
    const inner = match[1]!;
    if (free(match.index, end) && NUMERIC_GROUP.test(inner) && citesNumbers(inner)) {
      add(match.index, end, numericItems(inner));
    }
  }
  for (const match of text.matchAll(/\[([^[\]\n]{1,300})\]/gu)) {
    // A Markdown link text "[label](url)" is not a citation.
    if (text[match.index + match[0].length] === '(') continue;
    if (!free(match.index, match.index + match[0].length)) continue;
    // A year in brackets is ACM's narrative "Lin et al. [2026]", read with the names before it (below).
    if (BRACKETED_YEARS.test(match[1]!)) continue;
    const targets = footnoteTargets(match[1]!) ?? pandocItems(match[1]!) ?? groupTargets(match[1]!, true);
    if (targets) add(match.index, match.index + match[0].length, targets);
  }
  // A Markdown link to a paper, "[Lin et al. 2026](https://arxiv.org/abs/2601.04321)": the address
  // names the paper, and the text is kept for when the library does not know the address; a link to
  // any other address is a citation only by its text.
  for (const match of text.matchAll(/\[([^[\]\n]{1,200})\]\(([^()\s]{1,500})\)/gu)) {
    const end = match.index + match[0].length;
    if (!free(match.index, end)) continue;
    const address = match[2]!;
    const arxiv = new RegExp(BARE_ARXIV.source, 'iu').exec(address)?.[1];
    const doi = arxiv ? undefined : new RegExp(BARE_DOI.source, 'iu').exec(address)?.[1];
    const id = (arxiv ?? doi)?.replace(/[.,;:]+$/u, '');
    const label = match[1]!.trim();
    if (!id) {
      // "[1](https://…)" cites the list's first source; "[LeakDojo: …](https://…)" or "[Lin et al.
      // 2026](https://…)" a paper its text names, which counts only when it names one ("[our
      // code](https://…)" does not).
      if (NUMERIC_GROUP.test(label) && citesNumbers(label)) add(match.index, end, numericItems(label));
      else if (/^https?:\/\//iu.test(address)) {
        add(match.index, end, [{ target: { kind: 'key', key: label, explicit: false }, item: label }]);
        citations.at(-1)!.label = label;
      }
      continue;
    }
    const target: CitationTarget = arxiv
      ? { kind: 'arxiv', arxivId: id.toLowerCase() }
      : { kind: 'doi', doi: cleanDoi(id) };
    add(match.index, end, [{ target, item: address }]);
    citations.at(-1)!.label = label;
  }
  // 【3】 and 【3†source】, as chat assistants cite their sources.
  for (const match of text.matchAll(/【([^【】\n]{1,300})】/gu)) {
    const inner = match[1]!.split(/[†:]/u)[0]!;
    const targets = NUMERIC_GROUP.test(inner) ? groupTargets(inner, true) : undefined;
    if (targets) add(match.index, match.index + match[0].length, targets);
  }
  // Superscript numbers after a word or a sentence's punctuation ("consumer CPUs¹", "found.²⁻⁴"),
  // as a word processor writes them; not after a digit or a one- or two-letter unit ("10³", "m²", "cm³").
  for (const match of text.matchAll(SUPERSCRIPT_CITATION)) {
    const start = match.index + match[1]!.length;
    const end = start + match[2]!.length;
    if (!free(start, end)) continue;
    const inner = plainOfSuperscript(match[2]!);
    const targets = NUMERIC_GROUP.test(inner) ? groupTargets(inner, true) : undefined;
    if (targets) add(start, end, targets);
  }
  // Carets: "meaning^1", "hard^2,3", Pandoc's "^1^", and "previously.^3 Next", which closes its sentence.
  for (const caret of caretSuperscripts(text)) {
    if (!free(caret.start, caret.end)) continue;
    const items = numericItems(caret.numbers);
    if (!withinList(items, options.numberedUpTo)) continue;
    add(caret.start, caret.end, items);
    if (caret.closes) for (const citation of citations.slice(-items.length)) citation.closesSentence = true;
  }
  const most = options.numberedUpTo;
  if (most !== undefined) {
    for (const match of text.matchAll(GLUED_NUMBERS)) {
      const start = match.index + match[1]!.length;
      const end = start + match[2]!.length;
      if (!free(start, end) || NUMBERED_ABBREVIATION.test(text.slice(Math.max(0, start - 8), start))) continue;
      const items = numericItems(match[2]!);
      if (!items.every(({ target }) => target.kind === 'numeric' && target.n >= 1 && target.n <= most)) continue;
      add(start, end, items);
      if (match[1]!.endsWith('.'))
        for (const citation of citations.slice(-items.length)) citation.closesSentence = true;
    }
    // "… can be reversed1. Junking is hard2,3." (a superscript before the full stop, copied out of Word).
    for (const match of text.matchAll(WORD_GLUED_NUMBERS)) {
      const start = match.index + match[1]!.length;
      const end = start + match[2]!.length;
      const items = numericItems(match[2]!);
      if (!free(start, end) || !citesNumbers(match[2]!)) continue;
      // A lower-case name the text writes again ("llama2 weights … fine-tune llama2.") is no citation.
      if (text.indexOf(match[0], end) >= 0 || text.lastIndexOf(match[0], match.index - 1) >= 0) continue;
      if (withinList(items, most)) add(start, end, items);
    }
  }
  for (const narrative of narrativeCitations(text)) {
    if (!free(narrative.start, narrative.end)) continue;
    add(
      narrative.start,
      narrative.end,
      narrative.years.map((year) => ({
        target: {
          kind: 'author-year',
          surname: narrative.surname,
          year,
          etAl: narrative.etAl,
          ...(narrative.undated ? { undated: true } : {}),
        },
        item: `${narrative.authors}, ${narrative.undated ?? year}`,
      })),
      true,
    );
  }
  // Pandoc's in-text "@lin2026 shows …", with an optional locator "@lin2026 [p. 3]". Not written
  // [@key], so like a bracketed id it counts only when the key names a paper.
  for (const { key, start, end } of pandocInText(text)) {
    if (!free(start, end)) continue;
    add(start, end, [{ target: { kind: 'key', key, explicit: false }, item: key }], true);
  }
  for (const match of text.matchAll(/\(([^()\n]{1,300})\)/gu)) {
    const end = match.index + match[0].length;
    if (!free(match.index, end)) continue;
    const targets = groupTargets(match[1]!, false) ?? parenthesizedNumbers(text, match.index, end, options);
    if (targets) add(match.index, end, targets);
  }
  for (const match of text.matchAll(BARE_REFERENCE_PHRASE)) {
    const end = match.index + match[0].length;
    if (free(match.index, end)) add(match.index, end, numericItems(match[1]!.replace(/\s*and\s*/giu, ',')));
  }
  for (const pattern of [BARE_ARXIV, BARE_DOI]) {
    for (const match of text.matchAll(pattern)) {
      const raw = match[0].replace(/[.,;:]+$/u, '');
      const start = match.index;
      if (!free(start, start + raw.length)) continue;
      const id = match[1]!.replace(/[.,;:]+$/u, '');
      const target: CitationTarget =
        pattern === BARE_ARXIV ? { kind: 'arxiv', arxivId: id.toLowerCase() } : { kind: 'doi', doi: cleanDoi(id) };
      add(start, start + raw.length, [{ target, item: raw }]);
    }
  }
  return citations.sort((a, b) => a.start - b.start);
}
