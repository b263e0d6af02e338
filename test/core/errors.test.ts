import { describe, expect, it } from 'vitest';
import { AppError, databaseDamage, ERRORS } from '../../core/errors.ts';

describe('errors', () => {
  it("gives a surface its own hint where the table has one, and the table's hint elsewhere", () => {
    const unknown = new AppError('UNKNOWN_FORMAT', 'x.txt: could not tell the format');
    expect(unknown.hint).toMatch(/--format/);
    expect(unknown.hintOn('cli')).toBe(unknown.hint);
    expect(unknown.hintOn('http')).not.toMatch(/--format/);
    const notFound = new AppError('PAPER_NOT_FOUND', "No paper has the id 'x'.");
    expect(notFound.hintOn('mcp')).toMatch(/search_papers/);
    expect(notFound.hintOn('http')).toBe(ERRORS.PAPER_NOT_FOUND.hint);
  });

  it('names no command-line flag in the HTTP hints of the failures of reading papers, which the web upload shows', () => {
    for (const code of ['INVALID_PAPERS', 'UNKNOWN_FORMAT', 'NOT_TEXT', 'UNREADABLE_FILE', 'FILE_TOO_LARGE'] as const) {
      expect(new AppError(code, 'x').hintOn('http'), code).not.toMatch(/--[a-z]/);
    }
  });

  it("reads SQLite's damage codes as INDEX_CORRUPT with the rebuild command, and nothing else", () => {
    const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    expect(databaseDamage(malformed)).toMatchObject({
      code: 'INDEX_CORRUPT',
      hint: expect.stringMatching(/--rebuild/),
    });
    expect(databaseDamage(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }))).toBeDefined();
    expect(databaseDamage(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBeUndefined();
    expect(databaseDamage(new Error('no code'))).toBeUndefined();
    expect(databaseDamage(null)).toBeUndefined();
  });
});
