// Citations in brackets: "[1, 3]", IEEE's "[1]–[3]", "[^1]", "[@lin2026]", "[paper-id]", Markdown
// links to a paper ("[Lin et al. 2026](https://arxiv.org/abs/…)", "[1](https://…)") and the
// lenticular brackets chat assistants cite with, "【3†source】".

import { BRACKETED_YEARS, footnoteTargets, groupTargets, numericItems, pandocItems } from './citation-groups.ts';
import type { CitationSpans } from './citation-spans.ts';
import type { CitationTarget, ParseOptions } from './citation-target.ts';
import { BARE_ARXIV, BARE_DOI, cleanDoi } from './identifier-citations.ts';
import { BRACKETED_RANGE, citesNumbers, NUMERIC_GROUP } from './numeric-citations.ts';

/** IEEE's "[1]–[3]": every paper from the first to the last. */
export function addBracketedRanges(text: string, spans: CitationSpans): void {
  for (const match of text.matchAll(BRACKETED_RANGE)) {
    const end = match.index + match[0].length;
    const range = `${match[1]}-${match[2]}`;
    if (spans.free(match.index, end) && citesNumbers(range)) spans.add(match.index, end, numericItems(range));
  }
}

/**
 * "[1, 3]", "[2, Sec. 4]", "[^1]", "[see @lin2026, p. 3]", "[paper-id]", "[see LeakDojo]" (a known
 * paper's name); not a link's text, nor a year.
 */
export function addBracketGroups(text: string, spans: CitationSpans, options: ParseOptions): void {
  for (const match of text.matchAll(/\[([^[\]\n]{1,300})\]/gu)) {
    // A Markdown link text "[label](url)" is not a citation.
    if (text[match.index + match[0].length] === '(') continue;
    if (!spans.free(match.index, match.index + match[0].length)) continue;
    // A year in brackets is ACM's narrative "Lin et al. [2026]", read with the names before it.
    if (BRACKETED_YEARS.test(match[1]!)) continue;
    // "[1†L10-L20]": a chat assistant's source and the lines it quotes, as in 【1†L10-L20】.
    const inner = /^\s*\d{1,4}†/u.test(match[1]!) ? match[1]!.slice(0, match[1]!.indexOf('†')) : match[1]!;
    const targets = footnoteTargets(inner) ?? pandocItems(inner) ?? groupTargets(inner, true, options);
    if (targets) spans.add(match.index, match.index + match[0].length, targets);
  }
}

/**
 * A Markdown link to a paper, "[Lin et al. 2026](https://arxiv.org/abs/2601.04321)": the address
 * names the paper, and the text is kept for when the library does not know the address; a link to
 * any other address is a citation only by its text.
 */
export function addMarkdownLinks(text: string, spans: CitationSpans): void {
  for (const match of text.matchAll(/\[([^[\]\n]{1,200})\]\(([^()\s]{1,500})\)/gu)) {
    const end = match.index + match[0].length;
    if (!spans.free(match.index, end)) continue;
    const address = match[2]!;
    const arxiv = new RegExp(BARE_ARXIV.source, 'iu').exec(address)?.[1];
    const doi = arxiv ? undefined : new RegExp(BARE_DOI.source, 'iu').exec(address)?.[1];
    const id = (arxiv ?? doi)?.replace(/[.,;:]+$/u, '');
    const label = match[1]!.trim();
    if (!id) {
      // "[1](https://…)" cites the list's first source; "[LeakDojo: …](https://…)" or "[Lin et al.
      // 2026](https://…)" a paper its text names, which counts only when it names one ("[our
      // code](https://…)" does not).
      if (NUMERIC_GROUP.test(label) && citesNumbers(label)) spans.add(match.index, end, numericItems(label));
      else if (/^https?:\/\//iu.test(address)) {
        spans.add(match.index, end, [{ target: { kind: 'key', key: label, explicit: false }, item: label }])[0]!.label =
          label;
      }
      continue;
    }
    const target: CitationTarget = arxiv
      ? { kind: 'arxiv', arxivId: id.toLowerCase() }
      : { kind: 'doi', doi: cleanDoi(id) };
    spans.add(match.index, end, [{ target, item: address }])[0]!.label = label;
  }
}

/** 【3】 and 【3†source】, as chat assistants cite their sources. */
export function addLenticularBrackets(text: string, spans: CitationSpans): void {
  for (const match of text.matchAll(/【([^【】\n]{1,300})】/gu)) {
    const inner = match[1]!.split(/[†:]/u)[0]!;
    const targets = NUMERIC_GROUP.test(inner) ? groupTargets(inner, true) : undefined;
    const end = match.index + match[0].length;
    // Inside a Markdown link, "[【3】](https://…)", the link already cites.
    if (targets && spans.free(match.index, end)) spans.add(match.index, end, targets);
  }
}
