// The benchmark run: generates (or reuses) the corpus, then measures indexing, re-indexing,
// in-process queries, ANN recall, the raw-library floor, the Orama peer, the HTTP server and
// Cranfield quality, checks the targets and writes the JSON and Markdown reports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openIndex } from '../indexer/index.ts';
import { currentGeneration } from '../indexer/store/generations.ts';
import { ensureCorpus } from './corpus/corpus-files.ts';
import { GENERATOR_DEFAULTS, GENERATOR_VERSION } from './corpus/generate-papers.ts';
import { generateQueries } from './corpus/generate-queries.ts';
import { describeMachine } from './measure/machine.ts';
import { PEER_DEFAULTS, PEER_SIMILARITIES } from './peer/orama.peer.ts';
import { type BenchResult, zBenchResult } from './report/bench-result.schema.ts';
import { checkTargets } from './report/targets.ts';
import { type WrittenResults, writeResults } from './report/write-results.ts';
import { benchAnn } from './stages/ann.bench.ts';
import { benchCranfield } from './stages/cranfield.bench.ts';
import { benchFloor } from './stages/floor.bench.ts';
import { benchHttp } from './stages/http.bench.ts';
import { measureIndexStages } from './stages/index-stages.bench.ts';
import { folderBytes, PROJECT_ROOT, runIndexCommand } from './stages/indexing.bench.ts';
import { benchLibrary } from './stages/library.bench.ts';
import { benchPeer } from './stages/peer.bench.ts';
import { benchSearch } from './stages/search.bench.ts';

export const BENCH_DEFAULTS = {
  papers: 10_000,
  /** Seconds of HTTP load. */
  durationSeconds: 30,
  connections: 32,
  /** A smoke run: fewer queries and rounds (the figures are all there, the samples are small). */
  quick: false,
  /** Where the corpus is cached (default bench/data). */
  dataDir: undefined as string | undefined,
  /** Where reports are written (default bench/results). */
  resultsDir: undefined as string | undefined,
  cranfieldDir: path.resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'cranfield'),
  /** The command line shown in the report. */
  command: 'npm run bench',
  /** Where progress lines go. */
  log: ((message: string) => {
    process.stderr.write(`[bench] ${message}\n`);
  }) as (message: string) => void,
};

export type BenchOptions = typeof BENCH_DEFAULTS;

const HNSW_EF_CURVE = [10, 16, 32, 64, 128, 256];

/** Runs the whole benchmark and writes its reports; returns the result and where it was written. */
export async function runBench(
  options: Partial<BenchOptions> = {},
): Promise<{ result: BenchResult; files: WrittenResults }> {
  const opts: BenchOptions = { ...BENCH_DEFAULTS, ...options };
  const { log } = opts;
  const began = performance.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-bench-'));
  try {
    const machine = describeMachine();
    log(`${machine.cpu}, ${machine.cores} cores; ${opts.papers} papers; work folder ${workDir}`);

    const start = performance.now();
    const corpus = ensureCorpus(opts.papers, opts.dataDir ? { dataDir: opts.dataDir } : {});
    const generateSeconds = (performance.now() - start) / 1000;
    const queries = generateQueries(opts.quick ? 40 : 300).map((q) => q.text);
    const rounds = opts.quick ? 1 : 2;

    log('indexing with `citelens index` …');
    const indexDir = path.join(workDir, 'index');
    const full = await runIndexCommand(corpus.file, indexDir);
    const indexBytes = folderBytes(currentGeneration(indexDir)!.dir);
    log(
      `  ${full.wallSeconds.toFixed(1)} s, ${full.papersPerSecond.toFixed(0)} papers/s, peak RSS ${(full.peakRssBytes / 2 ** 20).toFixed(0)} MB`,
    );

    log('re-indexing with 1% of papers changed …');
    const re = await runIndexCommand(corpus.changedFile, indexDir);
    log(`  ${re.wallSeconds.toFixed(1)} s, ${re.summary.updated} updated`);

    log('timing indexing stages in process …');
    const detail = await measureIndexStages(corpus.file);

    log('in-process queries, ANN recall and the raw-library floor …');
    const reader = await openIndex(indexDir, { offline: true });
    let search: Awaited<ReturnType<typeof benchSearch>>;
    let library: Awaited<ReturnType<typeof benchLibrary>>;
    let ann: Awaited<ReturnType<typeof benchAnn>>;
    let floor: Awaited<ReturnType<typeof benchFloor>>;
    try {
      search = await benchSearch(reader, queries, { rounds });
      library = await benchLibrary(reader, { rounds: opts.quick ? 3 : 20 });
      // Exact search scans every paper vector per query: about 50 ms at 100k papers, so every query fits.
      ann = await benchAnn(reader, queries, HNSW_EF_CURVE);
      floor = await benchFloor(reader, queries);
    } finally {
      reader.close();
    }
    log(
      `  hybrid p50 ${search.hybrid.p50Ms.toFixed(2)} ms, recall@10 ${ann.papers.recallAt10.toFixed(3)}, ` +
        `FTS5 table built in ${floor.ftsBuildSeconds.toFixed(1)} s, postings top-${floor.k} differ from FTS5 on ` +
        `${floor.agreement.differing} of ${floor.agreement.queries} queries`,
    );

    log('the peer (@orama/orama) …');
    // Orama scans every vector and every matching posting per query: 100 queries keep it to minutes at 100k.
    const peer = await benchPeer(indexDir, queries.slice(0, 100), workDir);

    log(`HTTP: cold start, warm-up and ${opts.durationSeconds} s of load …`);
    const http = await benchHttp(indexDir, queries, {
      connections: opts.connections,
      durationSeconds: opts.durationSeconds,
      ...(opts.quick ? { warmupSeconds: 1 } : {}),
    });
    log(
      `  ${http.requestsPerSecond.toFixed(0)} req/s, ${http.errors} errors, cold start ${http.coldStartMs.toFixed(0)} ms`,
    );

    let cranfield: BenchResult['cranfield'];
    if (fs.existsSync(path.join(opts.cranfieldDir, 'corpus.jsonl'))) {
      log('Cranfield: Citelens and the peer …');
      const similarities = opts.quick ? [PEER_DEFAULTS.similarity] : PEER_SIMILARITIES;
      cranfield = { skipped: false, ...(await benchCranfield(opts.cranfieldDir, workDir, { similarities })) };
    } else {
      cranfield = { skipped: true, reason: `no BEIR corpus at ${opts.cranfieldDir}` };
    }

    const measured: Omit<BenchResult, 'targets'> = {
      version: 2,
      date: new Date().toISOString(),
      command: opts.command,
      options: {
        papers: opts.papers,
        durationSeconds: opts.durationSeconds,
        quick: opts.quick,
        queries: queries.length,
      },
      machine,
      corpus: {
        papers: full.summary.papers,
        passages: full.summary.passages,
        fileBytes: corpus.bytes,
        seed: GENERATOR_DEFAULTS.seed,
        generatorVersion: GENERATOR_VERSION,
        generateSeconds,
      },
      indexing: {
        wallSeconds: full.wallSeconds,
        cpuSeconds: full.cpuSeconds,
        papersPerSecond: full.papersPerSecond,
        peakRssBytes: full.peakRssBytes,
        reportedSeconds: full.summary.seconds,
        stages: full.summary.stages,
        indexBytes,
        detail: {
          parseSeconds: detail.parseSeconds,
          passagesSeconds: detail.passagesSeconds,
          fitSeconds: detail.fitSeconds,
          embedSeconds: detail.embedSeconds,
        },
      },
      reindex: {
        wallSeconds: re.wallSeconds,
        cpuSeconds: re.cpuSeconds,
        papersPerSecond: re.papersPerSecond,
        peakRssBytes: re.peakRssBytes,
        reportedSeconds: re.summary.seconds,
        stages: re.summary.stages,
        changedPapers: corpus.changed,
        updated: re.summary.updated,
      },
      search,
      library,
      http,
      ann,
      floor: {
        ...floor,
        hybridOverFloor: search.hybrid.p50Ms / floor.combined.p50Ms,
        hybridOverPostingsFloor: search.hybrid.p50Ms / floor.combinedPostings.p50Ms,
      },
      peer,
      cranfield,
      totalSeconds: (performance.now() - began) / 1000,
      loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    };
    const result: BenchResult = { ...measured, targets: checkTargets(measured) };
    // A quick run never replaces the report the README embeds.
    const files = writeResults(result, opts.resultsDir, { latest: !opts.quick });
    log(`wrote ${files.json} and ${files.markdown}`);
    const checked = zBenchResult.safeParse(result);
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`The benchmark result in ${files.json} is missing figures: ${problems}`);
    }
    return { result: checked.data, files };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
