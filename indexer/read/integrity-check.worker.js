// The integrity check's thread: runs SQLite's quick_check on its own read-only connection, so the
// thread that serves requests never waits for it (it reads every page: seconds on a cold 1 GB file).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

// Posts quick_check's rows, or why they could not be had with SQLite's code (SQLITE_NOTADB and
// SQLITE_CORRUPT say the file is damaged; SQLITE_CANTOPEN, EMFILE and the like say nothing of it).
let report;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    report = { rows: db.pragma('quick_check(3)').map((row) => row.quick_check) };
  } finally {
    db.close();
  }
} catch (error) {
  const code = typeof error?.code === 'string' ? error.code : undefined;
  report = { failed: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) };
}
parentPort.postMessage(report);
