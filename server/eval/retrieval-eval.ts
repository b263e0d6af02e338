// Measures retrieval on a BEIR test collection: nDCG@10, Recall@100 and MRR@10 as trec_eval computes
// them, and query latency, per search mode, over an index of its corpus built (or reused) here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { type EmbedderInfo, type IndexReader, indexPapers, openIndex } from '../../indexer/index.ts';
import type { ParsedSearchRequest, SearchMode } from '../search/search.schema.ts';
import { rankPapers, runSearch } from '../search/search.service.ts';
import { type BeirCollection, readBeirCollection } from './beir.ts';
import { meanMetrics, percentile, type QueryMetrics, queryMetrics } from './metrics.ts';

export const EVAL_DEFAULTS = {
  split: 'test',
  modes: ['keyword', 'semantic', 'hybrid'] as SearchMode[],
  /** Ranking depth scored per query (Recall@100 needs 100). */
  depth: 100,
  /** Latency is timed on the page a person asks for: the API's default k. */
  pageSize: 10,
  /** Queries run untimed first, so compilation and cold caches do not count as latency. */
  warmupQueries: 5,
};

export type LatencyMs = { p50: number; p95: number; p99: number };

/** A mode's metrics, latency, and its mean dense weight over the queries (0 keyword, 1 semantic, per query for hybrid). */
export type ModeReport = QueryMetrics & { mode: SearchMode; latencyMs: LatencyMs; denseWeight: number };

export type EvalReport = {
  collection: string;
  split: string;
  papers: number;
  queries: number;
  embedder: EmbedderInfo;
  /** How much of the library the fitted model explains (a diagnostic); null when it does not say. */
  explainedShare: number | null;
  /** The index used: null dir for a temporary one; reused when --index already held the corpus. */
  index: { dir: string | null; reused: boolean; seconds: number };
  modes: ModeReport[];
};

export type EvalOptions = {
  folder: string;
  split?: string;
  modes?: SearchMode[];
  /** Index folder to reuse (when it holds this corpus) or to build into (when it holds no index). */
  indexDir?: string;
  onNotice?: (message: string) => void;
  onProgress?: (event: { mode: SearchMode; done: number; total: number }) => void;
};

async function openIfPresent(dir: string): Promise<IndexReader | undefined> {
  try {
    return await openIndex(dir);
  } catch (error) {
    if (error instanceof AppError && error.code === 'INDEX_NOT_FOUND') return undefined;
    throw error;
  }
}

// An index holds the corpus when it has exactly the corpus's documents, no more and no fewer.
function checkHoldsCorpus(reader: IndexReader, collection: BeirCollection, ids: ReadonlyMap<number, string>): void {
  const corpus = new Set(collection.corpusIds);
  const indexed = new Set(ids.values());
  const extra = [...indexed].filter((id) => !corpus.has(id));
  const missing = collection.corpusIds.filter((id) => !indexed.has(id));
  if (extra.length > 0 || missing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The index in ${reader.dir} does not hold the corpus of ${collection.folder}: ${extra.length} of its papers are not in the corpus and ${missing.length} corpus documents are not in it.`,
      { field: 'index', extra: extra.slice(0, 5), missing: missing.slice(0, 5) },
    );
  }
}

function paperIds(reader: IndexReader): Map<number, string> {
  const ids = new Map<number, string>();
  for (const { doc, paper } of reader.papers.all()) ids.set(doc, paper.id);
  return ids;
}

/** Runs the evaluation described by the options and returns its report. */
export async function evaluateRetrieval(options: EvalOptions): Promise<EvalReport> {
  const split = options.split ?? EVAL_DEFAULTS.split;
  const modes = options.modes ?? EVAL_DEFAULTS.modes;
  const collection = readBeirCollection(options.folder, split);
  if (collection.queries.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `No query of ${collection.folder} has a relevant document in qrels/${split}.tsv.`,
      {
        field: 'split',
      },
    );
  }
  const temporary = options.indexDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-eval-'));
  const indexDir = options.indexDir ? path.resolve(options.indexDir) : temporary!;
  let reader: IndexReader | undefined;
  try {
    const began = performance.now();
    reader = await openIfPresent(indexDir);
    const reused = reader !== undefined;
    if (!reader) {
      await indexPapers({
        indexDir,
        files: [collection.corpusFile],
        format: 'jsonl',
        embedder: 'builtin',
        skipInvalid: true,
        ...(options.onNotice ? { onNotice: options.onNotice } : {}),
      });
      reader = await openIndex(indexDir);
    }
    const seconds = (performance.now() - began) / 1000;
    const ids = paperIds(reader);
    checkHoldsCorpus(reader, collection, ids);
    const reports: ModeReport[] = [];
    for (const mode of modes) reports.push(await evaluateMode(reader, collection, mode, ids, options.onProgress));
    return {
      collection: collection.name,
      split,
      papers: ids.size,
      queries: collection.queries.length,
      embedder: reader.manifest.embedder,
      explainedShare: reader.embedder.explainedShare ?? null,
      index: { dir: temporary ? null : indexDir, reused, seconds },
      modes: reports,
    };
  } finally {
    reader?.close();
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  }
}

async function evaluateMode(
  reader: IndexReader,
  collection: BeirCollection,
  mode: SearchMode,
  ids: ReadonlyMap<number, string>,
  onProgress: EvalOptions['onProgress'],
): Promise<ModeReport> {
  // Built directly rather than parsed: some test-collection queries are longer than the API accepts.
  const request = (query: string, k: number): ParsedSearchRequest => ({
    query,
    mode,
    k,
    offset: 0,
    filters: {},
    sort: 'relevance',
  });
  for (const { text } of collection.queries.slice(0, EVAL_DEFAULTS.warmupQueries)) {
    await runSearch(reader, request(text, EVAL_DEFAULTS.pageSize));
  }
  const perQuery: QueryMetrics[] = [];
  const latencies: number[] = [];
  let denseWeights = 0;
  const total = collection.queries.length;
  for (const [i, { text, judgments }] of collection.queries.entries()) {
    const ranking = await rankPapers(reader, request(text, EVAL_DEFAULTS.depth), EVAL_DEFAULTS.depth);
    const ranked = ranking.ranked.slice(0, EVAL_DEFAULTS.depth).map((r) => ids.get(r.doc) ?? `#${r.doc}`);
    perQuery.push(queryMetrics(ranked, judgments));
    denseWeights += ranking.denseWeight;
    const began = performance.now();
    await runSearch(reader, request(text, EVAL_DEFAULTS.pageSize));
    latencies.push(performance.now() - began);
    onProgress?.({ mode, done: i + 1, total });
  }
  return {
    mode,
    ...meanMetrics(perQuery),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    denseWeight: total > 0 ? denseWeights / total : 0,
  };
}
