// Real failures of the system to give a file, caused in this process: a file its mode forbids to the
// user (root, who reads any file, drops to another user for the call), every file handle taken, a lock.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';

const NOBODY = 65534;

/**
 * Calls `run` as a user the file modes apply to: as root (who reads any file whatever its mode)
 * the effective user is another one for the synchronous part of `run` only. The folders on the path
 * of the files it reads must let others in (`chmod 755`).
 */
export function asUnprivileged<T>(run: () => T): T {
  const root = process.geteuid?.() === 0;
  if (root) process.seteuid?.(NOBODY);
  try {
    return run();
  } finally {
    if (root) process.seteuid?.(0);
  }
}

/**
 * Calls `run` with every file handle of this process taken (each open fails with EMFILE) for its
 * synchronous part, by opening `file` until the limit; undefined (without calling `run`) when the
 * limit is above `maxHandles`, too many to take.
 */
export function withFileHandlesExhausted<T>(
  file: string,
  run: () => T,
  maxHandles = 100_000,
): { value: T } | undefined {
  const held: number[] = [];
  try {
    while (held.length < maxHandles) {
      try {
        held.push(fs.openSync(file, 'r'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EMFILE') throw error;
        return { value: run() };
      }
    }
    return undefined;
  } finally {
    for (const fd of held) fs.closeSync(fd);
  }
}

/**
 * Holds an exclusive lock on the SQLite database `file` from another connection (as a sqlite3 shell's
 * `BEGIN EXCLUSIVE` does) until the returned function is called.
 */
export function lockDatabase(file: string): () => void {
  const other = new Database(file);
  other.exec('BEGIN EXCLUSIVE');
  return () => {
    other.exec('ROLLBACK');
    other.close();
  };
}

/** A lock held by another process: its id, and how to end it (the process exits). */
export type ChildLock = { pid: number; release: () => Promise<void> };

/**
 * Holds an exclusive lock on the SQLite database `file` from another process (as a sqlite3 shell
 * would) until `release` is called; resolves once the lock is held.
 */
export function lockDatabaseInChild(file: string): Promise<ChildLock> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const Database = require(${JSON.stringify(sqlite)});
const db = new Database(${JSON.stringify(file)});
db.exec('BEGIN EXCLUSIVE');
process.stdout.write('locked\\n');
process.stdin.on('data', () => {}).on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the locking process exited with ${code} before it locked`)));
    child.stdout.once('data', () =>
      resolve({
        pid: child.pid!,
        release: () => {
          child.stdin.end();
          return exited;
        },
      }),
    );
  });
}
