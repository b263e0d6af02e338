// Web of Science exports (savedrecs.txt), in either of its two shapes: tab-delimited, a header row of
// two-letter field tags (PT, AU, AF, TI, SO, DE, ID, AB, PY, DI, UT…) and one record per row, names
// "Last, First" joined by "; "; or plain text, "FN"/"VR" lines, then records from "PT" to "ER", one tag
// per line with continuation lines indented by three spaces (an author or an address per line).
import { titleCaseCapitals } from './capitals.ts';
import { readTsv } from './csv.reader.ts';
import { problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { invertName } from './values.ts';

/** The start of a plain-text export: its "FN" (file name) line, or a record's "PT" line. */
export const WOS_PLAIN_START = /^\uFEFF?(?:FN [^\n]*\n(?:VR [^\n]*\n)?\s*)?PT [A-Z][ \t]*\r?\n/;

/** Readable names for the tags kept as metadata; the tags that fill paper fields are in toFields. */
const METADATA: Record<string, string> = {
  PT: 'publicationType',
  DT: 'documentType',
  VL: 'volume',
  IS: 'issue',
  BP: 'startPage',
  EP: 'endPage',
  PU: 'publisher',
  SN: 'issn',
  LA: 'language',
  TC: 'timesCited',
  PD: 'publicationDate',
  J9: 'journalAbbreviation',
  JI: 'isoJournalAbbreviation',
  WC: 'webOfScienceCategories',
  SC: 'researchAreas',
  CR: 'citedReferences',
  NR: 'citedReferenceCount',
};
const FILLED = new Set(['TI', 'AB', 'AU', 'AF', 'CA', 'PY', 'SO', 'DE', 'ID', 'DI', 'UT', 'C1']);

/** Reads a Web of Science export, tab-delimited (empty cells left out as in any TSV) or plain text. */
export const readWos: Reader = (text, file) => {
  const { records, problems } = WOS_PLAIN_START.test(text.slice(0, 4096).trimStart())
    ? readPlainText(text, file)
    : readTsv(text, file);
  for (const record of records) record.fields = toFields(record.fields);
  return { records, problems };
};

// Tags whose continuation lines are items of a list (one author, address or reference per line); the
// lines of any other tag are one wrapped text.
const LINE_LISTS = new Set(['AU', 'AF', 'BA', 'BF', 'CA', 'GP', 'C1', 'C3', 'RP', 'EM', 'RI', 'OI', 'CR', 'FU']);
// A tag, then its value after one space (a tag alone, such as "ER", has none).
const TAGGED = /^([A-Z][A-Z0-9])(?: (.*))?$/;

/** The plain-text shape: each record's tags as the tab-delimited shape would hold them ("; "-joined lists). */
function readPlainText(input: string, file: string): { records: RawRecord[]; problems: InputProblem[] } {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  let open: { lines: Map<string, string[]>; line: number } | null = null;
  let tag: string | null = null;
  // A record left open is kept: that it had no "ER" line is a repair, refusing it only under --strict.
  const finish = (unclosed?: string) => {
    if (!open) return;
    const row: Record<string, unknown> = {};
    for (const [name, lines] of open.lines) row[name] = lines.join(LINE_LISTS.has(name) ? '; ' : ' ');
    const location = { file, line: open.line, record: records.length + 1 };
    const repairs = unclosed === undefined ? [] : [problemAt(file, open.line, location.record, null, unclosed)];
    records.push({ fields: row, location, ...(repairs.length > 0 ? { repairs } : {}) });
    open = null;
  };
  for (const [index, raw] of input
    .replace(/\r\n?/g, '\n')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .entries()) {
    if (raw.startsWith('   ') && open && tag) {
      open.lines.get(tag)?.push(raw.trim());
      continue;
    }
    const match = TAGGED.exec(raw.trimEnd());
    if (!match) continue;
    const [, name = '', value = ''] = match;
    if (name === 'PT') {
      finish('the record has no "ER" line; it ends where the next "PT" starts; it was kept');
      open = { lines: new Map([['PT', [value.trim()]]]), line: index + 1 };
      tag = 'PT';
    } else if (name === 'ER') {
      finish();
      tag = null;
    } else if (open && name !== 'EF') {
      const lines = open.lines.get(name) ?? [];
      lines.push(value.trim());
      open.lines.set(name, lines);
      tag = name;
    }
  }
  finish('the record has no "ER" line at the end of the file (was the export cut short?); it was kept');
  return { records, problems };
}

function toFields(row: Record<string, unknown>): Record<string, unknown> {
  const cell = (tag: string) => (typeof row[tag] === 'string' ? (row[tag] as string).trim() : undefined);
  const list = (tag: string) =>
    (cell(tag) ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  const fields: Record<string, unknown> = {};
  const accession = cell('UT');
  if (accession) fields.id = accession.startsWith('WOS:') ? `wos:${accession.slice(4)}` : `wos:${accession}`;
  fields.title = cell('TI');
  fields.abstract = cell('AB');
  // A group author ("CA ATLAS Collaboration") follows the people, as MEDLINE's CN stands among them; WoS's
  // "[Anonymous]" for a paper without authors names nobody (dropped when the record is validated).
  fields.authors = [...(list('AF').length > 0 ? list('AF') : list('AU')).map(invertName), ...list('CA')];
  fields.year = cell('PY') ?? cell('EA');
  // WoS writes the source title in capitals ("JOURNAL OF THE AMERICAN CHEMICAL SOCIETY"); it is stored in title
  // case, each word JI ("BJU Int.", mixed case) holds cased as JI writes it ("BJU International"), and the source
  // title as written kept when that changed it. The abbreviations, J9 ("J AM CHEM SOC") and JI, are kept as written.
  const venue = cell('SO');
  fields.venue = venue === undefined ? undefined : titleCaseCapitals(venue, cell('JI'));
  if (venue !== undefined && fields.venue !== venue) fields.sourceAsWritten = venue;
  fields.tags = [...list('DE'), ...list('ID')];
  fields.doi = cell('DI');
  // "[Smith, John; Doe, Alice] Univ A": the bracketed authors are already in AF.
  fields.affiliations = (cell('C1') ?? '')
    .split(/;\s*(?![^[]*\])/)
    .map((part) => part.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter((part) => part !== '');
  if (accession) fields.accessionNumber = accession;
  for (const [tag, value] of Object.entries(row)) {
    if (FILLED.has(tag) || value === undefined) continue;
    fields[METADATA[tag] ?? tag] = value;
  }
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields;
}
