// A built-in model as an older Citelens stored it (format version 1: no stored term weights, every
// term weighs its idf), made from a current state by dropping its second per-term array.
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The same model in format version 1 (the header's vocabulary size says how long each per-term array is). */
export function asVersion1(state: Buffer): Buffer {
  const terms = state.readUInt32LE(12);
  const header = Buffer.from(state.subarray(0, 32));
  header.writeUInt32LE(1, 4);
  return Buffer.concat([header, state.subarray(32, 32 + terms * 4), state.subarray(32 + 2 * terms * 4)]);
}

/** Rewrites an index's current generation as an older Citelens left it: a version 1 model and its revision. */
export function downgradeIndexModel(generationDir: string): void {
  const db = new Database(path.join(generationDir, 'index.db'));
  try {
    const state = db.prepare('SELECT state FROM embedder_state WHERE id = 1').pluck().get() as Buffer;
    const old = asVersion1(state);
    const manifest = JSON.parse(
      db.prepare("SELECT value FROM manifest WHERE key = 'manifest'").pluck().get() as string,
    );
    manifest.embedder.revision = createHash('sha256').update(old).digest('hex').slice(0, 16);
    db.prepare('UPDATE embedder_state SET state = ? WHERE id = 1').run(old);
    db.prepare("UPDATE manifest SET value = ? WHERE key = 'manifest'").run(JSON.stringify(manifest));
  } finally {
    db.close();
  }
}
