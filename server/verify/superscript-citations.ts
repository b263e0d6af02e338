// Numeric citations raised above the line, in every form a copy leaves them: HTML's "<sup>1,2</sup>",
// Unicode's "CPUs¹", carets ("meaning^1", Pandoc's "^1^"), and, beside a numbered reference list,
// a superscript that lost its formatting ("more.3 Negative", "reversed1.").

import { groupTargets, numericItems, withinList } from './citation-groups.ts';
import type { CitationSpans } from './citation-spans.ts';
import type { ParseOptions } from './citation-target.ts';
import {
  caretSuperscripts,
  citesNumbers,
  GLUED_NUMBERS,
  NUMBERED_ABBREVIATION,
  NUMERIC_GROUP,
  plainOfSuperscript,
  SUPERSCRIPT_CITATION,
  WORD_GLUED_NUMBERS,
} from './numeric-citations.ts';

/** HTML superscripts, as rich text pasted as Markdown keeps them: "shown<sup>1,2</sup>". */
export function addHtmlSuperscripts(text: string, spans: CitationSpans): void {
  for (const match of text.matchAll(/<sup>([^<>\n]{1,60})<\/sup>/giu)) {
    const end = match.index + match[0].length;
    const inner = match[1]!;
    if (spans.free(match.index, end) && NUMERIC_GROUP.test(inner) && citesNumbers(inner)) {
      spans.add(match.index, end, numericItems(inner));
    }
  }
}

/**
 * Superscript numbers after a word or a sentence's punctuation ("consumer CPUs¹", "found.²⁻⁴"), as a
 * word processor writes them; not after a digit or a one- or two-letter unit ("10³", "m²", "cm³").
 */
export function addUnicodeSuperscripts(text: string, spans: CitationSpans): void {
  for (const match of text.matchAll(SUPERSCRIPT_CITATION)) {
    const start = match.index + match[1]!.length;
    const end = start + match[2]!.length;
    if (!spans.free(start, end)) continue;
    const inner = plainOfSuperscript(match[2]!);
    const targets = NUMERIC_GROUP.test(inner) ? groupTargets(inner, true) : undefined;
    if (targets) spans.add(start, end, targets);
  }
}

/** Carets: "meaning^1", "hard^2,3", Pandoc's "^1^", and "previously.^3 Next", which closes its sentence. */
export function addCaretSuperscripts(text: string, spans: CitationSpans, options: ParseOptions): void {
  for (const caret of caretSuperscripts(text)) {
    if (!spans.free(caret.start, caret.end)) continue;
    const items = numericItems(caret.numbers);
    if (!withinList(items, options.numberedUpTo)) continue;
    const added = spans.add(caret.start, caret.end, items);
    if (caret.closes) for (const citation of added) citation.closesSentence = true;
  }
}

/**
 * Beside a numbered list only: a number glued to a full stop ("leak more.3 Negative"), a comma or a
 * line's end, and one glued to a lower-case word before its punctuation ("can be reversed1. Junking
 * is hard2,3."), as a superscript reads once copied out of a PDF or Word.
 */
export function addGluedNumbers(text: string, spans: CitationSpans, options: ParseOptions): void {
  const most = options.numberedUpTo;
  if (most === undefined) return;
  for (const match of text.matchAll(GLUED_NUMBERS)) {
    const start = match.index + match[1]!.length;
    const end = start + match[2]!.length;
    if (!spans.free(start, end) || NUMBERED_ABBREVIATION.test(text.slice(Math.max(0, start - 8), start))) continue;
    const items = numericItems(match[2]!);
    if (!withinList(items, most)) continue;
    const added = spans.add(start, end, items);
    if (match[1]!.endsWith('.')) for (const citation of added) citation.closesSentence = true;
  }
  for (const match of text.matchAll(WORD_GLUED_NUMBERS)) {
    const start = match.index + match[1]!.length;
    const end = start + match[2]!.length;
    const items = numericItems(match[2]!);
    if (!spans.free(start, end) || !citesNumbers(match[2]!)) continue;
    // A lower-case name the text writes again ("llama2 weights … fine-tune llama2.") is no citation.
    if (text.indexOf(match[0], end) >= 0 || text.lastIndexOf(match[0], match.index - 1) >= 0) continue;
    if (withinList(items, most)) spans.add(start, end, items);
  }
}
