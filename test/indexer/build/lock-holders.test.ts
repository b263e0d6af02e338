import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeLockHolders, lockHolders } from '../../../indexer/build/lock-holders.ts';
import { type ChildLock, lockDatabaseInChild } from '../../support/system-failures.ts';
import { tempDir } from '../../support/temp-dir.ts';

let lock: ChildLock | undefined;
afterEach(async () => {
  await lock?.release();
  lock = undefined;
});

/** /proc/locks' line for a lock on `file` held by `pid`. */
function lockLine(file: string, pid: number, inode = fs.statSync(file).ino): string {
  const dev = fs.statSync(file).dev;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const major = (dev >> 8) & 0xfff;
  const minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
  return `1: POSIX  ADVISORY  WRITE ${pid} ${hex(major)}:${hex(minor)}:${inode} 1073741824 1073742335`;
}

describe('lock-holders', () => {
  it('names the processes holding a lock on the file, once each, and none for another file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'index.db');
    fs.writeFileSync(file, '');
    const locks = path.join(dir, 'locks');
    fs.writeFileSync(
      locks,
      [
        lockLine(file, 4242),
        lockLine(file, 4242),
        lockLine(file, 77, fs.statSync(file).ino + 1),
        `2: OFDLCK ADVISORY  READ  -1 00:00:${fs.statSync(file).ino} 0 EOF`,
        '',
      ].join('\n'),
    );
    expect(lockHolders(file, locks).map(({ pid }) => pid)).toEqual([4242]);
    expect(lockHolders(path.join(dir, 'missing'), locks)).toEqual([]);
    expect(lockHolders(file, path.join(dir, 'no-locks-file'))).toEqual([]);
  });

  it('finds a real lock held by another process, with its program', async (context) => {
    if (!fs.existsSync('/proc/locks')) context.skip();
    const file = path.join(tempDir(), 'index.db');
    new Database(file).exec('CREATE TABLE t (x)');
    lock = await lockDatabaseInChild(file);
    expect(lockHolders(file)).toContainEqual({ pid: lock.pid, program: 'node' });
  });

  it('says the holders as a sentence names them', () => {
    expect(describeLockHolders([])).toBe('');
    expect(describeLockHolders([{ pid: 1, program: 'sqlite3' }])).toBe('process 1 (sqlite3)');
    expect(
      describeLockHolders([
        { pid: 1, program: 'sqlite3' },
        { pid: 2, program: '' },
        { pid: 3, program: 'rsync' },
      ]),
    ).toBe('process 1 (sqlite3), process 2 and process 3 (rsync)');
  });
});
