// The claims of a text as verify reads them: its sentences with the citations inside them (a
// citation after a full stop belongs to the sentence before, one that is part of the wording to
// its own), the clause each citation is judged against when a sentence cites different papers for
// different parts, and the words of a claim as the judge reads them.
import { joinHyphenatedLineBreaks } from '../../indexer/text/line-breaks.ts';
import type { KnowsAuthor } from './citation-target.ts';
import { citedClauses } from './cited-clauses.ts';
import { claimSpans, ENDS_SENTENCE, LINE_MARKUP, opensAsSubject } from './claim-spans.ts';
import { plainOfLatex } from './latex-source.ts';
import { normalizeName } from './library.ts';
import { type ParsedCitation, type ParseOptions, parseCitations } from './parse-citations.ts';
import type { ReferenceEntry } from './reference-list.ts';
import { inTableRow, isTableRule, plainOfTableRow, tableRowSpan } from './table-rows.ts';

export type Sentence = { start: number; end: number; citations: ParsedCitation[] };
/** The clause a citation is judged against: its offsets and its words as the judge reads them. */
export type CitedPart = { start: number; end: number; clean: string };

// Sentences of the body with the citations inside them. A citation that opens a sentence
// ("… in 2026. [3] The next …") belongs to the sentence before it unless it is part of the
// sentence's wording ("Lin (2026) shows …"), and a sentence break inside a
// citation ("(Lin et al. 2026)") is not a break.
// `known.knowsAuthor` says which acronyms alone before a year ("(WHO 2020)") are authors (by default,
// those the reference list names); `known.knowsName` which names alone ("(see LeakDojo)") are papers'.
export function sentencesWithCitations(
  body: string,
  references: readonly ReferenceEntry[],
  known: Pick<ParseOptions, 'knowsAuthor' | 'knowsName'> = {},
): Sentence[] {
  // A numbered reference list may be cited "(3)" as well as "[3]".
  const numbers = references.filter((r) => r.numbered).map((r) => r.n);
  const numbered = numbers.length > 0 ? Math.max(...numbers) : undefined;
  const knowsAuthor: KnowsAuthor =
    known.knowsAuthor ?? ((surname) => references.some((r) => r.surname === normalizeName(surname)));
  const citations = parseCitations(body, { numberedUpTo: numbered, knowsAuthor, knowsName: known.knowsName });
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
  for (const span of claimSpans(body, citations)) {
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
    if (
      previous &&
      citation.start === sentence.start &&
      !citation.narrative &&
      !opensAsSubject(body, citation) &&
      // A paragraph's first citation ("…\n\n(see Rathi, 2026) Batch size …") is not the last one's.
      !/\n[ \t]*\r?\n/u.test(body.slice(previous.end, citation.start))
    ) {
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
    // A heading's capitalized word before a year ("## Results (2026)") names no author.
    if (markup?.[0].startsWith('#')) sentence.citations = sentence.citations.filter((c) => !isNarrativeAuthorYear(c));
    if (markup) sentence.start += markup[0].length;
    if (inTableRow(body, sentence.start)) Object.assign(sentence, tableRowSpan(body, sentence));
  }
  return sentences.filter((s) => s.end > s.start && !isTableRule(body, s));
}

const isNarrativeAuthorYear = (c: ParsedCitation) => c.narrative === true && c.target.kind === 'author-year';

// Where a citation stood in a claim's text while what it left behind is cleared.
const CITED = '\uE000';
// A parenthesis that held only citations and their lead-in ("(see )", "(as reported in )", "(Ref. )"),
// and an autolink's "<>"; never the empty parentheses of code, "f()", which held no citation.
const LEFT_BEHIND = new RegExp(
  String.raw`\s*\(\s*(?:(?:see(?:\s+also)?|e\.g\.|i\.e\.|cf\.|refs?\.?|as\s+\p{L}+\s+(?:in|by)|from|in|by)[\s,]*)?(?:${CITED}[\s,;]*)+\)|\s*<\s*${CITED}\s*>`,
  'giu',
);
// Markdown's emphasis: a pair of markers, "**Rathi (2026)** finds", "*not*", "_not_", "***both***".
// Not a lone "*" ("A* search", "2 * 3 = 6"), nor underscores inside a word ("LEFT_BEHIND").
const EMPHASIS = /(?<![\p{L}\p{N}\\*_])(\*{1,3}|_{1,3})(?=[^\s*_])([\s\S]{0,1000}?[^\s\\])\1(?![\p{L}\p{N}*_])/gu;
// Python's "__init__" is a name, not bold.
const DUNDER = /^[\p{L}\p{N}_]+$/u;
// Bold that runs over a sentence's end leaves a marker at its start or end ("**Sinks are early.").
const STRAY_BOLD = /^\*{2,3}(?=\S)|(?<=[^\s*])\*{2,3}(?=["”’)]*$)|^\s*\*{1,3}\s*$/gu;

// The offsets of the emphasis markers in body[start, end), nested pairs too ("**bold _and_ more**").
function emphasisMarks(body: string, start: number, end: number): Array<[number, number]> {
  const marks: Array<[number, number]> = [];
  let text = body.slice(start, end);
  for (let depth = 0; depth < 3; depth++) {
    const found = [...text.matchAll(EMPHASIS)].filter((m) => !(m[1]!.startsWith('__') && DUNDER.test(m[2]!)));
    if (found.length === 0) break;
    for (const m of found) {
      const close = m.index + m[1]!.length + m[2]!.length;
      marks.push([start + m.index, start + m.index + m[1]!.length], [start + close, start + close + m[1]!.length]);
      // Spaces where the markers were, so the pairs inside read on the next pass.
      text = `${text.slice(0, m.index)}${' '.repeat(m[1]!.length)}${text.slice(m.index + m[1]!.length, close)}${' '.repeat(m[1]!.length)}${text.slice(close + m[1]!.length)}`;
    }
  }
  return marks;
}

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
  // What is cut out: each citation (marked where it stood) and each emphasis marker.
  const cuts = [
    ...sentence.citations.map((c) => ({ start: c.start, end: c.end, cited: true })),
    ...emphasisMarks(body, sentence.start, sentence.end).map(([start, end]) => ({ start, end, cited: false })),
  ].sort((a, b) => a.start - b.start);
  let text = '';
  let position = sentence.start;
  for (const cut of cuts) {
    if (cut.end <= position) continue;
    text += body.slice(position, Math.max(position, cut.start));
    if (cut.cited) text += CITED;
    position = Math.max(position, cut.end);
  }
  text += body.slice(Math.max(position, sentence.start), sentence.end);
  // What a citation leaves behind: "(see )", "()", an autolink's "<>".
  text = text.replace(LEFT_BEHIND, '').replaceAll(CITED, '');
  if (inTableRow(body, sentence.start)) text = plainOfTableRow(text);
  // A word hyphenated at a line's end ("every-\nday") is one word; a zero-width space is a space.
  return (
    plainOfLatex(joinHyphenatedLineBreaks(text).replace(/[\u200B\uFEFF]/gu, ' '))
      .replace(STRAY_BOLD, '')
      .replace(/\s+/gu, ' ')
      .replace(/\s+([.,;:!?)])/gu, '$1')
      // The colon or comma after a narrative citation that opened the sentence ("Rando (2026): junking is hard").
      .replace(/^[\s,;:–—]+/u, '')
      .trim()
  );
}
