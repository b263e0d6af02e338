// A reference list given as a reference manager's export (a draft's .bib, RIS, CSL JSON, Zotero RDF, MODS), read by
// its fields rather than guessed from text.
import { papersOfExport } from '../../indexer/index.ts';
import { lineStarts } from '../../indexer/readers/locate.ts';
import { surnameOf } from './library.ts';
import type { ReferenceEntry } from './reference-list.ts';

/**
 * A reference list given as a reference manager's export (a draft's .bib, a RIS file): one entry per
 * record, keyed by its citation key, with the DOI, arXiv id, year, first author and title read from
 * its fields rather than guessed from text; null when the text is a plain list.
 */
export function referencesOfExport(text: string): ReferenceEntry[] | null {
  const papers = papersOfExport(text, 'references');
  if (papers === null || papers.length === 0) return null;
  const lines = lineStarts(text);
  const starts = papers.map(({ location }) => lines[(location.line ?? 1) - 1] ?? 0);
  return papers.map(({ paper }, i) => {
    const start = starts[i]!;
    // Records written on one line (Zotero's MODS export) each span that line: none is given an empty span.
    const next = starts.find((later, j) => j > i && later > start) ?? text.length;
    const end = start + text.slice(start, next).trimEnd().length;
    const authors = paper.authors.join(', ');
    const year = paper.year === null ? null : String(paper.year);
    return {
      n: i + 1,
      key: paper.id,
      text: [authors, year && `(${year})`, `${paper.title}.`, paper.venue].filter(Boolean).join(' '),
      start,
      end,
      doi: paper.doi,
      arxivId: paper.arxivId,
      year,
      surname: paper.authors[0] ? surnameOf(paper.authors[0]) : null,
      title: paper.title,
    };
  });
}

// A Markdown code fence's opening line ("```bibtex"), which may stand before an export pasted under the heading.
const CODE_FENCE = /^(?:```|~~~)[\w-]*[ \t]*\r?\n/u;
const LEADING_SPACE = /^[\s\uFEFF]*/u;

/**
 * The entries of a reference manager's export pasted as the whole list, or null: the export must start the block (its
 * first character, past blank lines and a code fence, opens markup or JSON, or its first record starts on that line).
 * A plain list with a BibTeX or RIS record further down (a "please cite" block, a dataset's record) stays a plain list.
 */
export function exportStartingList(block: string): ReferenceEntry[] | null {
  let at = LEADING_SPACE.exec(block)![0].length;
  const fence = CODE_FENCE.exec(block.slice(at));
  if (fence) at += fence[0].length + LEADING_SPACE.exec(block.slice(at + fence[0].length))![0].length;
  if (at === block.length) return null;
  const exported = referencesOfExport(block);
  if (exported === null) return null;
  const opens = block[at] === '<' || block[at] === '{' || /^\[\s*\{/u.test(block.slice(at, at + 200));
  const firstLine = block.lastIndexOf('\n', at - 1) + 1;
  return opens || exported[0]!.start === firstLine ? exported : null;
}
