// The manifest: what an index generation holds and how it was built, stored in its database.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { zEmbedderInfo } from '../embedders/embedder.ts';
import { fileCrc32 } from '../vectors/hnsw-file-check.ts';
import type { Db } from './database.ts';
import { FILES } from './generations.ts';

export const zManifest = z.object({
  generation: z.number().int().positive(),
  builtAt: z.string(),
  embedder: zEmbedderInfo,
  papers: z.number().int().nonnegative(),
  passages: z.number().int().nonnegative(),
  /** Next unused paper and passage numbers: numbers are never reused, so vector labels stay unique. */
  nextDoc: z.number().int().positive(),
  nextPid: z.number().int().positive(),
  /** Papers in the corpus when the builtin embedder was fitted (0 for other embedders). */
  fittedOnPapers: z.number().int().nonnegative(),
  /**
   * The analyzer version (text/analyze.ts) that made the keyword postings and the builtin embedder's
   * vocabulary; indexes made before it was recorded have none (version 1).
   */
  analyzer: z.number().int().positive().optional(),
  hnsw: z.object({ m: z.number().int(), efConstruction: z.number().int() }),
  /** Byte size and CRC-32 of the vector file, checked when the index is opened (older indexes have no CRC). */
  files: z.object({
    papers: z.number().int().nonnegative(),
    papersCrc32: z.number().int().nonnegative().optional(),
  }),
});
export type Manifest = z.infer<typeof zManifest>;

/** The analyzer version that made the index's terms. */
export function analyzerVersionOf(manifest: Manifest): number {
  return manifest.analyzer ?? 1;
}

export function readManifest(db: Db): Manifest | undefined {
  const value = db.prepare("SELECT value FROM manifest WHERE key = 'manifest'").pluck().get() as string | undefined;
  return value === undefined ? undefined : zManifest.parse(JSON.parse(value));
}

/**
 * Stores the manifest. The vector file is written before the manifest that closes a generation, so
 * when the file beside the database has the recorded size its CRC-32 is recorded too.
 */
export function writeManifest(db: Db, manifest: Manifest): void {
  const vectors = path.join(path.dirname(db.name), FILES.papers);
  if (manifest.files.papersCrc32 === undefined && fs.existsSync(vectors)) {
    if (fs.statSync(vectors).size === manifest.files.papers) {
      manifest = { ...manifest, files: { ...manifest.files, papersCrc32: fileCrc32(vectors) } };
    }
  }
  db.prepare("INSERT OR REPLACE INTO manifest (key, value) VALUES ('manifest', ?)").run(JSON.stringify(manifest));
}

export function readEmbedderState(db: Db): Buffer | null {
  return (db.prepare('SELECT state FROM embedder_state WHERE id = 1').pluck().get() as Buffer | undefined) ?? null;
}

export function writeEmbedderState(db: Db, state: Buffer | null): void {
  db.prepare('DELETE FROM embedder_state').run();
  if (state) db.prepare('INSERT INTO embedder_state (id, state) VALUES (1, ?)').run(state);
}
