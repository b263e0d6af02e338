import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { isSystemFailure, openFailure } from '../../../indexer/store/open-failure.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** What opening `file` read-only with better-sqlite3 throws (and reading from it). */
function sqliteErrorOpening(file: string): unknown {
  try {
    new Database(file, { readonly: true, fileMustExist: true }).prepare('SELECT * FROM manifest').all();
  } catch (error) {
    return error;
  }
  throw new Error(`${file} opened`);
}

const systemError = (code: string, file: string) =>
  Object.assign(new Error(`${code}: failed, open '${file}'`), { code, path: file });

describe('open-failure', () => {
  it('asks the system why SQLite could not open a file, and names the file and the reason', () => {
    const missing = path.join(tempDir(), 'index.db');
    expect(openFailure(sqliteErrorOpening(missing), missing)).toMatchObject({
      code: 'INDEX_UNREADABLE',
      message: `Could not open the index file ${missing}: the file is missing (ENOENT; SQLite: unable to open database file).`,
      details: { code: 'ENOENT' },
    });
    const folder = path.join(tempDir(), 'index.db');
    fs.mkdirSync(folder);
    expect(openFailure(sqliteErrorOpening(folder), folder)).toMatchObject({
      code: 'INDEX_UNREADABLE',
      message: expect.stringMatching(/a folder is where the file should be \(EISDIR; SQLite: disk I\/O error\)/),
    });
  });

  it("gives the system's refusals their own codes, each for the file the error names", () => {
    const file = '/index/gen-000001/index.db';
    expect(openFailure(systemError('EMFILE', '/index/gen-000001/papers.hnsw'), file)).toMatchObject({
      code: 'RESOURCES_EXHAUSTED',
      message: expect.stringContaining('/index/gen-000001/papers.hnsw: too many open files in this process (EMFILE).'),
    });
    expect(openFailure(systemError('ENFILE', file), file).code).toBe('RESOURCES_EXHAUSTED');
    expect(openFailure(Object.assign(new Error('out of memory'), { code: 'SQLITE_NOMEM' }), file).code).toBe(
      'RESOURCES_EXHAUSTED',
    );
    expect(openFailure(systemError('EPERM', file), file).code).toBe('INDEX_ACCESS_DENIED');
    const busy = openFailure(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }), file);
    expect(busy).toMatchObject({ code: 'INDEX_BUSY', details: { code: 'SQLITE_BUSY_SNAPSHOT' } });
    expect(busy.hint).toMatch(/do not rebuild/);
  });

  it('keeps INDEX_CORRUPT for damage, for what is no index database, and for data that does not parse', () => {
    const file = path.join(tempDir(), 'index.db');
    fs.writeFileSync(file, Buffer.alloc(4096, 0x5a));
    expect(openFailure(sqliteErrorOpening(file), file)).toMatchObject({
      code: 'INDEX_CORRUPT',
      message: `The index file ${file} is damaged: file is not a database (SQLITE_NOTADB).`,
    });
    const empty = path.join(tempDir(), 'index.db');
    new Database(empty).close();
    // An empty database opens, but holds no manifest: SQLITE_ERROR (no such table).
    expect(openFailure(sqliteErrorOpening(empty), empty).code).toBe('INDEX_CORRUPT');
    expect(openFailure(new SyntaxError('Unexpected token'), file).code).toBe('INDEX_CORRUPT');
  });

  it('returns an AppError as it is', () => {
    const error = new AppError('EMBEDDER_UNAVAILABLE', 'no model');
    expect(openFailure(error, 'index.db')).toBe(error);
  });

  it('tells the failures of the system from damage', () => {
    expect(isSystemFailure(systemError('EACCES', 'f'))).toBe(true);
    expect(isSystemFailure(Object.assign(new Error('locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isSystemFailure(Object.assign(new Error('malformed'), { code: 'SQLITE_CORRUPT' }))).toBe(false);
    expect(isSystemFailure(new Error('no code'))).toBe(false);
  });

  // Regression: a Node error with a code of its own, met decoding a damaged blob, was INDEX_UNREADABLE (no fallback).
  it("takes a coded error that is neither the system's nor SQLite's for damage, as one without a code", () => {
    const file = '/index/gen-000001/index.db';
    let decoding: unknown;
    try {
      Buffer.alloc(4).readFloatLE(8);
    } catch (error) {
      decoding = error;
    }
    expect(openFailure(decoding, file)).toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringContaining(`The index file ${file} could not be read; it may be damaged:`),
      details: { code: 'ERR_OUT_OF_RANGE' },
    });
    expect(openFailure(systemError('ELOOP', file), file).code).toBe('INDEX_UNREADABLE');
  });
});
