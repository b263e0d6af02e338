// Finds the reference list at the end of a text (under a "References" heading, or a trailing run of
// numbered entries) or reads one given separately, and pulls from each entry what identifies the
// paper: DOI, arXiv id, year, first author's surname and title.
import { joinHyphenatedLineBreaks } from '../../indexer/text/line-breaks.ts';
import { hasYear, opensEntry } from './entry-openings.ts';
import { footnoteDefinitions } from './footnote-definitions.ts';
import { cleanDoi, DOI_PATTERN } from './identifier-citations.ts';
import { plainOfLatex } from './latex-source.ts';
import { FOOTNOTE_MARK, plainOfSuperscript } from './numeric-citations.ts';
import { exportStartingList } from './reference-export.ts';

/** One entry of a reference list. */
export type ReferenceEntry = {
  /** Its number: the one written ("[3]", "3.") or its position from 1. */
  n: number;
  /** Whether the list wrote the number (a numbered list may be cited "(3)" as well as "[3]"). */
  numbered?: true;
  /** The citation key written in brackets ("[lin2026] …"), if any. */
  key: string | null;
  text: string;
  /** Span in the text it was read from (for a list given separately, in that list). */
  start: number;
  end: number;
  doi: string | null;
  arxivId: string | null;
  year: string | null;
  /** Lowercased surname of the first author, when the entry starts with authors. */
  surname: string | null;
  /** Best guess at the title: quoted text, or the segment after the authors and year. */
  title: string | null;
};

// "References", "## Bibliography", "7. References", Science's "References and Notes", Chicago's
// "Notes", a chat answer's "**Sources:**" or "_References_", and HTML's "<h2>References</h2>".
const HEADING =
  /^[ \t]*(?:<h[1-6][^>\n]{0,40}>[ \t]*)?(?:#{1,6}[ \t]*)?(?:\d+\.?[ \t]+)?(?:\*\*|__|\*|_)?(?:references(?:[ \t]+and[ \t]+notes)?|reference[ \t]+list|bibliography|works[ \t]+cited|works[ \t]+consulted|literature[ \t]+cited|sources|citations|notes|endnotes|footnotes)[ \t]*:?[ \t]*(?:\*\*|__|\*|_)?[ \t]*:?[ \t]*(?:<\/h[1-6]>[ \t]*)?$/gimu;
// "[3] …", "3. …", "3) …", a Markdown footnote "[^3]: …", and a word processor's footnote "³ …".
const NUMBERED = new RegExp(`^[ \\t]*(?:(?:\\[\\^?(\\d{1,4})\\]:?|(\\d{1,4})[.)])[ \\t]+|${FOOTNOTE_MARK})`, 'u');
// A line that opens an entry of a reference list without a heading ("[3] …", a Markdown link
// definition "[3]: https://… "Title"", a footnote's "[^3]: …" or "³ …"), and how many more lines an entry may take.
const TRAILING_ENTRY = new RegExp(
  `^[ \\t]*(?:(?:\\[\\d{1,4}\\]:?|\\[\\^[\\w:./-]{1,60}\\]:)[ \\t]+|${FOOTNOTE_MARK})\\S`,
  'u',
);
const ENTRY_LINES = 3;
// A line that cites a footnote ("… claim [^2].") is body text, never more of an entry.
const CITES_FOOTNOTE = /\[\^[\w:./-]{1,60}\](?!:)/u;
// A heading after a reference list: Markdown's "## Appendix", HTML's "<h2>", LaTeX's "\section{…}" or "\appendix".
const NEXT_HEADING = /^[ \t]*(?:#{1,6}[ \t]+\S|<h[1-6]\b|\\(?:section|chapter|appendix)\b)/gmu;
const NUMBERED_LINE = /^[ \t]*\d{1,4}[.)][ \t]+\S/u;
const RULE = /^(?:-{3,}|={3,}|\*{3,}|_{3,}|<\/?[ou]l\b[^>]{0,40}>)$/iu;
// A Markdown or plain bullet, or an HTML list item ("<li>…</li>"), opens an unnumbered entry.
const BULLET = /^[ \t]*(?:[-*•][ \t]+|<li\b[^>]{0,40}>[ \t]*)/iu;
const KEYED = /^[ \t]*\[[@^]?([A-Za-z][\w:./-]*\w)\]:?[ \t]+/u;
// A LaTeX bibliography's "\bibitem{lin2026}" or "\bibitem[Lin et al.(2026)]{lin2026}"; its text may start on the next line.
const BIBITEM = /^[ \t]*\\bibitem(?:\[[^\]\n]*\])?\{([^{}\s]+)\}[ \t]*/u;
const THEBIBLIOGRAPHY = /\\begin\{thebibliography\}(?:\{[^{}\n]*\})?/u;
const END_THEBIBLIOGRAPHY = '\\end{thebibliography}';
const ENTRY_DOI = new RegExp(`\\b${DOI_PATTERN}`, 'u');
const SURNAME_PARTICLES = '(?:(?:van|von|de|der|den|del|di|da|du|la|le)\\s+)*';
// "V. T. Agekyan", "A. Yu. Serov", "J.-P. Bouchaud", "A.B. van der Berg": initials first, as physics journals write.
const INITIALS_NAME = new RegExp(
  `^(?:and\\s+)?(?:\\p{Lu}\\p{Ll}?\\.[\\s-]*){1,4}(${SURNAME_PARTICLES}\\p{Lu}[\\p{L}'’-]+)$`,
  'u',
);
const ELIDED_AUTHORS = /^(?:…|\.\.\.|et al\.?)$/u;
const YEAR_IN_PARENTHESES = /\(\s*(?:1[89]|20)\d{2}[a-z]?\s*\)/u;

// Springer's (LNCS) style: "Wang, R., Lee, K.: EMO: Pretraining Mixtures. In: Proc. ICML (2026)",
// surnames then initials, a colon, the title up to the sentence that starts the venue.
// Initials are joined by one space or hyphen at most, so white space after them belongs to the separator.
const SURNAME_INITIALS = `${SURNAME_PARTICLES}\\p{Lu}[\\p{L}'’-]+,[ \\t]*\\p{Lu}\\p{Ll}?\\.(?:[ -]?\\p{Lu}\\p{Ll}?\\.){0,3}`;
const LNCS_AUTHORS = new RegExp(
  `^[ \\t]*${SURNAME_INITIALS}(?:,?[ \\t]+(?:and[ \\t]+|&[ \\t]*)?${SURNAME_INITIALS}|,?[ \\t]+et[ \\t]+al\\.){0,30}:[ \\t]+`,
  'u',
);
const LNCS_TITLE = /^(.{8,400}?)(?:\.[ \t]+(?=In:|\p{Lu})|\.?[ \t]*$)/u;

/**
 * A physics-style entry: "V. T. Agekyan, A. Name, Title, phys. stat. sol. (b) 66 (1974) 359.", the
 * authors with initials first and comma-separated, then the title, then the venue with the year.
 */
function physicsStyle(text: string): { surname: string; title: string } | null {
  const segments = text.split(/\s*,\s*/u);
  const first = INITIALS_NAME.exec(segments[0]!);
  if (!first) return null;
  let i = 1;
  while (i < segments.length && (INITIALS_NAME.test(segments[i]!) || ELIDED_AUTHORS.test(segments[i]!))) i++;
  let venue = i + 1;
  while (venue < segments.length && !YEAR_IN_PARENTHESES.test(segments[venue]!) && !/\d/u.test(segments[venue]!))
    venue++;
  const title = segments.slice(i, venue).join(', ').trim();
  if (title.length < 8) return null;
  const surname = first[1]!.split(/\s+/u).at(-1)!.toLowerCase();
  return { surname, title };
}

function entryFields(text: string): Pick<ReferenceEntry, 'doi' | 'arxivId' | 'year' | 'surname' | 'title'> {
  const doi = ENTRY_DOI.exec(text)?.[0];
  const arxiv =
    /(?:arxiv[:\s]\s*|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/iu.exec(
      text,
    )?.[1];
  const year = /\b(1[89]\d{2}|20\d{2})[a-z]?\b/u.exec(text)?.[1] ?? null;
  // "Lin, K.", "Kai Lin" or, initials first, "K. Lin" and "J.-P. van der Berg".
  const surname =
    /^\s*(?:\p{Lu}\p{Ll}?\.[\s-]*){0,4}(?:(?:van|von|de|der|den|del|di|da|du|la|le)\s+)*(\p{Lu}[\p{L}'’-]+)/u
      .exec(text)?.[1]
      ?.toLowerCase() ?? null;
  const quoted = /["“]([^"”]{8,400})["”]/u.exec(text)?.[1];
  const physics = quoted ? null : physicsStyle(text);
  const lncsAuthors = quoted ? null : LNCS_AUTHORS.exec(text);
  const lncsTitle = lncsAuthors ? LNCS_TITLE.exec(text.slice(lncsAuthors[0].length))?.[1] : undefined;
  let title = quoted ?? physics?.title ?? lncsTitle ?? null;
  if (!title) {
    // "Authors (2026). Title. Venue" or "Authors. 2026. Title. Venue" or "Authors. Title. Venue, 2026".
    const afterYear =
      /(?:\(\s*(?:1[89]|20)\d{2}[a-z]?\s*\)[.,:]?|\b(?:1[89]|20)\d{2}[a-z]?[.,:])\s+([^.?!]{8,400}[.?!]?)/u.exec(
        text,
      )?.[1];
    const segments = text.split(/(?<=[.?!])\s+(?=\p{Lu})/u);
    // "J. Smith. Title." splits after each initial: the initials (up to four) belong to the name that
    // follows. Bounded, so a text of nothing but initials stays linear.
    let initials = 0;
    while (
      initials < 4 &&
      initials < segments.length - 2 &&
      /^(?:\p{Lu}\p{Ll}?\.[\s-]*){1,4}$/u.test(segments[initials]!)
    ) {
      initials++;
    }
    if (initials > 0) segments.splice(0, initials + 1, segments.slice(0, initials + 1).join(' '));
    title =
      (afterYear ?? segments[1] ?? null)
        ?.replace(/[.,]?\s*\(?\b(?:1[89]|20)\d{2}[a-z]?\)?\.?$/u, '')
        .replace(/[.\s]+$/u, '') ?? null;
  }
  return {
    doi: doi ? cleanDoi(doi) : null,
    arxivId: arxiv?.toLowerCase() ?? null,
    year,
    surname: physics?.surname ?? surname,
    title,
  };
}

/** Parses reference entries from lines of text starting at `offset` in the original text. */
export function parseReferenceEntries(block: string, offset = 0): ReferenceEntry[] {
  const lines: Array<{ text: string; start: number }> = [];
  let position = 0;
  for (const line of block.split('\n')) {
    lines.push({ text: line, start: position });
    position += line.length + 1;
  }
  const numbered = lines.some((l) => NUMBERED.test(l.text) || KEYED.test(l.text) || BIBITEM.test(l.text));
  const drafts: Array<{ n: number | null; key: string | null; start: number; end: number; latex?: true }> = [];
  // Whether the unnumbered entry read so far gives a year, and its last line (see opensEntry).
  let dated = false;
  let lastLine = '';
  for (const line of lines) {
    const trimmed = line.text.trim();
    // A heading's underline ("References\n----------") or a rule is no entry, nor part of one.
    if (RULE.test(trimmed)) continue;
    if (!trimmed) {
      // A blank line ends an unnumbered entry.
      if (!numbered && drafts.length > 0) drafts.push({ n: null, key: null, start: -1, end: -1 });
      continue;
    }
    const number = NUMBERED.exec(line.text);
    const bibitem = number ? null : BIBITEM.exec(line.text);
    const keyed = number ? null : (KEYED.exec(line.text) ?? bibitem);
    const last = drafts.at(-1);
    const startsEntry: boolean = numbered
      ? Boolean(number || keyed)
      : !last || last.start < 0 || BULLET.test(line.text) || opensEntry(dated, lastLine, line.text);
    const lineEnd = line.start + line.text.replace(/\s+$/u, '').length;
    dated = (!startsEntry && last !== undefined && dated) || hasYear(line.text);
    lastLine = line.text;
    if (startsEntry || !last) {
      if (last && last.start < 0) drafts.pop();
      const marker = number ?? keyed;
      drafts.push({
        n: number ? Number(number[1] ?? number[2] ?? plainOfSuperscript(number[3]!)) : null,
        key: keyed?.[1] ?? null,
        start: line.start + (marker ? marker[0].length : line.text.length - line.text.trimStart().length),
        end: lineEnd,
        ...(bibitem && keyed === bibitem ? { latex: true as const } : {}),
      });
    } else {
      last.end = lineEnd;
    }
  }
  // In a numbered list, a line before the first number ("The sources:") is no entry 1.
  const isEntry = (d: (typeof drafts)[number]) =>
    d.start >= 0 && d.end > d.start && !(numbered && d.n === null && !d.key);
  return drafts.filter(isEntry).map((draft, i) => {
    let start = draft.start;
    const raw = block.slice(start, draft.end);
    const bullet = BULLET.exec(raw);
    if (bullet) start += bullet[0].length;
    const end = /<\/li>$/iu.test(raw) ? draft.start + raw.slice(0, -5).trimEnd().length : draft.end;
    // An entry over several lines is one line; a word a PDF hyphenated at a line's end is one word.
    const written = joinHyphenatedLineBreaks(block.slice(start, end)).replace(/\s*\n\s*/gu, ' ');
    // A \bibitem's entry is LaTeX: "K.~Lin. \newblock {\em Why sinks appear}." reads as its words.
    const text = draft.latex ? plainOfLatex(written).replace(/\s+/gu, ' ').trim() : written;
    return {
      n: draft.n ?? i + 1,
      ...(draft.n !== null ? { numbered: true as const } : {}),
      key: draft.key,
      text,
      start: offset + start,
      end: offset + end,
      ...entryFields(text),
    };
  });
}

/**
 * Splits a text into its body and its reference list: the list at its end (empty when there is
 * none), and Markdown footnote definitions wherever they stand, which the body keeps as blanks.
 */
export function splitReferences(text: string): { body: string; references: ReferenceEntry[] } {
  const split = splitTrailingList(text);
  const { body, definitions } = footnoteDefinitions(split.body);
  if (definitions.length === 0) return split;
  const defined = definitions.flatMap((d) => parseReferenceEntries(d.text, d.start));
  // Numbered by position where the definition's label is no number, as a list at the end is.
  const references = [...defined, ...split.references].map((entry, i) =>
    entry.numbered ? entry : { ...entry, n: i + 1 },
  );
  return { body, references };
}

// The body and the list at its end.
function splitTrailingList(text: string): { body: string; references: ReferenceEntry[] } {
  // A LaTeX bibliography: \begin{thebibliography} … \end{thebibliography}.
  const bibliography = THEBIBLIOGRAPHY.exec(text);
  if (bibliography) {
    const listStart = bibliography.index + bibliography[0].length;
    const listEnd = text.indexOf(END_THEBIBLIOGRAPHY, listStart);
    const block = text.slice(listStart, listEnd < 0 ? text.length : listEnd);
    return { body: text.slice(0, bibliography.index), references: parseReferenceEntries(block, listStart) };
  }
  let heading: RegExpExecArray | null = null;
  for (const match of text.matchAll(HEADING)) heading = match as RegExpExecArray;
  if (heading) {
    const listStart = heading.index + heading[0].length;
    // The list ends at the next heading ("## Appendix A"); the text after it is body again, and the
    // list's lines are blanked so every offset still counts from the text as written.
    NEXT_HEADING.lastIndex = listStart;
    const listEnd = NEXT_HEADING.exec(text)?.index ?? text.length;
    const block = text.slice(listStart, listEnd);
    // A reference manager's export pasted under the heading (BibTeX, RIS, MODS…) is read by its fields, as one given
    // apart is.
    const exported = exportStartingList(block)?.map((entry) => ({
      ...entry,
      start: entry.start + listStart,
      end: entry.end + listStart,
    }));
    const references = exported ?? parseReferenceEntries(block, listStart);
    if (listEnd === text.length) return { body: text.slice(0, heading.index), references };
    const blank = text.slice(heading.index, listEnd).replace(/[^\n]/gu, ' ');
    return { body: text.slice(0, heading.index) + blank + text.slice(listEnd), references };
  }
  // Without a heading, a trailing run of lines that each start with "[n]" (or a footnote's "[^n]:" or
  // "ⁿ") is a reference list; an entry may go on for a few lines.
  const cut = trailingRun(text, TRAILING_ENTRY);
  if (cut !== null) return { body: text.slice(0, cut), references: parseReferenceEntries(text.slice(cut), cut) };
  // So is a run numbered "1. …" from 1 on, when every entry gives a year, as a list copied without
  // its heading reads (a list of steps at a text's end names no years).
  const numberedCut = trailingRun(text, NUMBERED_LINE);
  if (numberedCut !== null) {
    const references = parseReferenceEntries(text.slice(numberedCut), numberedCut);
    if (references.length >= 2 && references.every((r, i) => r.n === i + 1 && r.year !== null))
      return { body: text.slice(0, numberedCut), references };
  }
  return { body: text, references: [] };
}

// Where a trailing run of lines that `opens` (each entry may go on for a few lines) starts, or null.
function trailingRun(text: string, opens: RegExp): number | null {
  const lines = text.split('\n');
  let cut = text.length;
  let position = text.length;
  let entries = 0;
  let loose = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    position -= line.length + (i < lines.length - 1 ? 1 : 0);
    if (!line.trim()) {
      // A paragraph that no entry opens ends the list.
      if (loose > 0) break;
      continue;
    }
    if (opens.test(line)) {
      cut = position;
      entries++;
      loose = 0;
    } else if (++loose > ENTRY_LINES || CITES_FOOTNOTE.test(line)) break;
  }
  return entries === 0 ? null : cut;
}
