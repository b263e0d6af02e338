// Who holds a write lock on a file, as far as the system tells: on Linux, /proc/locks lists each POSIX lock
// (SQLite's) with the process that holds it, whose program name says what it is (sqlite3, a backup tool).
// Only write locks keep a reader out (SQLite's PENDING and EXCLUSIVE); a read lock (a server's query) does not.
// A file whose device /proc/locks numbers differently than stat does (btrfs) finds no holder.
import fs from 'node:fs';

/** A process holding a lock on a file: its id, and its program's name (empty when it cannot be read). */
export type LockHolder = { pid: number; program: string };

// The program's name only, never its arguments, which may hold what is not ours to show (a tool's password).
function programOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * The processes holding a write lock on `file` (none where the system does not say: not Linux, the file
 * gone, a device numbered otherwise), each once. A lock held by `process.pid` itself is listed too: a
 * connection of this process.
 */
export function lockHolders(file: string, locksFile = '/proc/locks'): LockHolder[] {
  let stat: fs.Stats;
  let locks: string;
  try {
    stat = fs.statSync(file);
    locks = fs.readFileSync(locksFile, 'utf8');
  } catch {
    return [];
  }
  // /proc/locks names a file as major:minor:inode, the device numbers in hexadecimal.
  const major = (stat.dev >> 8) & 0xfff;
  const minor = (stat.dev & 0xff) | ((stat.dev >> 12) & 0xfff00);
  const pids = new Set<number>();
  for (const line of locks.split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 13813 fe:00:5103802 1073741824 1073742335"
    const match = /^\d+:\s+\S+\s+\S+\s+WRITE\s+(-?\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/.exec(line);
    if (!match || Number(match[4]) !== stat.ino) continue;
    if (Number.parseInt(match[2]!, 16) !== major || Number.parseInt(match[3]!, 16) !== minor) continue;
    const pid = Number(match[1]);
    if (pid > 0) pids.add(pid);
  }
  return [...pids].map((pid) => ({ pid, program: programOf(pid) }));
}

/** The holders as a message says them: "process 4242 (sqlite3)", joined with "and". */
export function describeLockHolders(holders: readonly LockHolder[]): string {
  const each = holders.map(({ pid, program }) => `process ${pid}${program ? ` (${program})` : ''}`);
  return each.length <= 1 ? (each[0] ?? '') : `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
}
