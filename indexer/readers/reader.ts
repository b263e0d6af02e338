// The reader contract: each input format turns a file's text into raw records with locations;
// records.ts validates them into Papers and collects every problem with file, line and field.
import type { Paper } from '../paper.schema.ts';

export const FORMATS = [
  'jsonl',
  'json',
  'csv',
  'tsv',
  'bibtex',
  'csl-json',
  'arxiv-atom',
  'pubmed-xml',
  'endnote-xml',
  'endnote-tagged',
  'refworks',
  'ris',
  'medline',
  'wos',
  'zotero-rdf',
  'mods',
  'zotero',
] as const;
export type Format = (typeof FORMATS)[number];

/** Where a record came from: the file, its 1-based line (when the format has lines), and its 1-based record number. */
export type RecordLocation = { file: string; line: number | null; record: number };

/** One thing wrong with the input, precise enough to fix without guessing. */
export type InputProblem = {
  file: string;
  line: number | null;
  record: number | null;
  /** The field at fault, when one is (e.g. "year", "authors[2]"). */
  field: string | null;
  message: string;
};

/**
 * A record as a reader found it: field names not yet mapped, values not yet validated. `fingerprint`
 * identifies its exact source bytes, for readers that see them (JSON Lines).
 */
export type RawRecord = {
  fields: Record<string, unknown>;
  location: RecordLocation;
  fingerprint?: string;
  /** What the reader already repaired in this record (a generated key, a dropped value); problems under --strict. */
  repairs?: InputProblem[];
  /**
   * The reader has turned the record's LaTeX into text (BibTeX): it is not read as LaTeX again, which would
   * take the backslash out of "\\n" written `{\textbackslash}n`.
   */
  latexCleaned?: boolean;
};

/**
 * A valid paper and where it came from. `fingerprint` is its record's, kept only when the paper does not
 * depend on its location (an id derived from the file name and record number does).
 */
export type LocatedPaper = { paper: Paper; location: RecordLocation; fingerprint: string | null };

/** The id of the indexed paper whose record had this fingerprint, if the index holds one. */
export type KnownFingerprints = (fingerprint: string) => string | undefined;

/** A record whose exact bytes the index already holds: it is known by its fingerprint and not parsed again. */
export type IndexedRecord = { id: string; location: RecordLocation };

export type ReadResult = { papers: LocatedPaper[]; problems: InputProblem[]; repairs: InputProblem[] };

/**
 * A format's parser: text in, raw records and format-level problems out, with `notices` for what a person
 * should know about how the file was read (the CSV columns used and ignored). Never throws on bad content.
 */
export type Reader = (
  text: string,
  file: string,
) => { records: RawRecord[]; problems: InputProblem[]; notices?: string[] };
