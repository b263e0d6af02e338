// The one list of the formats Citelens reads, as the web names them: the upload's file picker, the upload's and the
// empty library's lists of formats, and the verify page's list of exports a reference list may be pasted as.
import type { Format } from '../../../indexer/readers/reader.ts';

type InputFormat = {
  /** The format as a person knows it. */
  name: string;
  /** The file extensions the upload's file picker offers for it (a format may share one with another). */
  extensions: readonly string[];
  /** Whether a reference list pasted in it is read as its records (see papersOfExport in indexer/readers). */
  pasted?: true;
};

/**
 * Every format the indexer reads, in the order the web names them. Keyed by the indexer's own `Format` (a type: the
 * web imports no code from the indexer), so a format the indexer learns does not compile here until it is named.
 */
const INPUT_FORMATS = {
  jsonl: { name: 'JSON Lines', extensions: ['.jsonl', '.ndjson'] },
  json: { name: 'JSON (also OpenAlex and Semantic Scholar)', extensions: ['.json'] },
  csv: { name: 'CSV', extensions: ['.csv'] },
  tsv: { name: 'TSV', extensions: ['.tsv', '.tab'] },
  bibtex: { name: 'BibTeX', extensions: ['.bib', '.bibtex'], pasted: true },
  'csl-json': { name: 'CSL-JSON', extensions: ['.json', '.csljson'], pasted: true },
  ris: { name: 'RIS', extensions: ['.ris'], pasted: true },
  medline: { name: 'MEDLINE', extensions: ['.nbib', '.medline', '.txt'], pasted: true },
  wos: { name: 'Web of Science', extensions: ['.txt', '.tsv'] },
  'endnote-tagged': { name: 'EndNote tagged text', extensions: ['.enw', '.txt'], pasted: true },
  refworks: { name: 'RefWorks tagged text', extensions: ['.txt'], pasted: true },
  'pubmed-xml': { name: 'PubMed XML', extensions: ['.xml'], pasted: true },
  'endnote-xml': { name: 'EndNote XML', extensions: ['.xml'], pasted: true },
  mods: { name: 'MODS XML', extensions: ['.xml'], pasted: true },
  'zotero-rdf': { name: 'Zotero RDF', extensions: ['.rdf'], pasted: true },
  'arxiv-atom': { name: 'arXiv Atom', extensions: ['.atom', '.xml'] },
  zotero: { name: 'a Zotero library', extensions: ['.sqlite'] },
} as const satisfies Record<Format, InputFormat>;

const formats: ReadonlyArray<[Format, InputFormat]> = Object.entries(INPUT_FORMATS) as Array<[Format, InputFormat]>;

/** The formats a reference list pasted into verify is read in as records. */
export const PASTED_FORMATS: readonly Format[] = formats.filter(([, format]) => format.pasted).map(([key]) => key);

/** The upload's file picker's `accept`: every extension of every format, once. */
export const ACCEPTED_EXTENSIONS: string = [...new Set(formats.flatMap(([, format]) => format.extensions))].join(',');

/** "A, B and C" (or "A, B or C"). */
function listed(names: readonly string[], last: 'and' | 'or'): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;
}

/** The names of the formats read from files (all, or only those pasted as a reference list), in prose. */
export function formatNames(options: { pasted?: boolean; last?: 'and' | 'or' } = {}): string {
  const chosen = formats.filter(([, format]) => !options.pasted || format.pasted);
  return listed(
    chosen.map(([, format]) => format.name),
    options.last ?? 'and',
  );
}
