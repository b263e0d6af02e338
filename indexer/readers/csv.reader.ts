// CSV and TSV with a header row: each later row is one record keyed by the header's column names,
// located at the line the row starts on (quoted fields may span lines). Exporters' own column names
// are mapped onto paper fields (exporter-columns.ts), and a notice says which columns were used.
import { CsvError, parse } from 'csv-parse/sync';
import { columnMapping, columnsNotice, mapExporterColumns } from './exporter-columns.ts';
import { problemAt } from './locate.ts';
import type { InputProblem, RawRecord, Reader } from './reader.ts';
import { clip } from './values.ts';

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

    const note = leadingNote(rows);
    if (note !== null) rows.shift();
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
    const notices = [columnsNotice(file, mapping, delimiter)];
    if (note !== null) {
      const text = clip(note.cells.join(delimiter).trim());
      notices.unshift(
        `${file}: line ${note.line} ("${text}") is not a header row and was skipped; the header is line ${header.line}`,
      );
    }
    return { records, problems, notices };
  };
}

/**
 * The first row when it is a note before the header, as the line Dimensions writes above its header
 * ("About the data: Exported on …"): it names no known column and the row after it names at least two.
 */
function leadingNote(rows: readonly { cells: string[]; line: number }[]): { cells: string[]; line: number } | null {
  const [first, second] = rows;
  if (!first || !second) return null;
  const known = (cells: string[]) =>
    columnMapping(cells.map((cell) => cell.trim())).filter((entry) => entry.field !== null).length;
  return known(first.cells) === 0 && known(second.cells) >= 2 ? first : null;
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
