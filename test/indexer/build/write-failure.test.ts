import { describe, expect, it } from 'vitest';
import { describeWriteFailure } from '../../../indexer/build/write-failure.ts';

/** An error as Node or SQLite reports one, with its `code`. */
const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('write-failure', () => {
  it('reports a lock met while writing as INDEX_BUSY, not as a failure to write the disk', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      expect(describeWriteFailure(coded(code, 'database is locked'), '/i', 1)).toMatchObject({
        code: 'INDEX_BUSY',
        message: `Could not write the index in /i: a database is locked by another connection (${code}). Nothing was changed.`,
      });
    }
  });

  it('reports no file handles or memory left as RESOURCES_EXHAUSTED, whose hint is not free disk space', () => {
    const failed = describeWriteFailure(coded('EMFILE', 'EMFILE: too many open files, open'), '/i', 1);
    expect(failed).toMatchObject({
      code: 'RESOURCES_EXHAUSTED',
      message: 'Could not write the index in /i: too many open files in this process (EMFILE). Nothing was changed.',
    });
    expect(failed.hint).toMatch(/ulimit -n/);
    expect(describeWriteFailure(coded('SQLITE_NOMEM', 'out of memory'), '/i', 1).code).toBe('RESOURCES_EXHAUSTED');
  });

  it('keeps INDEX_WRITE_FAILED for the disk refusing the write', () => {
    expect(describeWriteFailure(coded('EROFS', 'read-only'), '/i', undefined)).toMatchObject({
      code: 'INDEX_WRITE_FAILED',
      message: 'Could not write the index in /i: the file system is read-only.',
    });
  });
});
