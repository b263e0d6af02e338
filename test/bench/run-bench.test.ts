import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zBenchResult } from '../../bench/report/bench-result.schema.ts';
import { runBench } from '../../bench/run-bench.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('run-bench', () => {
  it('runs every stage end to end on 300 papers and writes a report with every figure', async () => {
    const dataDir = tempDir();
    const resultsDir = tempDir();
    const { result, files } = await runBench({
      papers: 300,
      durationSeconds: 2,
      quick: true,
      dataDir,
      resultsDir,
      command: 'npm run bench -- --papers 300 --duration 2 --quick',
      log: () => {},
    });

    const onDisk = zBenchResult.parse(JSON.parse(fs.readFileSync(files.json, 'utf8')));
    expect(onDisk).toEqual(result);
    expect(path.basename(files.json)).toMatch(/^\d{4}-\d{2}-\d{2}-300\.json$/);
    expect(files.latest).toBeNull();

    expect(result.corpus.papers).toBe(300);
    expect(result.reindex.changedPapers).toBe(3);
    expect(result.reindex.updated).toBe(3);
    expect(result.http.requests).toBeGreaterThan(0);
    expect(result.http.errors).toBe(0);
    expect(result.http.warmup.requests).toBeGreaterThan(0);
    expect(result.http.allWorkersMs).toBeGreaterThanOrEqual(result.http.coldStartMs);
    expect(result.ann.papers.curve.map((point) => point.ef)).toContain(result.ann.defaultEf);
    expect(result.ann).not.toHaveProperty('passages');
    expect(result.floor.agreement.queries).toBe(result.floor.fts.count);
    expect(result.floor.agreement.differing).toBe(0);
    expect(result.floor.ftsBuildSeconds).toBeGreaterThan(0);
    expect(result.peer.documents).toBe(300);
    expect(Object.keys(result.library).sort()).toEqual([
      'authorFilter',
      'byYear',
      'deepPage',
      'firstPage',
      'textFilter',
    ]);
    expect(result.library.firstPage.p50Ms).toBeGreaterThan(0);
    expect(result.targets.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'index-throughput',
        'reindex-seconds',
        'hybrid-p50',
        'library-p50',
        'http-throughput',
        'hnsw-recall',
        'cold-start',
        'hybrid-over-floor',
        'postings-vs-fts5',
      ]),
    );
    for (const target of result.targets) expect(Number.isFinite(target.value), target.id).toBe(true);

    const markdown = fs.readFileSync(files.markdown, 'utf8');
    for (const heading of [
      '#### Targets',
      '#### Indexing',
      '#### Queries in process',
      '#### Library listing in process',
      '#### HTTP',
      '#### ANN quality',
      '#### The limits',
      '#### Quality: Cranfield',
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('npm run bench -- --papers 300 --duration 2 --quick');
    expect(markdown).toContain('raw HNSW + bare postings');
    expect(markdown).not.toContain('Passages: recall');
  }, 300_000);
});
