// Web of Science tab-delimited exports (savedrecs.txt): a header row of two-letter field tags (PT, AU, AF,
// TI, SO, DE, ID, AB, PY, DI, UT…), one record per row. Names are "Last, First" joined by "; ".
import { readTsv } from './csv.reader.ts';
import type { Reader } from './reader.ts';
import { invertName } from './values.ts';

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
  WC: 'webOfScienceCategories',
  SC: 'researchAreas',
  CR: 'citedReferences',
  NR: 'citedReferenceCount',
};
const FILLED = new Set(['TI', 'AB', 'AU', 'AF', 'PY', 'SO', 'DE', 'ID', 'DI', 'UT', 'C1']);

/** Reads a Web of Science tab-delimited export; empty cells are left out as in any TSV. */
export const readWos: Reader = (text, file) => {
  const { records, problems } = readTsv(text, file);
  for (const record of records) record.fields = toFields(record.fields);
  return { records, problems };
};

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
  fields.authors = (list('AF').length > 0 ? list('AF') : list('AU')).map(invertName);
  fields.year = cell('PY') ?? cell('EA');
  fields.venue = cell('SO');
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
