// Finds the citations in a text, with their exact spans: numeric ([1], [1, 3], [2–4], [2, Sec. 4],
// (ref. 2), superscripts; numeric-citations.ts, superscript-citations.ts), author–year ((Lin et
// al., 2026), Lin and Chen (2025), MLA's (Lin 12), Lin et al., 2026; author-year.ts,
// narrative-citations.ts, bare-author-year.ts), arXiv ids and DOIs (identifier-citations.ts),
// bracketed paper ids ([paper-id], [@key]) and Markdown links (bracket-citations.ts), a known paper's
// name alone ([LeakDojo], (see EMO); named-citations.ts), LaTeX's
// \cite{key} family and Pandoc's [@key, p. 3] and @key (markup-citations.ts). Each finder takes
// only text no earlier one took (citation-spans.ts), so their order here decides which reading of
// a span wins. Linear in the length of the text: every pattern either consumes what it scans or is
// bounded.
import { bareEtAlCitations } from './bare-author-year.ts';
import { addBracketedRanges, addBracketGroups, addLenticularBrackets, addMarkdownLinks } from './bracket-citations.ts';
import { groupTargets, numericItems, parenthesizedNumbers } from './citation-groups.ts';
import { CitationSpans } from './citation-spans.ts';
import type { CitationTarget, ParsedCitation, ParseOptions } from './citation-target.ts';
import { BARE_ARXIV, BARE_DOI, cleanDoi } from './identifier-citations.ts';
import { latexCitations, pandocInText } from './markup-citations.ts';
import { definesAbbreviation } from './named-citations.ts';
import { type NarrativeCitation, narrativeCitations } from './narrative-citations.ts';
import { BARE_REFERENCE_PHRASE } from './numeric-citations.ts';
import { separatedAuthorYears } from './separated-author-year.ts';
import {
  addCaretSuperscripts,
  addGluedNumbers,
  addHtmlSuperscripts,
  addUnicodeSuperscripts,
} from './superscript-citations.ts';

export type { CitationTarget, ParsedCitation, ParseOptions } from './citation-target.ts';

/** LaTeX's "\cite{a,b}" family; "\citet{a} shows" is part of its sentence. */
function addLatexCommands(text: string, spans: CitationSpans): void {
  for (const command of latexCitations(text)) {
    const targets = command.keys.map((key) => ({ target: { kind: 'key', key, explicit: true } as const, item: key }));
    spans.add(command.start, command.end, targets, command.narrative);
  }
}

/** "Lin et al. (2026) show", "Lin and Chen (2025)", "Rathi's (2026) study": part of the sentence's wording. */
function addNarrative(text: string, spans: CitationSpans, options: ParseOptions): void {
  addWording(narrativeCitations(text, options.knowsAuthor), spans);
}

/** "As Rando et al., 2026, p. 12 argue": written without parentheses, and part of the wording too. */
function addBareEtAl(text: string, spans: CitationSpans): void {
  addWording(bareEtAlCitations(text), spans);
}

/** "As Lin notes, 'sinks carry no meaning' (2026, p. 3)": the year apart from the author it names. */
function addSeparatedYears(text: string, spans: CitationSpans): void {
  addWording(separatedAuthorYears(text), spans, false);
}

function addWording(found: readonly NarrativeCitation[], spans: CitationSpans, narrative = true): void {
  for (const citation of found) {
    if (!spans.free(citation.start, citation.end)) continue;
    spans.add(
      citation.start,
      citation.end,
      citation.years.map((year) => ({
        target: {
          kind: 'author-year',
          surname: citation.surname,
          year,
          etAl: citation.etAl,
          ...(citation.undated ? { undated: true } : {}),
        },
        item: `${citation.authors}, ${citation.undated ?? year}`,
      })),
      narrative,
    );
  }
}

/**
 * Pandoc's in-text "@lin2026 shows …", with an optional locator "@lin2026 [p. 3]". Not written
 * [@key], so like a bracketed id it counts only when the key names a paper.
 */
function addPandocInText(text: string, spans: CitationSpans): void {
  for (const { key, start, end } of pandocInText(text)) {
    if (!spans.free(start, end)) continue;
    spans.add(start, end, [{ target: { kind: 'key', key, explicit: false }, item: key }], true);
  }
}

/**
 * "(Lin et al., 2026; Chen, 2025)", "(ref. 2)", "(see LeakDojo)" (a known paper's name, unless the
 * words before it spell it out, "mixture of experts (MoE)"), and "(3)" beside a numbered list.
 */
function addParentheses(text: string, spans: CitationSpans, options: ParseOptions): void {
  for (const match of text.matchAll(/\(([^()\n]{1,300})\)/gu)) {
    const end = match.index + match[0].length;
    if (!spans.free(match.index, end)) continue;
    const defines = options.knowsName !== undefined && definesAbbreviation(text, match.index, match[1]!);
    const group = defines ? { knowsAuthor: options.knowsAuthor } : options;
    const targets = groupTargets(match[1]!, false, group) ?? parenthesizedNumbers(text, match.index, end, options);
    if (targets) spans.add(match.index, end, targets);
  }
}

/** Nature's "as in refs 3–5 and 7" in running text. */
function addReferencePhrases(text: string, spans: CitationSpans): void {
  for (const match of text.matchAll(BARE_REFERENCE_PHRASE)) {
    const end = match.index + match[0].length;
    if (spans.free(match.index, end)) spans.add(match.index, end, numericItems(match[1]!.replace(/\s*and\s*/giu, ',')));
  }
}

/** arXiv ids and DOIs in running text, without trailing punctuation. */
function addBareIdentifiers(text: string, spans: CitationSpans): void {
  for (const pattern of [BARE_ARXIV, BARE_DOI]) {
    for (const match of text.matchAll(pattern)) {
      const raw = match[0].replace(/[.,;:]+$/u, '');
      const start = match.index;
      if (!spans.free(start, start + raw.length)) continue;
      const id = match[1]!.replace(/[.,;:]+$/u, '');
      const target: CitationTarget =
        pattern === BARE_ARXIV ? { kind: 'arxiv', arxivId: id.toLowerCase() } : { kind: 'doi', doi: cleanDoi(id) };
      spans.add(start, start + raw.length, [{ target, item: raw }]);
    }
  }
}

/** The finders, in the order they claim text: the most specific reading of a span first. */
const FINDERS: ReadonlyArray<(text: string, spans: CitationSpans, options: ParseOptions) => void> = [
  addLatexCommands,
  addBracketedRanges,
  addHtmlSuperscripts,
  addBracketGroups,
  addMarkdownLinks,
  addLenticularBrackets,
  addUnicodeSuperscripts,
  addCaretSuperscripts,
  addGluedNumbers,
  addNarrative,
  addPandocInText,
  addParentheses,
  addBareEtAl,
  addSeparatedYears,
  addReferencePhrases,
  addBareIdentifiers,
];

/** Every citation in a text, in order of position. */
export function parseCitations(written: string, options: ParseOptions = {}): ParsedCitation[] {
  // A zero-width space or byte-order mark (text copied from a web page) reads as the space it stands
  // for; one for one, so every span still counts from the text as written.
  const text = written.replace(/[\u200B\uFEFF]/gu, ' ');
  const spans = new CitationSpans();
  for (const find of FINDERS) find(text, spans, options);
  return spans.inOrder();
}
