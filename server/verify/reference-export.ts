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
