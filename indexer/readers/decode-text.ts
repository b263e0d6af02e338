// Turns a file's bytes into text: UTF-8 as it is; UTF-16 with a byte order mark and Windows-1252 (bytes
// that are not UTF-8 but decode cleanly) with a notice; an encoding a person names. Refuses empty files,
// binary files, and bytes in no clear encoding (with the offset and line of the first bad byte).
import { isUtf8 } from 'node:buffer';
import { AppError } from '../../core/errors.ts';

/** How far into a file to look for NUL bytes, the mark of a binary file. */
export const BINARY_PROBE_BYTES = 8 * 1024;

/**
 * The UTF-8 text of `bytes` without a byte order mark.
 * @throws AppError UNREADABLE_FILE naming `file` when the bytes are empty, binary, UTF-16 or invalid UTF-8.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const start = checkTextBytes(file, bytes);
  // isUtf8 and toString are simdutf-backed: a fatal TextDecoder is several times slower on large files.
  if (!isUtf8(bytes)) {
    const offset = firstInvalidByte(bytes);
    let line = 1;
    for (let at = 0; at < offset; at++) if (bytes[at] === 0x0a) line++;
    throw notUtf8(file, offset, line);
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start);
  // A search, not trim(): trimming would copy a file of hundreds of megabytes to test it.
  if (!/\S/u.test(text)) throw onlyWhitespace(file);
  return text;
}

/**
 * The checks on a whole file that come before decoding it: not empty, not UTF-16, not binary. Returns
 * where the text starts (after a UTF-8 byte order mark). Callers that decode part by part check each
 * part with `isUtf8` and report the first bad one with `notUtf8`.
 * @throws AppError UNREADABLE_FILE naming `file`.
 */
export function checkTextBytes(file: string, bytes: Uint8Array): number {
  const fail = (message: string) => new AppError('UNREADABLE_FILE', message, { file });
  if (bytes.length === 0) throw fail(`${file} is empty`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new AppError(
      'UNREADABLE_FILE',
      `${file} is UTF-16 text (it starts with a UTF-16 byte order mark); re-save it as UTF-8`,
      { file, encoding: true },
    );
  }
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
    throw fail(`${file} looks like a binary file (it contains NUL bytes), not UTF-8 text`);
  }
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** The error for a file whose bytes are not UTF-8: the first bad byte is at file `offset`, on 1-based `line`. */
export function notUtf8(file: string, offset: number, line: number): AppError {
  return new AppError(
    'UNREADABLE_FILE',
    `${file} is not valid UTF-8 text (first bad byte at offset ${offset}, line ${line}); ` +
      're-save it as UTF-8, or name its encoding with --encoding (it may be Latin-1 or Windows-1252)',
    { file, encoding: true },
  );
}

/** The error for a file that holds nothing but whitespace. */
export function onlyWhitespace(file: string): AppError {
  return new AppError('UNREADABLE_FILE', `${file} is empty (it holds only whitespace)`, { file });
}

/** Offset of the first byte that starts or breaks an invalid UTF-8 sequence; bytes.length if there is none. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return at;
    for (let next = 1; next < length; next++) {
      const byte = bytes[at + next];
      if (byte === undefined) return at;
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (byte < min || byte > max) return at;
    }
    at += length;
  }
  return bytes.length;
}

/** Encodings a person can name with --encoding. "latin1" is ISO-8859-1 proper; most "Latin-1" files are Windows-1252. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Bytes Windows-1252 leaves undefined: text that holds them is not Windows-1252 either. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** A file's text and, when it was not plain UTF-8, a notice saying how it was read. */
export type DecodedInput = { text: string; notice: string | null };

/**
 * The text of `bytes` in `encoding`, or, without one, in the encoding the bytes make clear: UTF-8, UTF-16
 * with a byte order mark, or Windows-1252 when the bytes are not UTF-8 but decode cleanly as it.
 * @throws AppError UNREADABLE_FILE naming `file` when the bytes are empty, binary or in no clear encoding.
 */
export function decodeInput(file: string, bytes: Uint8Array, encoding?: Encoding): DecodedInput {
  const fail = (message: string) => new AppError('UNREADABLE_FILE', message, { file });
  if (bytes.length === 0) throw fail(`${file} is empty`);
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const chosen = encoding ?? bom16;
  if (chosen === null || chosen === 'utf-8') {
    if (encoding === undefined && !isUtf8(bytes)) return asWindows1252(file, bytes);
    return { text: decodeText(file, bytes), notice: null };
  }
  let text: string;
  if (chosen === 'latin1') text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  else if (chosen === 'windows-1252') text = decodeWindows1252(bytes);
  else {
    try {
      text = new TextDecoder(chosen, { fatal: true }).decode(bytes);
    } catch {
      throw fail(`${file} is not valid ${chosen} text`);
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (!/\S/u.test(text)) throw onlyWhitespace(file);
  if (text.includes('\u0000'))
    throw fail(`${file} looks like a binary file (it contains NUL characters), not ${chosen} text`);
  const how =
    encoding === undefined ? `it starts with a ${chosen.toUpperCase()} byte order mark` : 'as --encoding says';
  return { text, notice: `${file}: read as ${chosen.toUpperCase()} (${how})` };
}

function asWindows1252(file: string, bytes: Uint8Array): DecodedInput {
  checkTextBytes(file, bytes);
  const offset = firstInvalidByte(bytes);
  const clean = !bytes.some(
    (byte) => UNDEFINED_IN_1252.has(byte) || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d),
  );
  if (!clean) {
    let line = 1;
    for (let at = 0; at < offset; at++) if (bytes[at] === 0x0a) line++;
    throw notUtf8(file, offset, line);
  }
  const text = decodeWindows1252(bytes);
  if (!/\S/u.test(text)) throw onlyWhitespace(file);
  return {
    text,
    notice: `${file}: read as Windows-1252, since it is not valid UTF-8 (first non-UTF-8 byte at offset ${offset}); pass --encoding to choose another`,
  };
}

/** What Windows-1252 puts at 0x80–0x9F (undefined bytes keep their Latin-1 code point); the rest is Latin-1. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes Windows-1252 by hand: Node's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 control
 * characters, which would turn every curly quote and dash of an old export into an invisible character.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

/** What a file's first bytes say it is when it is no text: a PDF, or a ZIP or OLE archive (.docx, .odt, .doc). */
export function documentKind(bytes: Uint8Array): 'pdf' | 'archive' | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'archive';
  return null;
}

/**
 * A document a person wrote, as text (a draft to verify, its reference list): decodeInput, after
 * saying plainly what a PDF or a word processor's file is, since those hold no plain text to read.
 * @throws AppError UNREADABLE_FILE naming `file`.
 */
export function decodeDocument(file: string, bytes: Uint8Array, encoding?: Encoding): DecodedInput {
  const kind = documentKind(bytes);
  if (kind === 'pdf') {
    throw new AppError(
      'NOT_TEXT',
      `${file} is a PDF, not text: copy its text into a .txt or .md file (or use the document's source, such as its .tex) and give that instead`,
      { file },
    );
  }
  if (kind === 'archive') {
    throw new AppError(
      'NOT_TEXT',
      `${file} is a word processor's file (Word or OpenDocument) or another archive, not text: save it as plain text or Markdown and give that instead`,
      { file },
    );
  }
  return decodeInput(file, bytes, encoding);
}
