import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { isSystemFailure, openFailure, readFailure } from '../../../indexer/store/open-failure.ts';
import { withFileHandlesExhausted } from '../../support/system-failures.ts';
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
    expect(openFailure(systemError('ENOSPC', file), file)).toMatchObject({
      code: 'DISK_FULL',
      message: `Could not open the index file ${file}: no space left on the disk (ENOSPC).`,
    });
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

  describe('readFailure', () => {
    const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

    it("names the system's failures met while answering by the same table, with the served database", () => {
      const file = '/index/gen-000002/index.db';
      expect(readFailure(sqliteError('SQLITE_BUSY', 'database is locked'), file)).toMatchObject({
        code: 'INDEX_BUSY',
        message: `Could not read the index file ${file} while answering: the database is locked by another connection (SQLITE_BUSY).`,
        details: { code: 'SQLITE_BUSY' },
      });
      expect(readFailure(sqliteError('SQLITE_LOCKED_SHAREDCACHE', 'database table is locked'), file)?.code).toBe(
        'INDEX_BUSY',
      );
      // The old code said RESOURCES_EXHAUSTED, whose hint is to raise `ulimit -n`.
      expect(readFailure(sqliteError('SQLITE_FULL', 'database or disk is full'), file)).toMatchObject({
        code: 'DISK_FULL',
        message: `Could not read the index file ${file} while answering: no space left on the disk (SQLITE_FULL).`,
      });
      expect(readFailure(sqliteError('SQLITE_NOMEM', 'out of memory'))).toMatchObject({
        code: 'RESOURCES_EXHAUSTED',
        message: 'Could not read the index database while answering: out of memory (SQLITE_NOMEM).',
      });
      expect(readFailure(sqliteError('SQLITE_PERM', 'access permission denied'), file)?.code).toBe(
        'INDEX_ACCESS_DENIED',
      );
    });

    it('asks the system why SQLite could not open or read a file while answering, and says so when the database opens', () => {
      const file = path.join(tempDir(), 'index.db');
      new Database(file).close();
      expect(readFailure(sqliteError('SQLITE_IOERR_READ', 'disk I/O error'), file)).toMatchObject({
        code: 'INDEX_UNREADABLE',
        message: `Could not read the index file ${file} while answering: the disk reported an I/O error (SQLITE_IOERR_READ; SQLite: disk I/O error).`,
      });
      // The index file opens: what SQLite could not open was a temporary file (the old code said only "a file it needed").
      expect(readFailure(sqliteError('SQLITE_CANTOPEN', 'unable to open database file'), file)).toMatchObject({
        code: 'INDEX_UNREADABLE',
        message: expect.stringContaining(
          'SQLite could not open a temporary file it needed, though the index file opens: most likely the temporary folder (TMPDIR) is missing, full or not writable (SQLITE_CANTOPEN;',
        ),
      });
      expect(readFailure(sqliteError('SQLITE_CANTOPEN', 'unable to open database file'))).toMatchObject({
        code: 'INDEX_UNREADABLE',
        message:
          'Could not read the index database while answering: SQLite could not open a file it needed (SQLITE_CANTOPEN).',
      });
      expect(readFailure(sqliteError('SQLITE_CANTOPEN', 'unable to open database file'), `${file}.gone`)).toMatchObject(
        { code: 'INDEX_UNREADABLE', message: expect.stringContaining('the file is missing (ENOENT;') },
      );
    });

    it('says SQLITE_CANTOPEN met with every file handle taken is too many open files', (context) => {
      const file = path.join(tempDir(), 'index.db');
      new Database(file).close();
      const failed = withFileHandlesExhausted(file, () =>
        readFailure(sqliteError('SQLITE_CANTOPEN', 'unable to open database file'), file),
      );
      if (!failed) return context.skip('the open-files limit is too high to take every handle');
      expect(failed.value).toMatchObject({
        code: 'RESOURCES_EXHAUSTED',
        message: `Could not read the index file ${file} while answering: too many open files in this process (EMFILE; SQLite: unable to open database file).`,
        details: { code: 'EMFILE' },
      });
    });

    it("names the file a system error met while answering names, and what was done with it, or none, for the system's want of resources", () => {
      const opening = Object.assign(systemError('EMFILE', '/models/words.txt'), { syscall: 'open' });
      expect(readFailure(opening, '/index/gen-000001/index.db')).toMatchObject({
        code: 'RESOURCES_EXHAUSTED',
        message:
          'Could not open the file /models/words.txt while answering: too many open files in this process (EMFILE).',
      });
      // The old code said "Could not read the file" for an upload written to a full disk.
      const writing = Object.assign(systemError('ENOSPC', '/tmp/upload/papers.jsonl'), { syscall: 'write' });
      expect(readFailure(writing)).toMatchObject({
        code: 'DISK_FULL',
        message:
          'Could not write the file /tmp/upload/papers.jsonl while answering: no space left on the disk (ENOSPC).',
      });
      // Regression (second review of 29e3090): a disk quota was a 500 INTERNAL.
      const quota = Object.assign(systemError('EDQUOT', '/tmp/upload/papers.jsonl'), { syscall: 'write' });
      expect(readFailure(quota)).toMatchObject({
        code: 'DISK_FULL',
        message: 'Could not write the file /tmp/upload/papers.jsonl while answering: disk quota exceeded (EDQUOT).',
      });
      expect(readFailure(systemError('ENOSPC', '/tmp/upload/papers.jsonl'))?.message).toMatch(
        /^Could not use the file \/tmp\/upload\/papers\.jsonl while answering/,
      );
      expect(readFailure(Object.assign(new Error('Cannot allocate memory'), { code: 'ENOMEM' }))).toMatchObject({
        code: 'RESOURCES_EXHAUSTED',
        message: 'Could not answer: out of memory (ENOMEM).',
      });
    });

    it('leaves damage, AppErrors, bugs and refusals of files other than the index to the caller', () => {
      const file = '/index/gen-000001/index.db';
      expect(readFailure(sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'), file)).toBeUndefined();
      expect(readFailure(sqliteError('SQLITE_ERROR', 'no such column: x'), file)).toBeUndefined();
      expect(readFailure(new AppError('INDEX_BUSY', 'locked'), file)).toBeUndefined();
      expect(readFailure(new TypeError('x is undefined'), file)).toBeUndefined();
      expect(readFailure(systemError('EACCES', '/web/index.html'), file)).toBeUndefined();
      expect(readFailure(systemError('ENOENT', '/web/index.html'), file)).toBeUndefined();
    });
  });
});
