// The integrity check's thread: runs SQLite's quick_check on its own read-only connection, so the
// thread that serves requests never waits for it (it reads every page: seconds on a cold 1 GB file).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

let rows;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    rows = db.pragma('quick_check(3)').map((row) => row.quick_check);
  } finally {
    db.close();
  }
} catch (error) {
  rows = [error instanceof Error ? error.message : String(error)];
}
parentPort.postMessage(rows);
