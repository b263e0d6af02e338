// The benchmark result, defined once: what bench/results/<date>-<n>.json holds. The Markdown
// report is rendered from it and the smoke test checks a run against it.
import { z } from 'zod';

const zSeconds = z.number().nonnegative();
const zBytes = z.number().int().nonnegative();
const zRatio = z.number().min(0).max(1);

export const zLatency = z.object({
  count: z.number().int().positive(),
  meanMs: z.number().nonnegative(),
  p50Ms: z.number().nonnegative(),
  p95Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
});

const zStages = z.object({ read: zSeconds, embed: zSeconds, store: zSeconds, vectors: zSeconds, publish: zSeconds });

const zIndexRun = z.object({
  wallSeconds: zSeconds,
  cpuSeconds: zSeconds,
  papersPerSecond: z.number().positive(),
  peakRssBytes: zBytes.positive(),
  /** Seconds reported by indexPapers itself (no process start-up). */
  reportedSeconds: zSeconds,
  stages: zStages,
});

const zGraphRecall = z.object({
  vectors: z.number().int().positive(),
  recallAt10: zRatio,
  curve: z.array(z.object({ ef: z.number().int().positive(), recallAt10: zRatio, latency: zLatency })).min(2),
  exactLatency: zLatency,
});

export const zTargetCheck = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number(),
  /** e.g. "≤ 180 s". */
  target: z.string(),
  pass: z.boolean(),
});
export type TargetCheck = z.infer<typeof zTargetCheck>;

export const zBenchResult = z.object({
  /** 2: one HNSW graph (papers) and a floor with its own FTS5 table beside Citelens' postings. */
  version: z.literal(2),
  date: z.string(),
  command: z.string(),
  options: z.object({
    papers: z.number().int().positive(),
    durationSeconds: z.number().positive(),
    quick: z.boolean(),
    queries: z.number().int().positive(),
  }),
  machine: z.object({
    cpu: z.string(),
    cores: z.number().int().positive(),
    memoryGiB: z.number().positive(),
    os: z.string(),
    node: z.string(),
    sqlite: z.string(),
    packages: z.record(z.string(), z.string()),
    gitCommit: z.string().nullable(),
    loadAverageAtStart: z.number().nonnegative(),
  }),
  corpus: z.object({
    papers: z.number().int().positive(),
    passages: z.number().int().positive(),
    fileBytes: zBytes,
    seed: z.string(),
    generatorVersion: z.number().int(),
    generateSeconds: zSeconds,
  }),
  indexing: zIndexRun.extend({
    indexBytes: zBytes.positive(),
    /** The same stages timed one by one in process (indexPapers folds passages into embed and the fit into store). */
    detail: z.object({
      parseSeconds: zSeconds,
      passagesSeconds: zSeconds,
      fitSeconds: zSeconds,
      embedSeconds: zSeconds,
    }),
  }),
  reindex: zIndexRun.extend({ changedPapers: z.number().int().positive(), updated: z.number().int().nonnegative() }),
  search: z.object({ keyword: zLatency, semantic: zLatency, hybrid: zLatency }),
  /** The library listing (GET /api/library) in process, per kind of request (bench/stages/library.bench.ts). */
  library: z.object({
    firstPage: zLatency,
    byYear: zLatency,
    deepPage: zLatency,
    textFilter: zLatency,
    authorFilter: zLatency,
  }),
  http: z.object({
    coldStartMs: z.number().positive(),
    /** Spawn to every worker serving. */
    allWorkersMs: z.number().positive(),
    /** Spawn to the end of the workers' background start-up work (integrity check, statistics). */
    settledMs: z.number().positive(),
    /** The load before the measured one (its requests fill each worker's caches). */
    warmup: z.object({
      seconds: z.number().nonnegative(),
      requests: z.number().int().nonnegative(),
      errors: z.number().int().nonnegative(),
      p99Ms: z.number(),
      maxMs: z.number(),
    }),
    /** Server processes answering (`serve --workers`). */
    workers: z.number().int().positive(),
    connections: z.number().int().positive(),
    durationSeconds: z.number().positive(),
    requests: z.number().int().positive(),
    requestsPerSecond: z.number().positive(),
    errors: z.number().int().nonnegative(),
    non2xx: z.number().int().nonnegative(),
    timeouts: z.number().int().nonnegative(),
    latency: z.object({
      p50Ms: z.number(),
      p90Ms: z.number(),
      p97_5Ms: z.number(),
      p99Ms: z.number(),
      maxMs: z.number(),
    }),
    serverPeakRssBytes: zBytes.positive(),
    serverRssAfterBytes: zBytes.positive(),
    /** Server CPU seconds (all its processes) over the load, per second of load: 1 = one core busy. */
    serverCoresBusy: z.number().nonnegative(),
  }),
  ann: z.object({
    defaultEf: z.number().int().positive(),
    queries: z.number().int().positive(),
    /** The paper graph, the index's only one. */
    papers: zGraphRecall,
  }),
  floor: z.object({
    k: z.number().int().positive(),
    ef: z.number().int().positive(),
    hnsw: zLatency,
    /** A bare FTS5 query on a table the benchmark builds on the same papers (the index has none). */
    fts: zLatency,
    /** The bare query on Citelens' own BM25 postings. */
    postings: zLatency,
    /** Raw HNSW + bare FTS5: the floor. */
    combined: zLatency,
    /** Raw HNSW + bare postings. */
    combinedPostings: zLatency,
    embedQuery: zLatency,
    /** Building the FTS5 table: reading and analyzing the papers, one transaction, 'optimize'. */
    ftsBuildSeconds: zSeconds,
    /** The postings' top k against FTS5's, query by query. */
    agreement: z.object({
      queries: z.number().int().positive(),
      /** Docs in FTS5's top-k lists over every query. */
      hits: z.number().int().nonnegative(),
      /** Queries whose ordered top-k docs differ beyond exact score ties. */
      differing: z.number().int().nonnegative(),
      maxScoreDifference: z.number().nonnegative(),
    }),
    /** Citelens hybrid p50 over the combined floor p50. */
    hybridOverFloor: z.number().positive(),
    /** Citelens hybrid p50 over (raw HNSW + bare postings) p50. */
    hybridOverPostingsFloor: z.number().positive(),
  }),
  peer: z.object({
    name: z.string(),
    documents: z.number().int().positive(),
    insertSeconds: zSeconds,
    documentsPerSecond: z.number().positive(),
    peakRssBytes: zBytes.positive(),
    hybrid: zLatency,
  }),
  cranfield: z.union([
    z.object({
      skipped: z.literal(false),
      documents: z.number().int().positive(),
      queries: z.number().int().positive(),
      citelens: z.object({
        indexSeconds: zSeconds,
        ndcg10: z.object({ keyword: zRatio, semantic: zRatio, hybrid: zRatio }),
        hybrid: zLatency,
      }),
      peer: z.object({
        insertSeconds: zSeconds,
        similarity: z.number(),
        ndcg10: zRatio,
        hybrid: zLatency,
        bySimilarity: z.array(z.object({ similarity: z.number(), ndcg10: zRatio })),
      }),
    }),
    z.object({ skipped: z.literal(true), reason: z.string() }),
  ]),
  targets: z.array(zTargetCheck),
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: z.number().nonnegative(),
  totalSeconds: zSeconds,
});

export type BenchResult = z.infer<typeof zBenchResult>;
