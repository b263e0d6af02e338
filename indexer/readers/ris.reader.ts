// RIS, as Zotero, Mendeley, EndNote, Scopus, Web of Science and PubMed export it: "TY  - JOUR" opens a
// record, "ER  -" closes it, each line in between is "XX  - value" (a line without a tag continues the last).
import { arxivIdOfLink } from './arxiv-ids.ts';
import { problemAt } from './locate.ts';
import { isInvertedHeading, keywordsAndHeadings } from './mesh-headings.ts';
import { writtenPreprintOfVenue } from './preprint-venue.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { contentKey, doiFromLink, invertName } from './values.ts';

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;
/**
 * Some exporters write one space before the dash ("TY - JOUR"), as Zotero's importer accepts. A file whose
 * records open so is read with that spacing; elsewhere a wrapped line such as "US - Japan trade…" continues.
 */
const ONE_SPACE_TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;
const ONE_SPACE_START = /^\uFEFF?TY -(?: |$)/m;
const DOI_TEXT = /^(?:doi:\s*)?(10\.\d{4,9}\/\S+)$/i;

/** Which RIS tags fill which fields; the first tag listed that a record has wins (keywords are all kept). */
const FIELDS: Record<string, string[]> = {
  title: ['TI', 'T1', 'CT'],
  abstract: ['AB', 'N2'],
  authors: ['AU', 'A1'],
  year: ['PY', 'Y1', 'DA'],
  // JF is the journal's full name, JO and JA its abbreviation, J1 a user's abbreviation of it (RIS spec; EndNote and
  // Zotero read them so).
  venue: ['T2', 'JF', 'JO', 'JA', 'J1', 'J2', 'BT', 'T3'],
  doi: ['DO'],
  url: ['UR', 'L2'],
  tags: ['KW'],
  affiliations: ['AD'],
};
/**
 * A thesis's venue (TY THES): the journal it appeared in, else its university (PB: Zotero, Mendeley, EndNote,
 * ProQuest and Citavi all write the university there), else its department, which EndNote writes as the secondary
 * title T2 (kept as metadata `department` when not the venue), as the BibTeX and EndNote readers choose.
 */
const THESIS_VENUE = ['JF', 'JO', 'JA', 'J1', 'PB', 'T2', 'BT', 'T3'];
/**
 * A conference paper's venue (TY CONF, CPAPER): its proceedings' title, which Zotero writes as C3 (its T2 is then
 * the conference's name, kept as metadata `conferenceName` unless it repeats the venue, and T3 the series), else
 * what other exporters write: T2 (IEEE Xplore, EndNote), BT (the ACM Digital Library, whose T3 is the series).
 */
const CONFERENCE_VENUE = ['C3', ...FIELDS.venue!];
const CONFERENCE_TYPES = /^(?:CONF|CPAPER)$/i;
/**
 * The database ProQuest names as a thesis's journal ("ProQuest Dissertations and Theses", "ProQuest Dissertations &
 * Theses Global", "ProQuest Dissertations Publishing"): no venue of the thesis, which is then its university.
 */
const THESIS_DATABASE = /^\s*ProQuest\s+Dissertations\b/i;
/** Tags kept as metadata under readable names. */
const METADATA: Record<string, string> = {
  TY: 'entryType',
  DA: 'date',
  A2: 'editors',
  VL: 'volume',
  IS: 'issue',
  SP: 'startPage',
  EP: 'endPage',
  PB: 'publisher',
  SN: 'issn',
  LA: 'language',
  N1: 'notes',
  AN: 'accessionNumber',
  ID: 'referenceId',
  CY: 'place',
};
const LISTS = new Set(['AU', 'A1', 'A2', 'KW', 'AD', 'UR', 'L2']);

/** Reads RIS records; text before the first "TY  -" and between records is ignored. */
export const readRis: Reader = (input, file) => {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const tagLine = ONE_SPACE_START.test(input) ? ONE_SPACE_TAG_LINE : TAG_LINE;
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  let current: { tags: Map<string, string[]>; line: number; last: string | null } | null = null;
  // A record left open is kept: that it had no "ER" line is a repair, refusing it only under --strict.
  const finish = (unclosed?: string) => {
    if (!current) return;
    const record = toRecord(current.tags, { file, line: current.line, record: records.length + 1 });
    if (unclosed !== undefined)
      record.repairs = [problemAt(file, current.line, record.location.record, null, unclosed)];
    records.push(record);
    current = null;
  };
  for (const [index, raw] of lines.entries()) {
    const text = raw.replace(/^\uFEFF/, '');
    const match = tagLine.exec(text.trimEnd());
    if (match) {
      const tag = match[1] ?? '';
      const value = (match[2] ?? '').trim();
      if (tag === 'TY') {
        finish('the record has no "ER  -" line; it ends where the next "TY  -" starts; it was kept');
        current = { tags: new Map([['TY', [value]]]), line: index + 1, last: 'TY' };
      } else if (tag === 'ER') finish();
      else if (current) {
        const values = current.tags.get(tag) ?? [];
        values.push(value);
        current.tags.set(tag, values);
        current.last = tag;
      }
    } else if (current?.last && text.trim() !== '') {
      // A line without a tag continues the value before it (long abstracts wrap).
      const values = current.tags.get(current.last)!;
      values[values.length - 1] = `${values.at(-1) ?? ''} ${text.trim()}`.trim();
    }
  }
  finish('the record has no "ER  -" line at the end of the file (was the export cut short?); it was kept');
  return { records, problems };
};

function toRecord(tags: Map<string, string[]>, location: { file: string; line: number; record: number }): RawRecord {
  const fields: Record<string, unknown> = {};
  const first = (names: string[], skip?: RegExp) => {
    for (const name of names) {
      const value = tags.get(name)?.find((item) => item !== '' && !skip?.test(item));
      if (value !== undefined) return { name, value };
    }
    return undefined;
  };
  const used = new Set<string>();
  const type = tags.get('TY')?.[0] ?? '';
  const thesis = /^THES$/i.test(type);
  const conference = CONFERENCE_TYPES.test(type);
  const venueTags = thesis ? THESIS_VENUE : conference ? CONFERENCE_VENUE : FIELDS.venue!;
  for (const [field, names] of Object.entries({ ...FIELDS, venue: venueTags })) {
    if (field === 'tags' || field === 'authors' || field === 'affiliations') {
      // Every tag of a list counts: an export may name some authors AU and others A1.
      const present = names.filter((tag) => tags.has(tag));
      if (present.length === 0) continue;
      const values = present.flatMap((tag) => tags.get(tag) ?? []).filter((value) => value !== '');
      if (field === 'tags') {
        // EndNote's export of a record imported from PubMed gives its MeSH headings as keywords.
        const { tags: keywords, meshHeadings } = keywordsAndHeadings(keywordsOf(values));
        fields.tags = keywords;
        if (meshHeadings.length > 0) fields.meshHeadings = meshHeadings;
      } else fields[field] = field === 'authors' ? values.map(invertName) : values;
      for (const tag of present) used.add(tag);
      continue;
    }
    if (field === 'abstract' && (tags.get('AB')?.filter((value) => value !== '').length ?? 0) > 1) {
      // An abstract exported as several AB lines (one per paragraph) is one abstract.
      fields.abstract = tags
        .get('AB')!
        .filter((value) => value !== '')
        .join(' ');
      used.add('AB');
      continue;
    }
    // A thesis's database name is no venue; the tag stays as metadata.
    const found = first(names, thesis && field === 'venue' ? THESIS_DATABASE : undefined);
    if (found) {
      fields[field] = found.value;
      used.add(found.name);
    }
  }
  if (thesis) {
    // The university stays the publisher too; a department not taken as the venue is kept by its name.
    used.delete('PB');
    const department = tags.get('T2')?.find((value) => value !== '');
    if (!used.has('T2') && department !== undefined) {
      fields.department = department;
      used.add('T2');
    }
  }
  if (conference && used.has('C3')) {
    const name = tags.get('T2')?.find((value) => value !== '');
    if (name !== undefined) {
      if (!sameText(name, fields.venue)) fields.conferenceName = name;
      used.add('T2');
    }
  }
  for (const [tag, values] of tags) {
    if (used.has(tag)) continue;
    const name = METADATA[tag] ?? tag;
    fields[name] = LISTS.has(tag) ? (tag === 'A2' ? values.map(invertName) : values) : values.join(' ');
  }
  for (const url of tags.get('UR') ?? []) {
    const arxiv = arxivIdOfLink(url);
    if (arxiv !== undefined) fields.arxivId = arxiv;
  }
  // Zotero's "T2  - arXiv:1706.03762 [cs]" names the preprint, not a journal: its id is the paper's (and the venue
  // becomes arXiv's, as every reader's does: preprintServerOf). Only that form: the id a record without DOI is
  // stored under depends on it, and "JO  - ArXiv abs/1901.00003" has been keyed by content (its arXiv id is still
  // taken, after its id is made: records.ts).
  const preprint = typeof fields.venue === 'string' ? writtenPreprintOfVenue(fields.venue) : undefined;
  if (preprint !== undefined) fields.arxivId ??= preprint;
  if (fields.doi === undefined) takeDoiFromOtherTags(tags, fields);
  // RIS has no citation key: a record without a DOI gets one made from its content, not its position.
  if (fields.doi === undefined && fields.arxivId === undefined) {
    const key = contentKey(fields);
    if (key !== null) fields.id = key;
  }
  return { fields, location };
}

/** Whether two values are one text but for case and spacing: a conference name that repeats the venue adds nothing. */
function sameText(first: string, second: unknown): boolean {
  const plain = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return typeof second === 'string' && plain(first) === plain(second);
}

/**
 * A record's keywords: one per KW line, as most exporters write them; a line holding several separated by
 * ";" is split, and so, when it is the record's only KW line, is a list separated by commas
 * ("KW  - drought, soil carbon, microbes"), as Zotero's importer reads them (see commaList).
 */
function keywordsOf(lines: string[]): string[] {
  const separator = lines.length === 1 && !lines[0]!.includes(';') && commaList(lines[0]!) ? ',' : ';';
  return lines.flatMap((line) => line.split(separator).map((keyword) => keyword.trim())).filter((k) => k !== '');
}

/**
 * Whether one KW line is clearly a list of keywords separated by commas: at least two commas, each followed
 * by a space, no MeSH mark ("/", "*"), and not shaped as an inverted MeSH heading. A MeSH heading ("Carcinoma,
 * Non-Small-Cell Lung/*drug therapy"), an inverted heading ("Cells, Cultured": one comma; "Leukemia, Myeloid,
 * Acute": see isInvertedHeading) and a chemical name ("1,2-Dimethylhydrazine", "N,N'-…": a comma within a
 * word) are one keyword.
 */
function commaList(line: string): boolean {
  if (/[/*]/.test(line) || /,(?!\s|$)/.test(line)) return false;
  return (line.match(/,/g)?.length ?? 0) >= 2 && !isInvertedHeading(line);
}

/**
 * The DOI of a record without a DO line: EndNote (before X7) exports its Electronic Resource Number, the DOI,
 * as M3 ("M3  - 10.1002/andp.19263840404"); an item type without a DOI field (Zotero's report, book) gives
 * it only as its doi.org link in UR.
 */
function takeDoiFromOtherTags(tags: Map<string, string[]>, fields: Record<string, unknown>): void {
  const m3 = tags.get('M3')?.find((value) => DOI_TEXT.test(value) || doiFromLink(value) !== undefined);
  if (m3 !== undefined) {
    fields.doi = m3;
    if (fields.M3 === m3) delete fields.M3;
    return;
  }
  // So that the id is made from it rather than from the content.
  const link = (tags.get('UR') ?? []).map(doiFromLink).find((doi) => doi !== undefined);
  if (link !== undefined) fields.doi = link;
}
