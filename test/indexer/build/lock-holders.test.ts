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
function lockLine(file: string, pid: number, inode = fs.statSync(file).ino, kind = 'WRITE'): string {
  const dev = fs.statSync(file).dev;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const major = (dev >> 8) & 0xfff;
  const minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
  return `1: POSIX  ADVISORY  ${kind.padEnd(5)} ${pid} ${hex(major)}:${hex(minor)}:${inode} 1073741824 1073742335`;
}

/** The program name the system gives process `pid`, as /proc/<pid>/comm says it. */
const programName = (pid: number) => fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();

describe('lock-holders', () => {
  // Regression (review of ed105b3): a process holding only a read lock was named as the one keeping the run out.
  it('names the processes holding a write lock on the file, once each, and none for a read lock or another file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'index.db');
    fs.writeFileSync(file, '');
    const locks = path.join(dir, 'locks');
    fs.writeFileSync(
      locks,
      [
        lockLine(file, 4242),
        lockLine(file, 4242),
        // A read lock (a server's query) keeps no reader out: its process is not named.
        lockLine(file, 99, fs.statSync(file).ino, 'READ'),
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
    expect(lockHolders(file)).toContainEqual({ pid: lock.pid, program: programName(lock.pid) });
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
