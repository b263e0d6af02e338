// The readers' public entry: reads paper files of any supported format into validated Papers,
// with every record-level problem (bad values, duplicate ids across files) returned as data.
import fs from 'node:fs/promises';
import { AppError } from '../../core/errors.ts';
import { readArxivAtom } from './arxiv-atom.reader.ts';
import { readBibtex } from './bibtex.reader.ts';
import { readCslJson } from './csl-json.reader.ts';
import { readCsv, readTsv } from './csv.reader.ts';
import { decodeText } from './decode-text.ts';
import { detectFormat } from './detect-format.ts';
import { readJson } from './json.reader.ts';
import { readJsonl } from './jsonl.reader.ts';
import type { Format, InputProblem, LocatedPaper, Reader, ReadResult, RecordLocation } from './reader.ts';
import { validateRecords } from './records.ts';

export { detectFormat } from './detect-format.ts';
export {
  FORMATS,
  type Format,
  type InputProblem,
  type LocatedPaper,
  type ReadResult,
  type RecordLocation,
} from './reader.ts';

const READERS: Record<Format, Reader> = {
  jsonl: readJsonl,
  json: readJson,
  csv: readCsv,
  tsv: readTsv,
  bibtex: readBibtex,
  'csl-json': readCslJson,
  'arxiv-atom': readArxivAtom,
};

/**
 * Reads paper files (each in `options.format`, or the format detected per file) into validated Papers.
 * Problems with records (bad values, unparseable lines, an id used twice anywhere in the run) come back
 * in `problems`; the first of two papers with one id is kept.
 * @throws AppError UNREADABLE_FILE for a missing, unreadable, empty, binary or non-UTF-8 file;
 *   AppError UNKNOWN_FORMAT when a file's format cannot be told.
 */
export async function readPaperFiles(files: readonly string[], options: { format?: Format } = {}): Promise<ReadResult> {
  const papers: LocatedPaper[] = [];
  const problems: InputProblem[] = [];
  const firstSeen = new Map<string, RecordLocation>();
  for (const file of files) {
    const text = decodeText(file, await readBytes(file));
    const format = options.format ?? detectFormat(file, text);
    const parsed = READERS[format](text, file);
    const validated = validateRecords(parsed.records);
    problems.push(...parsed.problems, ...validated.problems);
    for (const located of validated.papers) {
      const { id } = located.paper;
      const earlier = firstSeen.get(id);
      if (earlier) {
        problems.push({ ...located.location, field: 'id', message: `duplicate id "${id}": also at ${where(earlier)}` });
      } else {
        firstSeen.set(id, located.location);
        papers.push(located);
      }
    }
  }
  return { papers, problems };
}

/** One line for a person: "file:line (record N) field: message", leaving out the parts that are unknown. */
export function formatProblem(problem: InputProblem): string {
  const line = problem.line === null ? '' : `:${problem.line}`;
  const record = problem.record === null ? '' : ` (record ${problem.record})`;
  const field = problem.field === null ? '' : ` ${problem.field}`;
  return `${problem.file}${line}${record}${field}: ${problem.message}`;
}

function where(location: RecordLocation): string {
  return location.line === null
    ? `${location.file} record ${location.record}`
    : `${location.file} line ${location.line}`;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new AppError('UNREADABLE_FILE', `${file} is a directory, not a file`, { file });
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (error as Error).message;
    throw new AppError('UNREADABLE_FILE', `cannot read ${file}: ${reason}`, { file }, { cause: error });
  }
}
