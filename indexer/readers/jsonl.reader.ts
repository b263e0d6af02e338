// JSON Lines: one JSON object per line; blank lines are skipped, and every record keeps its exact line
// and a fingerprint of its bytes, so a re-index can pass over the lines the index already holds. A line
// that is a Zotero item (a web API answer, or a bare item) is read as it is in a JSON array (zotero-items.ts).
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { fromScholarlyApi } from './api-records.ts';
import { crossrefAnswerWorks } from './crossref-works.ts';
import { repairCslRecord } from './csl-fields.ts';
import { BINARY_PROBE_BYTES, checkTextBytes, firstInvalidByte, notUtf8, onlyWhitespace } from './decode-text.ts';
import { READ_LIMITS } from './input-file.ts';
import { describeKind, jsonSyntaxError, problemAt } from './locate.ts';
import type { IndexedRecord, InputProblem, KnownFingerprints, RawRecord, Reader } from './reader.ts';
import { RECORD_RULES_VERSION } from './records.ts';
import { fromZoteroJson, type PassedOverReason, passedOverNotice } from './zotero-items.ts';

const NEWLINE = 0x0a;

export const JSONL_DEFAULTS = {
  /**
   * Bytes read at a time (the buffer grows for a longer line). One buffer reused for the whole file
   * keeps memory flat and skips the page faults of a file-sized buffer, a large part of reading it.
   */
  chunkBytes: 4 * 1024 * 1024,
  /** Longest record; a longer line is reported as an invalid record and read past without being held. */
  maxRecordBytes: READ_LIMITS.maxRecordBytes,
};

/** The fingerprint of a record's bytes under the current record rules. */
export function recordFingerprint(bytes: Uint8Array): string {
  return `r${RECORD_RULES_VERSION}:${hash('sha1', bytes, 'base64')}`;
}

/**
 * What reading a JSON Lines file gives: records to validate, lines the index holds already, problems, and notices
 * (the Zotero notes and attachments passed over).
 */
export type JsonlRead = {
  records: RawRecord[];
  indexed: IndexedRecord[];
  problems: InputProblem[];
  notices?: string[];
};

/**
 * Reads a JSON Lines file (also NDJSON and BEIR corpus files) chunk by chunk; each non-blank line is one
 * record. A line whose fingerprint `known` recognizes is listed in `indexed` without being decoded or
 * parsed: its bytes are exactly those of a paper in the index.
 * @throws AppError UNREADABLE_FILE when the file is empty, binary, UTF-16, not UTF-8 or only whitespace.
 */
export async function readJsonlFile(
  handle: FileHandle,
  file: string,
  known?: KnownFingerprints,
  options: Partial<typeof JSONL_DEFAULTS> = {},
): Promise<JsonlRead> {
  const lines = new JsonlLines(file, known);
  const maxRecordBytes = options.maxRecordBytes ?? JSONL_DEFAULTS.maxRecordBytes;
  let buffer = Buffer.allocUnsafe(
    Math.min(maxRecordBytes, Math.max(BINARY_PROBE_BYTES, options.chunkBytes ?? JSONL_DEFAULTS.chunkBytes)),
  );
  let filled = 0; // bytes of buffer holding data: an unfinished line carried over, then what was just read
  let base = 0; // the file offset of buffer[0]
  let first = true;
  let skipping = false; // inside a line longer than maxRecordBytes, already reported
  for (;;) {
    if (filled === buffer.length) {
      if (buffer.length >= maxRecordBytes) {
        // A record this long is refused without holding it: the rest of its line is read past, not kept.
        lines.tooLong(maxRecordBytes);
        skipping = true;
        base += filled;
        filled = 0;
      } else
        buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, maxRecordBytes - buffer.length))]);
    }
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    filled += bytesRead;
    let start = 0;
    if (first) {
      first = false;
      start = checkTextBytes(file, buffer.subarray(0, filled));
    }
    if (skipping) {
      const end = buffer.subarray(0, filled).indexOf(NEWLINE);
      if (end === -1) {
        if (bytesRead === 0) break;
        base += filled;
        filled = 0;
        continue;
      }
      skipping = false;
      start = end + 1;
    }
    if (bytesRead === 0) {
      lines.line(buffer.subarray(start, filled), base + start);
      break;
    }
    const data = buffer.subarray(0, filled);
    for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
      lines.line(data.subarray(start, end), base + start);
      start = end + 1;
    }
    buffer.copy(buffer, 0, start, filled);
    base += start;
    filled -= start;
  }
  return lines.finish();
}

/** Reads JSON Lines from the bytes of a whole file (see readJsonlFile). */
export function readJsonlBytes(bytes: Buffer, file: string, known?: KnownFingerprints): JsonlRead {
  const lines = new JsonlLines(file, known);
  let start = checkTextBytes(file, bytes);
  for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
    lines.line(bytes.subarray(start, end), start);
    start = end + 1;
  }
  lines.line(bytes.subarray(start), start);
  return lines.finish();
}

/** Reads JSON Lines from text (the reader contract); readPaperFiles reads files through readJsonlFile. */
export const readJsonl: Reader = (text, file) => {
  const lines = new JsonlLines(file);
  const bytes = Buffer.from(text, 'utf8');
  let start = 0;
  for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
    lines.line(bytes.subarray(start, end), start);
    start = end + 1;
  }
  lines.line(bytes.subarray(start), start);
  const { records, problems, notices } = lines.withNotices();
  return notices === undefined ? { records, problems } : { records, problems, notices };
};

/** Turns a file's lines, in order, into records, indexed records and problems. */
class JsonlLines {
  private readonly read: JsonlRead = { records: [], indexed: [], problems: [] };
  /** The Zotero items holding no paper of their own (notes, attachments), by line. */
  private readonly passedOver: { reason: PassedOverReason; at: number }[] = [];
  private lineNumber = 0;
  private record = 0;

  constructor(
    private readonly file: string,
    private readonly known?: KnownFingerprints,
  ) {}

  /** One line's bytes (without its newline) and the file offset they start at. */
  line(bytes: Buffer, offset: number): void {
    const { file, read } = this;
    const line = ++this.lineNumber;
    if (bytes.length === 0) return;
    if (bytes.length > READ_LIMITS.maxRecordBytes) {
      this.lineNumber--;
      this.tooLong(READ_LIMITS.maxRecordBytes);
      return;
    }
    const fingerprint = recordFingerprint(bytes);
    const id = this.known?.(fingerprint);
    if (id !== undefined) {
      read.indexed.push({ id, location: { file, line, record: ++this.record } });
      return;
    }
    if (!isUtf8(bytes)) throw notUtf8(file, offset + firstInvalidByte(bytes), line);
    const content = bytes.toString('utf8');
    if (content.trim() === '') return;
    const record = ++this.record;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      const { reason, offset: column } = jsonSyntaxError(error, content.length);
      read.problems.push(problemAt(file, line, record, null, `is not valid JSON: ${reason} (column ${column + 1})`));
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      read.problems.push(problemAt(file, line, record, null, `expected a JSON object, got ${describeKind(value)}`));
      return;
    }
    const answer = crossrefAnswerWorks(value);
    if (answer !== null && !answer.single) {
      // A page of a Crossref search holds many works; a line of JSON Lines is one record (and one fingerprint).
      const message = `is a Crossref work-list answer holding ${answer.works.length} works, not one record; save each answer as its own .json file, or one work per line`;
      read.problems.push(problemAt(file, line, record, null, message));
      return;
    }
    // A Zotero item is read as in a JSON array: its own mapping, its notes and attachments passed over.
    const zotero = fromZoteroJson(value as Record<string, unknown>);
    if (zotero !== undefined && 'skipped' in zotero) {
      this.passedOver.push({ reason: zotero.skipped, at: line });
      return;
    }
    const raw: RawRecord = {
      fields: zotero?.fields ?? fromScholarlyApi(value as Record<string, unknown>),
      location: { file, line, record },
      fingerprint,
    };
    if (zotero?.csl) repairCslRecord(raw);
    read.records.push(raw);
  }

  /** Counts a line longer than `limit` bytes as a record and reports it; its bytes are never decoded. */
  tooLong(limit: number): void {
    const line = ++this.lineNumber;
    const record = ++this.record;
    this.read.problems.push(
      problemAt(
        this.file,
        line,
        record,
        null,
        `is longer than ${sizeText(limit)}, the most one record may be; it was not read`,
      ),
    );
  }

  /** The lines read so far, with a notice naming the lines of the Zotero items passed over, if any. */
  withNotices(): JsonlRead {
    if (this.passedOver.length === 0) return this.read;
    return { ...this.read, notices: [passedOverNotice(this.file, this.passedOver, 'lines')] };
  }

  /** The lines read; a file of only blank lines is refused. */
  finish(): JsonlRead {
    if (this.record === 0) throw onlyWhitespace(this.file);
    return this.withNotices();
  }
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`
    : `${bytes.toLocaleString('en-US')} bytes`;
}
