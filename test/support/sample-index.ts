// The bundled sample library (data/papers.jsonl) indexed with the builtin embedder, built once per
// test file into a temp folder that is removed after the file's tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { type Config, loadConfig, PROJECT_ROOT } from '../../core/config.ts';
import { type IndexSummary, indexPapers } from '../../indexer/index.ts';
import { IndexHolder } from '../../server/index-holder.ts';

/** The sample library that ships with the project. */
export const SAMPLE_PAPERS_FILE = path.join(PROJECT_ROOT, 'data', 'papers.jsonl');

const made: string[] = [];
const holders: IndexHolder[] = [];
let shared: Promise<string> | undefined;

afterAll(() => {
  for (const holder of holders.splice(0)) holder.close();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  shared = undefined;
});

/** The sample papers as parsed JSON records, in file order. */
export function samplePapers(): Array<Record<string, unknown> & { id: string; title: string }> {
  return fs
    .readFileSync(SAMPLE_PAPERS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/**
 * Builds a new index of `files` (default: the sample library) with the builtin embedder in a fresh
 * temp folder, removed after the test file. Use it when a test changes the index.
 */
export async function buildIndex(
  files: string[] = [SAMPLE_PAPERS_FILE],
): Promise<{ dir: string; summary: IndexSummary }> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-sample-'));
  made.push(parent);
  const dir = path.join(parent, 'index');
  const summary = await indexPapers({ indexDir: dir, files, embedder: 'builtin', offline: true });
  return { dir, summary };
}

/** The index folder of the sample library, built on first use and shared by the test file's tests (read-only). */
export function sampleIndex(): Promise<string> {
  shared ??= buildIndex().then(({ dir }) => dir);
  return shared;
}

/** An index holder serving `dir` (or nothing, when `dir` is undefined), closed after the test file. */
export async function holderFor(dir?: string): Promise<IndexHolder> {
  const holder = new IndexHolder({ offline: true });
  holders.push(holder);
  if (dir) await holder.open(dir);
  return holder;
}

/** A configuration from `env` alone (defaults otherwise), so tests do not depend on the shell's variables. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig(env);
}
