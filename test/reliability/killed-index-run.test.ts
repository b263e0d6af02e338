import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type IndexReader, openIndex } from '../../indexer/index.ts';
import { runCli, startCli } from '../support/run-cli.ts';
import { syntheticPapers, writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

const KILLS = 20;
const QUERIES = [
  'attention heads sink',
  'retrieval citations evidence',
  'quantization kernels latency',
  'reward policy',
];

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

async function answers(indexDir: string): Promise<{ papers: number; results: string[][] }> {
  const reader: IndexReader = await openIndex(indexDir);
  try {
    const results: string[][] = [];
    for (const query of QUERIES) {
      const vector = await reader.embedQuery(query);
      results.push(reader.searchPapersDense(vector, 5).map((h) => reader.getPaperByDoc(h.label)!.id));
      results.push(reader.searchKeyword(query.split(' '), 5).map((h) => reader.getPaperByDoc(h.label)!.id));
    }
    return { papers: reader.manifest.papers, results };
  } finally {
    reader.close();
  }
}

describe('an index run killed at random moments', () => {
  it(`leaves the previous index answering as before after each of ${KILLS} kills, and a re-run completes`, async () => {
    const indexDir = tempDir();
    const inputDir = tempDir();
    const records = syntheticPapers(3000, 7);
    const small = writeJsonl(inputDir, 'small.jsonl', records.slice(0, 800));
    const full = writeJsonl(inputDir, 'full.jsonl', records);
    const first = await runCli(['index', small, '--index', indexDir, '--embedder', 'builtin', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const before = await answers(indexDir);
    expect(before.papers).toBe(800);
    const pristine = tempDir();
    fs.cpSync(indexDir, pristine, { recursive: true });

    // How long a whole run takes, so kills land anywhere inside one.
    const timed = tempDir();
    fs.cpSync(indexDir, timed, { recursive: true });
    const began = Date.now();
    const probe = await runCli(['index', full, '--index', timed, '--embedder', 'builtin', '--json']);
    expect(probe.code, probe.stderr).toBe(0);
    const runMs = Date.now() - began;

    const random = seeded(42);
    let finished = 0;
    for (let i = 0; i < KILLS; i++) {
      const child = startCli(['index', full, '--index', indexDir, '--embedder', 'builtin', '--json']);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 150 + random() * runMs * 0.9));
      child.kill('SIGKILL');
      await exited;
      const after = await answers(indexDir);
      if (after.papers === 3000) {
        // The kill came after the new generation was published: the run had finished. Start again from the old index.
        finished++;
        fs.rmSync(indexDir, { recursive: true });
        fs.cpSync(pristine, indexDir, { recursive: true });
        continue;
      }
      expect(after).toEqual(before);
    }
    expect(finished).toBeLessThan(KILLS / 2);
    const rerun = await runCli(['index', full, '--index', indexDir, '--embedder', 'builtin', '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout).papers).toBe(3000);
    expect(fs.readdirSync(indexDir).filter((e) => e.startsWith('.build-'))).toEqual([]);
    expect(fs.existsSync(path.join(indexDir, 'LOCK'))).toBe(false);
  }, 240_000);
});
