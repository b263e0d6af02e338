// The readers' public entry: reads paper files of any supported format into validated Papers,
// with every record-level problem (bad values, duplicate ids across files) returned as data.
import fs, { type FileHandle } from 'node:fs/promises';
import { AppError } from '../../core/errors.ts';
import { readArxivAtom } from './arxiv-atom.reader.ts';
import { readBibtex } from './bibtex.reader.ts';
import { readCslJson } from './csl-json.reader.ts';
import { readCsv, readTsv } from './csv.reader.ts';
import { decodeText } from './decode-text.ts';
import { detectFormat, formatFromExtension } from './detect-format.ts';
import { readJson } from './json.reader.ts';
import { type JsonlRead, readJsonl, readJsonlBytes, readJsonlFile } from './jsonl.reader.ts';
import type {
  Format,
  IndexedRecord,
  InputProblem,
  KnownFingerprints,
  LocatedPaper,
  Reader,
  RecordLocation,
} from './reader.ts';
import { validateRecords } from './records.ts';

export { detectFormat } from './detect-format.ts';
export {
  FORMATS,
  type Format,
  type IndexedRecord,
  type InputProblem,
  type KnownFingerprints,
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

/** What readPaperFiles gives: valid papers, records the index already holds (not parsed again), problems. */
export type PaperFilesRead = { papers: LocatedPaper[]; indexed: IndexedRecord[]; problems: InputProblem[] };

/**
 * Reads paper files (each in `options.format`, or the format detected per file) into validated Papers.
 * Problems with records (bad values, unparseable lines, an id used twice anywhere in the run) come back
 * in `problems`; the first of two papers with one id is kept. JSON Lines records whose fingerprint
 * `options.known` recognizes come back in `indexed` instead of `papers`, unparsed.
 * @throws AppError UNREADABLE_FILE for a missing, unreadable, empty, binary or non-UTF-8 file;
 *   AppError UNKNOWN_FORMAT when a file's format cannot be told.
 */
export async function readPaperFiles(
  files: readonly string[],
  options: { format?: Format; known?: KnownFingerprints } = {},
): Promise<PaperFilesRead> {
  const papers: LocatedPaper[] = [];
  const indexed: IndexedRecord[] = [];
  const problems: InputProblem[] = [];
  const firstSeen = new Map<string, RecordLocation>();
  const keepFirst = (id: string, location: RecordLocation): boolean => {
    const earlier = firstSeen.get(id);
    if (!earlier) {
      firstSeen.set(id, location);
      return true;
    }
    problems.push({ ...location, field: 'id', message: `duplicate id "${id}": also at ${where(earlier)}` });
    return false;
  };
  for (const file of files) {
    // JSON Lines is read line by line from the file's bytes, so lines the index holds are never decoded.
    let format = options.format ?? formatFromExtension(file);
    let read: JsonlRead | ReturnType<Reader>;
    if (format === 'jsonl') {
      read = await withFile(file, (handle) => readJsonlFile(handle, file, options.known));
    } else {
      const bytes = await withFile(file, (handle) => handle.readFile());
      const text = decodeText(file, bytes);
      format ??= detectFormat(file, text);
      read = format === 'jsonl' ? readJsonlBytes(bytes, file, options.known) : READERS[format](text, file);
    }
    problems.push(...read.problems);
    const known = (read as Partial<JsonlRead>).indexed ?? [];
    const validated = validateRecords(read.records);
    problems.push(...validated.problems);
    // In record order, so that of two records with one id the first is kept, parsed or not.
    let k = 0;
    const takeKnownBefore = (record: number) => {
      for (; k < known.length && known[k]!.location.record < record; k++) {
        if (keepFirst(known[k]!.id, known[k]!.location)) indexed.push(known[k]!);
      }
    };
    for (const located of validated.papers) {
      takeKnownBefore(located.location.record);
      if (keepFirst(located.paper.id, located.location)) papers.push(located);
    }
    takeKnownBefore(Number.POSITIVE_INFINITY);
  }
  return { papers, indexed, problems };
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

/** Runs `use` on the file open for reading; a missing, unreadable or directory path is an UNREADABLE_FILE. */
async function withFile<T>(file: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw new AppError('UNREADABLE_FILE', `${file} is a directory, not a file`, { file });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory, not a file'
            : (error as Error).message;
    throw new AppError('UNREADABLE_FILE', `cannot read ${file}: ${reason}`, { file }, { cause: error });
  }
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}
