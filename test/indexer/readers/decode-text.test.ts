import { describe, expect, it } from 'vitest';
import {
  decodeDocument,
  decodeInput,
  decodeText,
  documentKind,
  firstInvalidByte,
} from '../../../indexer/readers/decode-text.ts';
import { caughtAppError } from '../../support/app-error.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decode-text', () => {
  it('decodes UTF-8 and drops a UTF-8 byte order mark', () => {
    expect(decodeText('a.csv', bytes(0xef, 0xbb, 0xbf, ...utf8('id,title\nü,x')))).toBe('id,title\nü,x');
  });

  it('refuses an empty file and a file of only whitespace', () => {
    expect(caughtAppError(() => decodeText('a.jsonl', bytes())).message).toBe('a.jsonl is empty');
    expect(caughtAppError(() => decodeText('a.jsonl', utf8(' \n\n'))).message).toBe(
      'a.jsonl is empty (it holds only whitespace)',
    );
  });

  it('refuses UTF-16 with a byte order mark and says to re-save as UTF-8', () => {
    for (const bom of [bytes(0xff, 0xfe, 0x7b, 0x00), bytes(0xfe, 0xff, 0x00, 0x7b)]) {
      const error = caughtAppError(() => decodeText('w.json', bom));
      expect(error.code).toBe('UNREADABLE_FILE');
      expect(error.message).toBe(
        'w.json is UTF-16 text (it starts with a UTF-16 byte order mark); re-save it as UTF-8',
      );
    }
  });

  it('refuses a file with NUL bytes as binary', () => {
    const error = caughtAppError(() => decodeText('model.bin', bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00)));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toBe('model.bin looks like a binary file (it contains NUL bytes), not UTF-8 text');
  });

  it('refuses invalid UTF-8, giving the offset and line of the first bad byte', () => {
    const latin1 = bytes(...utf8('id,title\n1,caf'), 0xe9, ...utf8('\n'));
    const error = caughtAppError(() => decodeText('latin1.csv', latin1));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toBe(
      'latin1.csv is not valid UTF-8 text (first bad byte at offset 14, line 2); re-save it as UTF-8, or name its encoding with --encoding (it may be Latin-1 or Windows-1252)',
    );
  });

  it('finds the first byte of an invalid sequence', () => {
    expect(firstInvalidByte(utf8('plain ü € 𝄞'))).toBe(utf8('plain ü € 𝄞').length);
    expect(firstInvalidByte(bytes(0x41, 0xc0, 0x80))).toBe(1); // overlong lead
    expect(firstInvalidByte(bytes(0x41, 0x42, 0xed, 0xa0, 0x80))).toBe(2); // surrogate
    expect(firstInvalidByte(bytes(0xe2, 0x82))).toBe(0); // cut short
    expect(firstInvalidByte(bytes(0x80))).toBe(0); // stray continuation
    expect(firstInvalidByte(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // beyond U+10FFFF
  });
});

describe('decode-text: other encodings', () => {
  // "Müller – café" in Windows-1252: ü is 0xFC, the en dash 0x96, é 0xE9.
  const windows1252 = bytes(...utf8('id,title\na,M'), 0xfc, ...utf8('ller '), 0x96, ...utf8(' caf'), 0xe9, 0x0a);

  it('reads bytes that are not UTF-8 but decode cleanly as Windows-1252, with a notice naming the first such byte', () => {
    expect(decodeInput('old.csv', windows1252)).toEqual({
      text: 'id,title\na,Müller – café\n',
      notice:
        'old.csv: read as Windows-1252, since it is not valid UTF-8 (first non-UTF-8 byte at offset 12); pass --encoding to choose another',
    });
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252', () => {
    // 0x81 is undefined in Windows-1252.
    expect(caughtAppError(() => decodeInput('odd.csv', bytes(...utf8('id\n'), 0x81))).message).toMatch(
      /^odd\.csv is not valid UTF-8 text \(first bad byte at offset 3, line 2\)/,
    );
  });

  it('reads UTF-16 with a byte order mark, little- or big-endian, with a notice', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tTI\nä\tx', 'utf16le')]);
    expect(decodeInput('wos.txt', le)).toEqual({
      text: 'id\tTI\nä\tx',
      notice: 'wos.txt: read as UTF-16LE (it starts with a UTF-16LE byte order mark)',
    });
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ok', 'utf16le').swap16()]));
    expect(decodeInput('be.txt', be).text).toBe('ok');
  });

  it('uses the encoding a person names, even where UTF-8 would also do', () => {
    expect(decodeInput('x.csv', utf8('Ã©'), 'latin1').text).toBe('Ã\u0083Â©');
    expect(decodeInput('x.csv', bytes(0xe9), 'windows-1252')).toEqual({
      text: 'é',
      notice: 'x.csv: read as WINDOWS-1252 (as --encoding says)',
    });
    expect(caughtAppError(() => decodeInput('x.csv', bytes(0xe9), 'utf-8')).message).toMatch(/is not valid UTF-8/);
  });

  it('tells a PDF and a Word or OpenDocument archive from text by their first bytes', () => {
    expect(documentKind(utf8('%PDF-1.4\n'))).toBe('pdf');
    expect(documentKind(bytes(0x50, 0x4b, 0x03, 0x04))).toBe('archive');
    expect(documentKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1))).toBe('archive');
    expect(documentKind(utf8('Plain text about PDFs.'))).toBeNull();
  });

  it('refuses a PDF as a document to read, and reads text as decodeInput does', () => {
    const error = caughtAppError(() => decodeDocument('draft.pdf', utf8('%PDF-1.7\n')));
    expect(error.code).toBe('NOT_TEXT');
    expect(error.message).toMatch(/^draft\.pdf is a PDF, not text/);
    expect(decodeDocument('draft.txt', bytes(0x6e, 0x61, 0xef, 0x76, 0x65))).toMatchObject({ text: 'naïve' });
  });
});
