import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerEvalCommand } from '../../cli/commands/eval.command.ts';
import type { EvalReport } from '../../server/eval/retrieval-eval.ts';
import { HAND_PAPERS } from '../server/search/search-fixture.ts';
import { runCommand } from '../support/run-command.ts';

let root: string;
let folder: string;

// A tiny BEIR collection: each judged query has one paper holding all its words, so BM25 ranks it first.
function writeCollection(dir: string, papers: ReadonlyArray<{ id: string; title: string; abstract?: string }>): void {
  fs.mkdirSync(path.join(dir, 'qrels'), { recursive: true });
  const corpus = papers.map((p) => JSON.stringify({ _id: p.id, title: p.title, text: p.abstract ?? '' }));
  fs.writeFileSync(path.join(dir, 'corpus.jsonl'), `${corpus.join('\n')}\n`);
  const queries = [
    { _id: 'q1', text: 'perovskite humidity' },
    { _id: 'q2', text: 'coral reef drones' },
    { _id: 'q3', text: 'citation graph' },
    { _id: 'q4', text: 'a query judged only non-relevant' },
  ];
  fs.writeFileSync(path.join(dir, 'queries.jsonl'), `${queries.map((q) => JSON.stringify(q)).join('\n')}\n`);
  fs.writeFileSync(
    path.join(dir, 'qrels', 'test.tsv'),
    'query-id\tcorpus-id\tscore\nq1\tperovskite-solar\t2\nq2\ttwo-passages\t1\nq3\tgraph-retrieval\t1\nq3\tbm25-baselines\t0\nq4\tclimate-downscaling\t0\n',
  );
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-eval-cmd-'));
  folder = path.join(root, 'tiny');
  writeCollection(folder, HAND_PAPERS);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function run(...args: string[]) {
  return runCommand(registerEvalCommand, ['eval', ...args]);
}

describe('eval command', () => {
  it('scores each mode on the judged queries and times them', async () => {
    const { stdout, exitCode } = await run(folder, '--modes', 'keyword,hybrid,semantic', '--json');
    expect(exitCode).toBeUndefined();
    const report = JSON.parse(stdout) as EvalReport;
    expect(report).toMatchObject({ collection: 'tiny', split: 'test', papers: HAND_PAPERS.length, queries: 3 });
    expect(report.index).toMatchObject({ dir: null, reused: false });
    expect(report.modes.map((m) => m.mode)).toEqual(['keyword', 'hybrid', 'semantic']);
    const keyword = report.modes[0]!;
    expect({ ndcg10: keyword.ndcg10, recall100: keyword.recall100, mrr10: keyword.mrr10 }).toEqual({
      ndcg10: 1,
      recall100: 1,
      mrr10: 1,
    });
    // Ten papers are too few for the fitted model to say how much of them it explains.
    expect(report.explainedShare).toBeNull();
    // The mean share of meaning in the scores: none for keyword, all for semantic; these queries'
    // words are each in one paper, which the fitted model leaves out, so hybrid leans on words.
    expect(keyword.denseWeight).toBe(0);
    expect(report.modes[2]!.denseWeight).toBe(1);
    expect(report.modes[1]!.denseWeight).toBe(0);
    for (const mode of report.modes) {
      expect(mode.latencyMs.p50).toBeGreaterThan(0);
      expect(mode.latencyMs.p50).toBeLessThanOrEqual(mode.latencyMs.p95);
      expect(mode.latencyMs.p95).toBeLessThanOrEqual(mode.latencyMs.p99);
    }
  });

  it('prints a table with one row per mode', async () => {
    const { stdout } = await run(folder, '--modes', 'keyword');
    expect(stdout).toContain('tiny (test): 10 papers, 3 queries; builtin embedder');
    expect(stdout).toMatch(/mode\s+nDCG@10\s+R@100\s+MRR@10\s+p50 ms\s+p95 ms\s+p99 ms\s+dense w/);
    expect(stdout).toMatch(/keyword\s+1\.000\s+1\.000\s+1\.000/);
  });

  it('builds the index into --index once and reuses it afterwards', async () => {
    const indexDir = path.join(root, 'kept-index');
    const first = JSON.parse(
      (await run(folder, '--modes', 'keyword', '--index', indexDir, '--json')).stdout,
    ) as EvalReport;
    expect(first.index).toMatchObject({ dir: indexDir, reused: false });
    const second = JSON.parse(
      (await run(folder, '--modes', 'keyword', '--index', indexDir, '--json')).stdout,
    ) as EvalReport;
    expect(second.index).toMatchObject({ dir: indexDir, reused: true });
    expect(second.modes[0]!.ndcg10).toBe(first.modes[0]!.ndcg10);
  });

  it('refuses an --index that holds another corpus', async () => {
    const other = path.join(root, 'other');
    writeCollection(other, HAND_PAPERS.slice(0, 5));
    const indexDir = path.join(root, 'other-index');
    await run(other, '--modes', 'keyword', '--index', indexDir);
    const { stdout, exitCode } = await run(folder, '--modes', 'keyword', '--index', indexDir, '--json');
    expect(exitCode).toBe(1);
    const { error } = JSON.parse(stdout);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.field).toBe('index');
    expect(error.message).toContain('does not hold the corpus');
  });

  it('names an unknown mode', async () => {
    const { stderr, exitCode } = await run(folder, '--modes', 'keyword,fuzzy');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('Unknown mode "fuzzy" in --modes');
  });

  it('reports a folder without a corpus as unreadable', async () => {
    const { stderr, exitCode } = await run(path.join(root, 'missing'));
    expect(exitCode).toBe(1);
    expect(stderr).toContain(`Cannot read ${path.join(root, 'missing', 'corpus.jsonl')}`);
  });
});
