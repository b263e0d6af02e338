// The claims of a text as verify reads them: its sentences with the citations inside them (a
// citation after a full stop belongs to the sentence before, one that is part of the wording to
// its own), the clause each citation is judged against when a sentence cites different papers for
// different parts, and the words of a claim as the judge reads them.
import { sentenceSpans } from '../../indexer/passages/split-passages.ts';
import { joinHyphenatedLineBreaks } from '../../indexer/text/line-breaks.ts';
import { citedClauses } from './cited-clauses.ts';
import { plainOfLatex } from './latex-source.ts';
import { type ParsedCitation, parseCitations } from './parse-citations.ts';
import type { ReferenceEntry } from './reference-list.ts';

export type Sentence = { start: number; end: number; citations: ParsedCitation[] };
/** The clause a citation is judged against: its offsets and its words as the judge reads them. */
export type CitedPart = { start: number; end: number; clean: string };

// "[2] showed that …": a bracketed number followed by a lower-case word is the subject of the
// sentence it opens, not a citation of the one before ("… in 2026. [3] The next …").
const opensAsSubject = (body: string, c: ParsedCitation) =>
  c.target.kind === 'numeric' && body[c.start] === '[' && /^[ \t]+\p{Ll}/u.test(body.slice(c.end, c.end + 3));

// After a full stop, "\citet{lin2026} shows …" and "@lin2026 shows …" open a sentence, though a
// sentence segmenter reads their lower-case start as the same sentence going on.
const SENTENCE_END_BEFORE = /[.!?]["'”’)\]]*\s+$/u;
const ABBREVIATION_BEFORE = /\b(?:e\.g|i\.e|cf|vs|al|etc|viz|resp|see|fig|eq|no|p|pp)\.\s+$/iu;
function spansBrokenAtCommands(
  body: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
  citations: readonly ParsedCitation[],
): Array<{ start: number; end: number }> {
  const opening = citations
    .filter((c) => (c.narrative && (body[c.start] === '\\' || body[c.start] === '@')) || opensAsSubject(body, c))
    .map((c) => c.start)
    .filter((at) => {
      const before = body.slice(Math.max(0, at - 12), at);
      return SENTENCE_END_BEFORE.test(before) && !ABBREVIATION_BEFORE.test(before);
    });
  // "… leak more.3 Negative valence …": the next sentence starts after the glued number.
  const closing = citations
    .filter((c) => c.closesSentence)
    .map((c) => c.end + (/^\s*/u.exec(body.slice(c.end, c.end + 20))?.[0].length ?? 0))
    .filter((at) => at < body.length);
  const breaks = [...new Set([...opening, ...closing])].sort((a, b) => a - b);
  if (breaks.length === 0) return [...spans];
  // Spans and breaks are both in text order: one pass over each.
  const broken: Array<{ start: number; end: number }> = [];
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
const ENDS_SENTENCE = /[.!?]["'”’)\]]*$/u;
const ENDS_HYPHENATED = /\p{L}-$/u;

/**
 * The segmenter ends a sentence at every line break. A sentence that a line break cuts in two (a
 * PDF's "every-\nday consumer CPUs", "run on\nconsumer CPUs") is joined again: the line before
 * ends in a hyphen, or without a sentence's punctuation and the next starts in lower case or the
 * line before is long (and does not end with a citation). A blank line, a list item, a quote or a
 * heading (and the line after a heading) always starts anew.
 */
export function joinWrappedLines(
  body: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const joined: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    const last = joined.at(-1);
    if (last && wrapsInto(body, last, span)) last.end = span.end;
    else joined.push({ ...span });
  }
  return joined;
}

function wrapsInto(body: string, before: { start: number; end: number }, after: { start: number }): boolean {
  const gap = body.slice(before.end, after.start);
  if (!/^[ \t]*\r?\n[ \t]*$/u.test(gap)) return false;
  if (LINE_MARKUP.test(body.slice(after.start, after.start + 8)) || /^\[\d{1,4}\]/u.test(body.slice(after.start))) {
    return false;
  }
  const lineStart = body.lastIndexOf('\n', before.end - 1) + 1;
  // A heading's line ends no sentence, yet the paragraph under it is not its continuation.
  if (body[lineStart] === '#') return false;
  const tail = body.slice(Math.max(before.start, before.end - 4), before.end);
  if (ENDS_HYPHENATED.test(tail)) return true;
  if (ENDS_SENTENCE.test(tail)) return false;
  if (/^\p{Ll}/u.test(body[after.start] ?? '')) return true;
  // A line that ends with its citation ("… structural [1]") before a capital closed its claim.
  return !/[\])]$/u.test(tail) && before.end - lineStart >= WRAPPED_LINE;
}

// Sentences of the body with the citations inside them. A citation that opens a sentence
// ("… in 2026. [3] The next …") belongs to the sentence before it unless it is part of the
// sentence's wording ("Lin (2026) shows …"), and a sentence break inside a
// citation ("(Lin et al. 2026)") is not a break.
export function sentencesWithCitations(body: string, references: readonly ReferenceEntry[]): Sentence[] {
  // A numbered reference list may be cited "(3)" as well as "[3]".
  const numbers = references.filter((r) => r.numbered).map((r) => r.n);
  const numbered = numbers.length > 0 ? Math.max(...numbers) : undefined;
  const citations = parseCitations(body, { numberedUpTo: numbered });
  const sentences: Sentence[] = [];
  // Citations are sorted by start: find the first that starts inside a sentence by binary search.
  const firstFrom = (position: number) => {
    let lo = 0;
    let hi = citations.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (citations[mid]!.start < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const crossingEnd = (sentence: { start: number; end: number }) => {
    for (let i = firstFrom(sentence.start); i < citations.length && citations[i]!.start < sentence.end; i++) {
      if (citations[i]!.end > sentence.end) return citations[i];
    }
    return undefined;
  };
  for (const span of spansBrokenAtCommands(body, joinWrappedLines(body, sentenceSpans(body)), citations)) {
    const last = sentences.at(-1);
    const crossing = last && crossingEnd(last);
    if (!last || !crossing) {
      sentences.push({ ...span, citations: [] });
    } else if (ENDS_SENTENCE.test(body.slice(Math.max(last.start, crossing.start - 4), crossing.start).trimEnd())) {
      // A mark after the full stop ("… well.[^1] Feather …", "… well.[1] Next …") closes its
      // sentence; the next one starts after it.
      last.end = crossing.end;
      const next = crossing.end + (/^\s*/u.exec(body.slice(crossing.end, span.end))?.[0].length ?? 0);
      if (next < span.end) sentences.push({ ...span, start: next, citations: [] });
    } else {
      last.end = span.end;
    }
  }
  for (const citation of citations) {
    // Sentences stay sorted and disjoint: the last one starting at or before the citation holds it.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= citation.start) lo = mid + 1;
      else hi = mid;
    }
    const index = lo - 1;
    if (index < 0 || citation.start >= sentences[index]!.end) continue;
    const sentence = sentences[index]!;
    const previous = sentences[index - 1];
    if (previous && citation.start === sentence.start && !citation.narrative && !opensAsSubject(body, citation)) {
      previous.citations.push(citation);
      previous.end = citation.end;
      sentence.start = citation.end + (/^\s*/u.exec(body.slice(citation.end, citation.end + 1000))?.[0].length ?? 0);
    } else {
      sentence.citations.push(citation);
    }
  }
  // A list item's bullet or number, a quote's ">" and a heading's "#" are markup, not part of the claim.
  for (const sentence of sentences) {
    const markup = LINE_MARKUP.exec(body.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)));
    if (markup) sentence.start += markup[0].length;
  }
  return sentences.filter((s) => s.end > s.start);
}

const LINE_MARKUP = /^(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*|#{1,6}[ \t]+)+/u;

/**
 * The clause each citation of a sentence is judged against, when the sentence cites different
 * papers for different clauses (none when one clause holds every citation).
 */
export function partsOf(
  body: string,
  sentence: Sentence,
  settings: { minClaimTerms: number; maxCitedParts: number },
): Map<ParsedCitation, CitedPart> {
  const parts = new Map<ParsedCitation, CitedPart>();
  const places = new Set(sentence.citations.map((c) => c.start)).size;
  // A sentence of more citation groups than this is no prose a reader cites clause by clause (and
  // judging each clause apart would cost as much per group as a sentence).
  if (places < 2 || places > settings.maxCitedParts) return parts;
  const clauses = citedClauses(body, sentence, sentence.citations, [], settings.minClaimTerms);
  if (clauses.length < 2) return parts;
  for (const clause of clauses) {
    const start = clause.start + (/^\s*/u.exec(body.slice(clause.start, clause.end))?.[0].length ?? 0);
    const end = start + body.slice(start, clause.end).trimEnd().length;
    const clean = claimText(body, { start, end, citations: clause.citations }).replace(/[;,]$/u, '');
    for (const citation of clause.citations) if (!parts.has(citation)) parts.set(citation, { start, end, clean });
  }
  return parts;
}

/** The claim as the scorer reads it: the sentence without its citation markers (and LaTeX formatting). */
export function claimText(body: string, sentence: Pick<Sentence, 'start' | 'end' | 'citations'>): string {
  let text = '';
  let position = sentence.start;
  for (const citation of [...sentence.citations].sort((a, b) => a.start - b.start)) {
    if (citation.start < position) continue;
    text += body.slice(position, Math.max(position, citation.start));
    position = Math.max(position, citation.end);
  }
  text += body.slice(position, sentence.end);
  // A word hyphenated at a line's end ("every-\nday") is one word; a zero-width space is a space.
  return plainOfLatex(joinHyphenatedLineBreaks(text).replace(/[\u200B\uFEFF]/gu, ' '))
    .replace(/\s+/gu, ' ')
    .replace(/\s+([.,;:!?])/gu, '$1')
    .trim();
}
