// The read API later layers use: open the published generation of an index and query it by
// paper and passage id, by dense k-NN over papers, and by BM25.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import { createEmbedder, type Embedder } from '../embedders/index.ts';
import type { Paper, Passage } from '../paper.schema.ts';
import { type Db, openDatabaseForRead } from '../store/database.ts';
import { currentGeneration, FILES } from '../store/generations.ts';
import { type KeywordHit, PostingsReader } from '../store/keyword/index.ts';
import { type Manifest, readEmbedderState, readManifest } from '../store/manifest.repo.ts';
import { isSystemFailure, openFailure } from '../store/open-failure.ts';
import { PapersReader } from '../store/papers.repo.ts';
import { type PassageRow, PassagesReader } from '../store/passages.repo.ts';
import { HnswVectorIndex } from '../vectors/hnsw.vector-index.ts';
import { checkHnswFile, type HnswFileExpectation } from '../vectors/hnsw-file-check.ts';
import type { VectorHit, VectorIndex, VectorSearchOptions } from '../vectors/vector-index.ts';
import { assertDatabaseIntact } from './integrity-check.ts';

export type OpenIndexOptions = {
  /**
   * Open this generation (one of `olderGenerations`) instead of the published one: a server falls
   * back to it when the published one is damaged.
   */
  generation?: { generation: number; dir: string };
  /**
   * Leave the database's integrity check to the caller (`checkDatabaseInBackground`): a server that
   * starts over a large library serves while the check reads every page.
   */
  deferIntegrityCheck?: boolean;
  /** Where transformers models are looked up (for indexes built with one). */
  modelDir?: string;
  offline?: boolean;
  onNotice?: (message: string) => void;
};

/** A stored paper with its internal doc number (the label of its vector). */
export type StoredPaper = { doc: number; paper: Paper };

export interface IndexReader {
  readonly dir: string;
  readonly generation: number;
  readonly generationDir: string;
  readonly manifest: Manifest;
  readonly embedder: Embedder;
  readonly paperVectors: VectorIndex;
  readonly papers: PapersReader;
  readonly passages: PassagesReader;
  readonly postings: PostingsReader;
  getPaper(id: string): StoredPaper | undefined;
  getPaperByDoc(doc: number): Paper | undefined;
  /** A passage with its text, sliced from its paper. */
  getPassage(pid: number): Passage | undefined;
  passagesOfPaper(id: string): Passage[];
  embedQuery(text: string): Promise<Float32Array>;
  searchPapersDense(vector: Float32Array, k: number, options?: VectorSearchOptions): VectorHit[];
  /** The vectors of these papers (papers not in the index are left out). */
  paperVectorsOf(docs: readonly number[]): Map<number, Float32Array>;
  /** BM25 over whole papers (label = doc); a term repeated in `terms` counts again. */
  searchKeyword(
    terms: readonly string[],
    limit: number,
    options?: { titleWeight?: number; allowedDocs?: readonly number[] },
  ): KeywordHit[];
  /** Total bytes of the generation's files. */
  sizeBytes(): number;
  close(): void;
}

function toPassage(row: PassageRow, paper: Paper): Passage {
  const source = row.field === 'title' ? paper.title : paper.abstract;
  return {
    id: row.pid,
    paperId: paper.id,
    field: row.field,
    ordinal: row.ordinal,
    start: row.start,
    end: row.end,
    text: source.slice(row.start, row.end),
  };
}

// A vector file that fails its check (size, CRC-32, neighbour ids) or fails to load is rebuilt from SQLite.
async function loadVectors(
  file: string,
  expected: HnswFileExpectation,
  rows: () => Iterable<{ label: number; vector: Float32Array }>,
  count: number,
  onNotice?: (message: string) => void,
): Promise<VectorIndex> {
  let problem: string | undefined;
  // Unreadable for want of permission or file handles rather than damaged: said so (the remedy is the same).
  let unreadable = false;
  try {
    // Loading does not follow neighbour ids (searching does), so the check runs beside it, on the
    // main thread while hnswlib reads on a libuv thread; a graph that fails it is never searched.
    const loading = HnswVectorIndex.loadAsync(file, expected.dimensions, count);
    loading.catch(() => {});
    problem = await checkHnswFile(file, expected);
    if (!problem) return await loading;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    unreadable = code !== 'ENOENT' && isSystemFailure(error);
    problem =
      code === 'ENOENT'
        ? 'it is missing'
        : error instanceof AppError
          ? 'hnswlib could not read it'
          : `${code ?? (error as Error).message}`;
  }
  onNotice?.(
    `The vector file ${path.basename(file)} ${unreadable ? 'could not be read' : 'is damaged'} (${problem}); rebuilding it in memory from the database.`,
  );
  const index = HnswVectorIndex.create(expected.dimensions, count);
  for (const { label, vector } of rows()) index.add(label, vector);
  return index;
}

/** Opens the published generation of the index in `dir` (or `options.generation`), read-only. */
export async function openIndex(dir: string, options: OpenIndexOptions = {}): Promise<IndexReader> {
  const indexDir = path.resolve(dir);
  const current = options.generation ?? currentGeneration(indexDir);
  if (!current) throw new AppError('INDEX_NOT_FOUND', `There is no index in ${indexDir}.`);
  let db: Db | undefined;
  try {
    db = openDatabaseForRead(path.join(current.dir, FILES.db));
    if (!options.deferIntegrityCheck) assertDatabaseIntact(db, current.dir);
    const manifest = readManifest(db);
    if (!manifest) throw new AppError('INDEX_CORRUPT', `The index in ${current.dir} has no manifest.`);
    const papers = new PapersReader(db);
    const passages = new PassagesReader(db);
    const postings = new PostingsReader(db);
    const dims = manifest.embedder.dimensions;
    // The graph (the slowest part of opening) is read on a libuv thread while the embedder loads.
    const loadingVectors = loadVectors(
      path.join(current.dir, FILES.papers),
      { dimensions: dims, bytes: manifest.files.papers, crc32: manifest.files.papersCrc32 },
      () => papers.allVectors(),
      manifest.papers,
      options.onNotice,
    );
    // Should the embedder fail first, the open fails with its error; this one must not go unhandled.
    loadingVectors.catch(() => {});
    const embedder = await createEmbedder({
      kind: manifest.embedder.kind,
      model: manifest.embedder.model,
      cacheDir: options.modelDir ?? loadConfig().modelDir,
      offline: options.offline ?? false,
      info: manifest.embedder,
      state: readEmbedderState(db),
      ...(options.onNotice ? { onNotice: options.onNotice } : {}),
    });
    const paperVectors = await loadingVectors;
    // Measured once: a later publish may delete this generation's folder while it is still served.
    let sizeBytes = 0;
    for (const entry of fs.readdirSync(current.dir)) sizeBytes += fs.statSync(path.join(current.dir, entry)).size;
    const openDb = db;
    const reader: IndexReader = {
      dir: indexDir,
      generation: current.generation,
      generationDir: current.dir,
      manifest,
      embedder,
      paperVectors,
      papers,
      passages,
      postings,
      getPaper: (id) => papers.getById(id),
      getPaperByDoc: (doc) => papers.getByDoc(doc),
      getPassage(pid) {
        const row = passages.get(pid);
        if (!row) return undefined;
        const paper = papers.getByDoc(row.doc);
        return paper ? toPassage(row, paper) : undefined;
      },
      passagesOfPaper(id) {
        const found = papers.getById(id);
        if (!found) return [];
        return passages.ofPaper(found.doc).map((row) => toPassage(row, found.paper));
      },
      embedQuery: (text) => embedder.embedQuery(text),
      searchPapersDense: (vector, k, opts) => paperVectors.search(vector, k, opts),
      // From SQLite, not the graph: hnswlib-node copies a vector out element by element (~50 µs each).
      paperVectorsOf: (docs) => papers.vectorsOf(docs),
      searchKeyword: (terms, limit, opts) => postings.bm25(terms, limit, opts),
      sizeBytes: () => sizeBytes,
      close() {
        void embedder.dispose();
        if (openDb.open) openDb.close();
      },
    };
    return reader;
  } catch (error) {
    if (db?.open) db.close();
    // Only damage is INDEX_CORRUPT (what a server falls back from, what a rebuild mends): a lock,
    // permissions or too many open files are said as such, with the file and the system's reason.
    throw openFailure(error, path.join(current.dir, FILES.db));
  }
}
