// Where the claims of a text begin and end: the segmenter's sentences, repaired where a draft
// misleads it. A line a PDF wrapped is joined again, and so is a sentence cut at "e.g." or "(p.",
// or after a list item's number or inside its bold lead; a Markdown table's row is one claim; a
// citation after a full stop closes its sentence, and one that is part of the next sentence's
// wording ("\citet{lin2026} shows …") opens it.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import type { ParsedCitation } from './parse-citations.ts';
import { inTableRow, joinTableRows } from './table-rows.ts';

type Span = { start: number; end: number };

/** A list item's bullet or number, a quote's ">" and a heading's "#": markup, not part of a claim. */
export const LINE_MARKUP = /^(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*|#{1,6}[ \t]+)+/u;

// "[2] showed that …": a bracketed number followed by a lower-case word is the subject of the
// sentence it opens, not a citation of the one before ("… in 2026. [3] The next …").
export const opensAsSubject = (body: string, c: ParsedCitation) =>
  c.target.kind === 'numeric' && body[c.start] === '[' && /^[ \t]+\p{Ll}/u.test(body.slice(c.end, c.end + 3));

// Abbreviations that never end a sentence ("Many studies, e.g. Lin et al. (2026), show …", "approx. 3 GB").
const ABBREVIATIONS = String.raw`e\.g|i\.e|cf|vs|viz|incl|approx|resp`;
// Words a number follows, which end no sentence before it ("(p. 4)", "Fig. 3", "Thm. 2", "(Ref. [2])").
const NUMBERING = 'pp?|figs?|eqs?|nos?|vols?|ch|secs?|refs?|thm|lem|tab';

// After a full stop, "\citet{lin2026} shows …" and "@lin2026 shows …" open a sentence, though a
// sentence segmenter reads their lower-case start as the same sentence going on; not after an
// abbreviation, nor after "et al." or "see." before a citation.
const SENTENCE_END_BEFORE = /[.!?]["'”’)\]]*\s+$/u;
const ABBREVIATION_BEFORE = new RegExp(`\\b(?:${ABBREVIATIONS}|${NUMBERING}|al|etc|see)\\.\\s+$`, 'iu');
// Where a citation written after a full stop ends, with its parenthesis, when a capitalized sentence
// follows it on the line: "… structural. (Lin, 2026) Valence …" (-1 for any other citation).
function endOfTrailingGroup(body: string, c: ParsedCitation): number {
  if (c.narrative) return -1;
  const before = body.slice(Math.max(0, c.start - 12), c.start);
  const opened = /\($/u.test(before) && body[c.start] !== '(';
  const stop = opened ? before.slice(0, -1) : before;
  if (!/[.!?]["'”’]?[ \t]+$/u.test(stop) || ABBREVIATION_BEFORE.test(stop)) return -1;
  const close = opened ? /^[ \t]*\)/u.exec(body.slice(c.end, c.end + 4))?.[0].length : 0;
  if (close === undefined) return -1;
  return /^[ \t]+["'“‘]?\p{Lu}/u.test(body.slice(c.end + close, c.end + close + 4)) ? c.end + close : -1;
}

function spansBrokenAtCitations(body: string, spans: readonly Span[], citations: readonly ParsedCitation[]): Span[] {
  const opening = citations
    .filter((c) => (c.narrative && (body[c.start] === '\\' || body[c.start] === '@')) || opensAsSubject(body, c))
    .map((c) => c.start)
    .filter((at) => {
      const before = body.slice(Math.max(0, at - 12), at);
      return SENTENCE_END_BEFORE.test(before) && !ABBREVIATION_BEFORE.test(before);
    });
  // "… leak more.3 Negative valence …": the next sentence starts after the glued number.
  // And "… structural. (Lin, 2026) Valence …" or "… structural. ([arxiv.org](…)) Valence …", which
  // the segmenter reads as one sentence: the citation closes the one before it.
  const closing = citations
    .map((c) => (c.closesSentence ? c.end : endOfTrailingGroup(body, c)))
    .filter((end) => end >= 0)
    .map((end) => end + (/^\s*/u.exec(body.slice(end, end + 20))?.[0].length ?? 0))
    .filter((at) => at < body.length);
  const breaks = [...new Set([...opening, ...closing])].sort((a, b) => a - b);
  if (breaks.length === 0) return [...spans];
  // Spans and breaks are both in text order: one pass over each.
  const broken: Span[] = [];
  let next = 0;
  for (const span of spans) {
    let start = span.start;
    while (next < breaks.length && breaks[next]! <= start) next++;
    for (; next < breaks.length && breaks[next]! < span.end; next++) {
      const at = breaks[next]!;
      broken.push({ start, end: start + body.slice(start, at).trimEnd().length });
      start = at;
    }
    broken.push({ start, end: span.end });
  }
  return broken;
}

// A line of at least this many characters that ends without a sentence's punctuation was wrapped
// (text copied out of a PDF or an e-mail), where a shorter one is a heading or a label.
const WRAPPED_LINE = 40;
export const ENDS_SENTENCE = /[.!?]["'”’)\]]*$/u;
const ENDS_HYPHENATED = /\p{L}-$/u;

/**
 * The segmenter ends a sentence at every line break. A sentence that a line break cuts in two (a
 * PDF's "every-\nday consumer CPUs", "run on\nconsumer CPUs") is joined again: the line before
 * ends in a hyphen, or without a sentence's punctuation and the next starts in lower case or the
 * line before is long (and does not end with a citation). A blank line, a list item, a quote or a
 * heading (and the line after a heading) always starts anew.
 */
export function joinWrappedLines(body: string, spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && wrapsInto(body, last, span)) last.end = span.end;
    else joined.push({ ...span });
  }
  return joined;
}

// A sentence never ends at "e.g." or "i.e.", though the segmenter ends one there before a capital,
// nor at "p." before a number.
const ENDS_WITH_ABBREVIATION = new RegExp(`\\b(?:${ABBREVIATIONS})\\.$`, 'iu');
const ENDS_WITH_NUMBERING = new RegExp(`\\b(?:${NUMBERING})\\.$`, 'iu');

/** Spans with a sentence that the segmenter ended at "e.g." or "i.e." joined to the rest of it. */
function joinAtAbbreviations(body: string, spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    const gap = last ? body.slice(last.end, span.start) : '\n';
    const ending = last ? body.slice(Math.max(last.start, last.end - 12), last.end) : '';
    const abbreviated =
      ENDS_WITH_ABBREVIATION.test(ending) ||
      (ENDS_WITH_NUMBERING.test(ending) && /^[\d[]/u.test(body[span.start] ?? ''));
    if (last && /^[ \t]*$/u.test(gap) && abbreviated) {
      last.end = span.end;
    } else joined.push({ ...span });
  }
  return joined;
}

function wrapsInto(body: string, before: Span, after: { start: number }): boolean {
  const gap = body.slice(before.end, after.start);
  if (!/^[ \t]*\r?\n[ \t]*$/u.test(gap)) return false;
  if (LINE_MARKUP.test(body.slice(after.start, after.start + 8)) || /^\[\d{1,4}\]/u.test(body.slice(after.start))) {
    return false;
  }
  const lineStart = body.lastIndexOf('\n', before.end - 1) + 1;
  // A heading's line ends no sentence, yet the paragraph under it is not its continuation; nor is a
  // table's next row the continuation of its row.
  if (body[lineStart] === '#' || inTableRow(body, before.end) || inTableRow(body, after.start)) return false;
  const tail = body.slice(Math.max(before.start, before.end - 4), before.end);
  if (ENDS_HYPHENATED.test(tail)) return true;
  if (ENDS_SENTENCE.test(tail)) return false;
  if (/^\p{Ll}/u.test(body[after.start] ?? '')) return true;
  // A line that ends with its citation ("… structural [1]") before a capital closed its claim.
  return !/[\])]$/u.test(tail) && before.end - lineStart >= WRAPPED_LINE;
}

/**
 * Spans with a list item's number joined to its words ("1." and "**Attention sinks.**" are one span),
 * and the emphasis a full stop left behind ("**Sinks.** The sink …" gives "** The sink …") given
 * back to the sentence it closes.
 */
function joinMarkdownPieces(body: string, spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const last = joined.at(-1);
    const sameLine = last !== undefined && /^[ \t]*$/u.test(body.slice(last.end, span.start));
    if (
      last &&
      sameLine &&
      /^\d{1,3}[.)]$/u.test(body.slice(last.start, last.end)) &&
      !/\n/u.test(body.slice(last.start, span.start))
    ) {
      last.end = span.end;
      continue;
    }
    const closing = sameLine ? /^(?:\*{1,3}|_{1,3})(?=\s)/u.exec(body.slice(span.start, span.start + 4)) : null;
    if (last && closing) {
      last.end = span.start + closing[0].length;
      const start =
        span.start +
        closing[0].length +
        (/^\s*/u.exec(body.slice(span.start + closing[0].length, span.end))?.[0].length ?? 0);
      if (start < span.end) joined.push({ start, end: span.end });
      continue;
    }
    joined.push({ ...span });
  }
  return joined;
}

/** The spans of a body's claims, before the citations are placed in them. */
export function claimSpans(body: string, citations: readonly ParsedCitation[]): Span[] {
  const segmented = joinMarkdownPieces(body, sentenceSpans(body));
  const sentences = joinAtAbbreviations(body, joinWrappedLines(body, segmented));
  return spansBrokenAtCitations(body, joinTableRows(body, sentences), citations);
}
