// Splitting tagged text into records, for the exports where each line is "<tag> <value>", a blank line ends
// a record and a line without a tag continues the value above it: EndNote's tagged (Refer) text and RefWorks'.
import { arxivIdOfLink } from './arxiv-ids.ts';
import { problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader, RecordLocation } from './reader.ts';
import { contentKey, withoutBlanks } from './values.ts';

/**
 * A tagged record's fields and metadata as one raw record: an arxiv.org link gives the arXiv id, and a
 * record with neither a DOI nor an arXiv id gets an id made from its content (these exports' own record
 * numbers are local to one account or file), so a paper has one id across exports.
 */
export function finishedRecord(
  fields: Record<string, unknown>,
  extra: Record<string, unknown>,
  urls: readonly string[],
  location: RecordLocation,
  repairs: InputProblem[],
): RawRecord {
  for (const url of urls) {
    const arxiv = arxivIdOfLink(url);
    if (arxiv !== undefined) fields.arxivId = arxiv;
  }
  const kept = withoutBlanks({ ...fields, ...extra });
  if (kept.doi === undefined && kept.arxivId === undefined) {
    const key = contentKey(kept);
    if (key !== null) kept.id = key;
  }
  return { fields: kept, location, ...(repairs.length > 0 ? { repairs } : {}) };
}

/** One tagged value: its tag, its first line's text, each continuation line's text, and its 1-based line. */
export type TaggedValue = { tag: string; value: string; continued: string[]; line: number };

/** A record's tagged values in the order written, and the line it starts on. */
export type TaggedRecord = { values: TaggedValue[]; line: number };

/** How one export writes its tags. */
export type TaggedSyntax = {
  /** The tag and the value of a tag line, or null for a line that is not one. */
  tagOf: (line: string) => { tag: string; value: string } | null;
  /** Tags that always open a new record, even without a blank line before them ("%0", "RT"). */
  opening: ReadonlySet<string>;
  /** A tag line to quote in the message about text before the first record. */
  example: string;
  /** The export's name, for messages ("EndNote tagged text"). */
  name: string;
};

/** A reader of one tagged-text export: its text split into records by `syntax`, each made a raw record by `toRecord`. */
export function taggedReader(
  syntax: TaggedSyntax,
  toRecord: (record: TaggedRecord, location: RecordLocation & { line: number }) => RawRecord,
): Reader {
  return (input, file) => {
    const split = taggedRecords(input, file, syntax);
    const records = split.records.map((record, index) =>
      toRecord(record, { file, line: record.line, record: index + 1 }),
    );
    return { records, problems: split.problems };
  };
}

/**
 * The records of tagged text. A record starts at an opening tag, or at any tag line after a blank line or at
 * the start; a line without a tag continues the value above it (also after a blank line: an abstract's second
 * paragraph). Text before the first record is reported once, located, and skipped.
 */
export function taggedRecords(
  input: string,
  file: string,
  syntax: TaggedSyntax,
): { records: TaggedRecord[]; problems: InputProblem[] } {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const records: TaggedRecord[] = [];
  const problems: InputProblem[] = [];
  let current: TaggedRecord | null = null;
  let afterBlank = true;
  for (const [index, raw] of lines.entries()) {
    const text = raw.trimEnd();
    if (text.trim() === '') {
      afterBlank = true;
      continue;
    }
    const tagged = syntax.tagOf(text);
    if (tagged === null) {
      const last = current?.values.at(-1);
      if (last) last.continued.push(text.trim());
      else if (problems.length === 0) {
        const message = `expected a tag line such as "${syntax.example}" (${syntax.name}); text before the first record was ignored`;
        problems.push(problemAt(file, index + 1, null, null, message));
      }
      afterBlank = false;
      continue;
    }
    if (current === null || afterBlank || (syntax.opening.has(tagged.tag) && current.values.length > 0)) {
      current = { values: [], line: index + 1 };
      records.push(current);
    }
    current.values.push({ ...tagged, continued: [], line: index + 1 });
    afterBlank = false;
  }
  return { records, problems };
}

/** A value with its continuation lines joined by spaces, as wrapped text. */
export function joinedValue(value: TaggedValue): string {
  return [value.value, ...value.continued].join(' ').trim();
}

/** A record's values grouped by tag, each group in the order written. */
export function valuesByTag(record: TaggedRecord): Map<string, TaggedValue[]> {
  const byTag = new Map<string, TaggedValue[]>();
  for (const value of record.values) {
    const group = byTag.get(value.tag);
    if (group) group.push(value);
    else byTag.set(value.tag, [value]);
  }
  return byTag;
}
