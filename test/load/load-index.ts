// The index the load test serves: the synthetic library of a given size indexed with the builtin
// embedder, built once and cached in a folder named after its size, seed and corpus version.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexPapers, openIndex } from '../../indexer/index.ts';
import { LOAD_CORPUS_VERSION, type LoadPaper, loadPapers } from './load-corpus.ts';

/** Where load indexes are cached between runs. */
export const LOAD_CACHE_DIR = path.join(os.tmpdir(), 'citelens-load');

export type LoadIndex = {
  indexDir: string;
  papers: LoadPaper[];
  /** False when a cached index was reused. */
  built: boolean;
  /** Seconds spent building (0 when reused). */
  buildSeconds: number;
};

// A cached index is reused only when it opens and holds exactly the papers asked for; anything
// else (a killed build, an older index format) is thrown away and built again.
async function usable(indexDir: string, count: number): Promise<boolean> {
  try {
    const reader = await openIndex(indexDir, { offline: true });
    try {
      return reader.manifest.papers === count;
    } finally {
      reader.close();
    }
  } catch {
    return false;
  }
}

/** The load index of `count` papers, reused from `cacheDir` when a complete one is there. */
export async function ensureLoadIndex(options: { count: number; seed: number; cacheDir?: string }): Promise<LoadIndex> {
  const { count, seed } = options;
  const folder = path.join(options.cacheDir ?? LOAD_CACHE_DIR, `v${LOAD_CORPUS_VERSION}-${count}-papers-seed-${seed}`);
  const indexDir = path.join(folder, 'index');
  const papers = loadPapers(count, seed);
  if (await usable(indexDir, count)) return { indexDir, papers, built: false, buildSeconds: 0 };

  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'papers.jsonl');
  fs.writeFileSync(file, `${papers.map((paper) => JSON.stringify(paper)).join('\n')}\n`);
  const started = performance.now();
  await indexPapers({ indexDir, files: [file], embedder: 'builtin', offline: true });
  return { indexDir, papers, built: true, buildSeconds: (performance.now() - started) / 1000 };
}
