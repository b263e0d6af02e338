// CSV and TSV with a header row: each later row is one record keyed by the header's column names,
// located at the line the row starts on (quoted fields may span lines). Exporters' own column names
// (IEEE Xplore, Scopus) are mapped onto paper fields, and a notice says which columns were used.
import { CsvError, parse } from 'csv-parse/sync';
import { FIELD_ALIASES } from '../paper.schema.ts';
import { problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { invertName } from './values.ts';

const LINE_BREAKS = /\r\n?/g;

type Delimiter = ',' | ';' | '\t';

/**
 * The delimiter of comma-separated text: ";" when the header row holds more semicolons than commas
 * outside quotes (spreadsheets in locales that write 0,5 save CSV that way), else ",".
 */
export function sniffDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * A reader for delimited text with a header row: `delimiter` "\t" for TSV, "," for CSV, whose
 * delimiter is ";" instead when the header row says so (sniffDelimiter).
 */
export function delimitedReader(kind: ',' | '\t'): Reader {
  return (input, file) => {
    // csv-parse counts "\r\n" inconsistently in its line numbers; plain "\n" keeps them exact.
    const text = input.replace(LINE_BREAKS, '\n');
    const delimiter: Delimiter = kind === ',' ? sniffDelimiter(text.replace(/^\uFEFF/, '')) : kind;
    const rows: { cells: string[]; line: number }[] = [];
    const problems: InputProblem[] = [];
    let lastLine = 0;
    try {
      parse(text, {
        delimiter,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (cells, context) => {
          // context.lines is where the row ends; a quoted field's line breaks say how many lines it spans.
          const spanned = cells.reduce((sum, cell) => sum + countNewlines(cell), 0);
          rows.push({ cells, line: context.lines - spanned });
          lastLine = context.lines;
          return null;
        },
      });
    } catch (error) {
      const line = nextContentLine(text, lastLine);
      const reason =
        error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted field starting in this row is never closed (no matching ")'
          : `could not be parsed: ${error instanceof Error ? error.message : String(error)}`;
      problems.push(problemAt(file, line, null, null, `${reason}; the rows from here on were not read`));
    }

    const [header, ...body] = rows;
    if (!header) return { records: [], problems };
    const columns = header.cells.map((name) => name.trim());
    const named = columns.filter((name) => name !== '');
    const repeated = named.find((name, index) => named.indexOf(name) !== index);
    if (named.length === 0 || repeated !== undefined) {
      const why = repeated === undefined ? 'has no column names' : `names the column "${repeated}" twice`;
      return {
        records: [],
        problems: [problemAt(file, header.line, null, null, `the header row ${why}`), ...problems],
      };
    }

    const records: RawRecord[] = [];
    const mapping = columnMapping(columns);
    let record = 0;
    for (const row of body) {
      if (row.cells.every((cell) => cell.trim() === '')) continue;
      record += 1;
      const location = { file, line: row.line, record };
      if (row.cells.slice(columns.length).some((cell) => cell.trim() !== '')) {
        const message = `has ${row.cells.length} fields but the header has ${columns.length} columns`;
        problems.push({ ...location, field: null, message });
        continue;
      }
      const fields: Record<string, unknown> = {};
      for (const [index, name] of columns.entries()) {
        const cell = row.cells[index];
        // An empty cell means "no value", as a missing key does in JSON.
        if (name !== '' && cell !== undefined && cell.trim() !== '') fields[name] = cell;
      }
      records.push({ fields: mapExporterColumns(fields, mapping), location });
    }
    return { records, problems, notices: [columnsNotice(file, mapping, delimiter)] };
  };
}

/** Reads comma-separated values with a header row. */
export const readCsv: Reader = delimitedReader(',');
/** Reads tab-separated values with a header row. */
export const readTsv: Reader = delimitedReader('\t');

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function nextContentLine(text: string, afterLine: number): number {
  const lines = text.split('\n');
  for (let index = afterLine; index < lines.length; index++) if (lines[index]?.trim() !== '') return index + 1;
  return afterLine + 1;
}

/** Column names reference databases export, and the paper field each fills (compared case-insensitively). */
const EXPORTER_COLUMNS: Record<string, string> = {
  // IEEE Xplore
  'document title': 'title',
  'publication title': 'venue',
  'publication year': 'year',
  'author keywords': 'tags',
  'ieee terms': 'tags',
  'author affiliations': 'affiliations',
  'pdf link': 'url',
  // Scopus
  'source title': 'venue',
  'index keywords': 'tags',
  'author full names': 'authors',
  // Zotero's CSV export
  'manual tags': 'tags',
  'automatic tags': 'tags',
  // Both, and other exporters
  'article title': 'title',
  'abstract note': 'abstract',
  'publication date': 'year',
};
const KNOWN_FIELDS = new Map<string, string>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES)) {
  for (const alias of aliases) if (!KNOWN_FIELDS.has(alias.toLowerCase())) KNOWN_FIELDS.set(alias.toLowerCase(), field);
}

/** Each column's paper field (or null), and whether it is an exporter's name to be renamed. */
type ColumnMapping = { column: string; field: string | null; renamed: boolean }[];

function columnMapping(columns: readonly string[]): ColumnMapping {
  return columns
    .filter((column) => column !== '')
    .map((column) => {
      const lower = column.toLowerCase();
      const exporter = EXPORTER_COLUMNS[lower];
      if (exporter !== undefined) return { column, field: exporter, renamed: true };
      return { column, field: KNOWN_FIELDS.get(lower) ?? null, renamed: false };
    });
}

/** A row's cells under paper field names where an exporter's column names one; tag columns are merged. */
function mapExporterColumns(row: Record<string, unknown>, mapping: ColumnMapping): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const tags: string[] = [];
  for (const { column, field, renamed } of mapping) {
    const value = row[column];
    // Scopus writes a placeholder where a paper has no abstract; it is not the paper's text.
    if (value === undefined || (field === 'abstract' && NO_ABSTRACT.test(String(value)))) continue;
    if (field === 'tags') tags.push(String(value));
    else if (field === 'authors') fields[column] = splitScopusAuthors(String(value));
    else if (renamed && field !== null && fields[field] === undefined) fields[field] = value;
    else fields[column] = value;
  }
  if (tags.length > 0) fields.tags = tags.join(';');
  // Scopus also writes the full names, "Krisyanto, Wahyu (57219); Wibisono, Gunawan (6603)": better than initials.
  const fullNames = Object.entries(row).find(([column]) => column.toLowerCase() === 'author full names')?.[1];
  if (typeof fullNames === 'string' && fullNames.trim() !== '') {
    const names = fullNames
      .split(';')
      .map((name) => invertName(name.replace(/\s*\(\d+\)\s*$/, '')))
      .filter((name) => name !== '');
    const initials = Object.keys(fields).find((column) => column.toLowerCase() === 'authors');
    if (initials !== undefined) {
      fields['Authors (initials)'] = row[initials];
      delete fields[initials];
    }
    delete fields[Object.keys(fields).find((column) => column.toLowerCase() === 'author full names') ?? ''];
    fields.authors = names;
  }
  return fields;
}

const NO_ABSTRACT = /^\s*\[No abstract available\]\s*$/i;
const INITIALS = /^(?:\p{Lu}\p{Ll}?\.[\s-]*)+$/u;

/**
 * Scopus writes "Krisyanto, W., Wibisono, G.": pairs of family name and initials, all joined by commas.
 * Those become ["W. Krisyanto", "G. Wibisono"]; any other text is left for the usual name splitting.
 */
export function splitScopusAuthors(text: string): string | string[] {
  if (text.includes(';')) return text;
  const parts = text.split(/\s*,\s*/).filter((part) => part !== '');
  if (parts.length < 2 || parts.length % 2 !== 0) return text;
  const names: string[] = [];
  for (let at = 0; at < parts.length; at += 2) {
    const family = parts[at] ?? '';
    const initials = parts[at + 1] ?? '';
    if (!INITIALS.test(initials) || INITIALS.test(family)) return text;
    names.push(`${initials} ${family}`);
  }
  return names;
}

function columnsNotice(file: string, mapping: ColumnMapping, delimiter: string): string {
  const used = mapping.filter((entry) => entry.field !== null).map((entry) => `${entry.column} → ${entry.field}`);
  const other = mapping.filter((entry) => entry.field === null).map((entry) => entry.column);
  const kind = delimiter === ',' ? 'CSV' : delimiter === ';' ? 'CSV (;-separated)' : 'TSV';
  const ignored = other.length === 0 ? 'none' : other.join(', ');
  return `${file}: ${kind} columns used: ${used.join(', ') || 'none'}; not used for a field (kept as metadata): ${ignored}`;
}
