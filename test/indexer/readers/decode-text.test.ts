import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidByte } from '../../../indexer/readers/decode-text.ts';
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
