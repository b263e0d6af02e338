// The `index` verb: reads paper files, embeds only new or changed papers, and publishes a new
// generation of the index with its SQLite tables, keyword postings and HNSW vector file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { createEmbedder, type Embedder, type EmbedderInfo, type EmbedderKind } from '../embedders/index.ts';
import type { Paper } from '../paper.schema.ts';
import { splitPassages } from '../passages/split-passages.ts';
import {
  type Encoding,
  type Format,
  type InputProblem,
  type PaperFilesRead,
  readPaperFiles,
} from '../readers/index.ts';
import { openDatabaseForRead } from '../store/database.ts';
import { FILES } from '../store/generations.ts';
import { writeEmbedderState, writeManifest } from '../store/manifest.repo.ts';
import { PapersReader, PapersWriter, readStoredKeys, type StoredKey } from '../store/papers.repo.ts';
import { PassagesReader, PassagesWriter } from '../store/passages.repo.ts';
import { PostingsWriter } from '../store/postings.repo.ts';
import { terms } from '../text/analyze.ts';
import { HNSW_DEFAULTS } from '../vectors/hnsw.vector-index.ts';
import { HnswBuilder } from '../vectors/hnsw-builder.ts';
import { meanVector } from '../vectors/vector-codec.ts';
import { type GenerationDraft, type PreviousGeneration, writeGeneration } from './generation-writer.ts';
import type { ProgressListener } from './progress.ts';

export const INDEX_DEFAULTS = {
  embedder: 'auto' as EmbedderKind,
  model: 'Xenova/bge-small-en-v1.5',
  modelDir: 'data/models',
  offline: false,
  /** Index only the valid records instead of refusing the whole run (with strict; repairing runs always do). */
  skipInvalid: false,
  /** Refuse any record with a problem instead of repairing it, and refuse the run over it unless skipInvalid. */
  strict: false,
  /** Start from an empty index instead of updating the current one. */
  rebuild: false,
  /** Refit the builtin embedder on the whole corpus (re-embeds every paper). */
  refit: false,
  /** Remove papers that are not in this run's input. */
  prune: false,
  /** Papers embedded per batch. */
  batchSize: 256,
  /** Rebuild the vector file from scratch once this fraction of its entries are deleted ones. */
  maxDeletedFraction: 0.25,
};

export type IndexOptions = typeof INDEX_DEFAULTS & {
  indexDir: string;
  files: string[];
  format?: Format;
  /** The text encoding of every input file; by default each file's is detected. */
  encoding?: Encoding;
  onProgress?: ProgressListener;
  onNotice?: (message: string) => void;
};

export type IndexSummary = {
  generation: number;
  papers: number;
  passages: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Records refused: nothing usable was left in them (or, with strict, anything was wrong). */
  skipped: InputProblem[];
  /** Records repaired (kept, or merged into an identical one), and each repair made (a record may have several). */
  repaired: number;
  repairs: InputProblem[];
  /** How input files were read: an encoding guessed, the CSV columns used and ignored. */
  notices: string[];
  embedder: EmbedderInfo;
  seconds: number;
  papersPerSecond: number;
  bytes: number;
  /** Seconds spent in each stage. */
  stages: Record<'read' | 'embed' | 'store' | 'vectors' | 'publish', number>;
};

/** Content hash of a paper: a changed title, text or field gives a new hash, so the paper is re-embedded. */
export function contentHash(paper: Paper): string {
  return createHash('sha1').update(JSON.stringify(paper)).digest('hex');
}

/** The text embedded for a passage: the paper's title gives every passage its context. */
export function passageEmbeddingText(title: string, passageText: string, field: 'title' | 'abstract'): string {
  return field === 'title' ? title : `${title}. ${passageText}`;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir)) total += fs.statSync(path.join(dir, entry)).size;
  return total;
}

/** Indexes paper files into `indexDir`, creating or updating it. */
export async function indexPapers(
  options: Partial<IndexOptions> & Pick<IndexOptions, 'indexDir' | 'files'>,
): Promise<IndexSummary> {
  const opts: IndexOptions = { ...INDEX_DEFAULTS, ...options };
  const began = performance.now();
  const stages = { read: 0, embed: 0, store: 0, vectors: 0, publish: 0 };
  let mark = performance.now();
  const lap = (stage: keyof typeof stages) => {
    const now = performance.now();
    stages[stage] += (now - mark) / 1000;
    mark = now;
  };

  // The input is read under the index's lock while the published database is copied for the draft. Records
  // whose bytes the published index holds (by fingerprint) are not parsed again.
  const readInput = async (previous: PreviousGeneration | undefined): Promise<Input> => {
    opts.onProgress?.({ stage: 'read', done: 0, total: opts.files.length });
    const keys = previous ? storedKeysOf(previous) : undefined;
    const input = await readPaperFiles(opts.files, {
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
      strict: opts.strict,
      ...(keys ? { known: (fingerprint: string) => keys.byFingerprint.get(fingerprint) } : {}),
    });
    for (const notice of input.notices) opts.onNotice?.(notice);
    if (input.problems.length > 0 && opts.strict && !opts.skipInvalid) {
      throw new AppError(
        'INVALID_PAPERS',
        `${input.problems.length} problem${input.problems.length === 1 ? '' : 's'} in the input; nothing was changed.`,
        { problems: input.problems },
      );
    }
    if (input.papers.length + input.indexed.length === 0 && !opts.prune) {
      throw new AppError('INVALID_PAPERS', 'The input holds no valid papers; nothing was changed.', {
        problems: input.problems,
      });
    }
    lap('read');
    return { ...input, stored: keys?.byId ?? new Map() };
  };
  let read: Pick<PaperFilesRead, 'problems' | 'repairs' | 'notices'> = { problems: [], repairs: [], notices: [] };
  const summary = await writeGeneration(opts.indexDir, { fresh: opts.rebuild, prepare: readInput }, (draft, input) => {
    read = input;
    return applyPapers(draft, input, opts, lap);
  });
  lap('publish');
  const seconds = (performance.now() - began) / 1000;
  return {
    ...summary,
    skipped: read.problems,
    repaired: new Set(read.repairs.map((repair) => `${repair.file}\u0000${repair.record}`)).size,
    repairs: read.repairs,
    notices: read.notices,
    seconds,
    papersPerSecond: (summary.added + summary.updated) / Math.max(seconds, 1e-9),
    stages,
  };
}

type Counts = Omit<
  IndexSummary,
  'skipped' | 'repaired' | 'repairs' | 'notices' | 'seconds' | 'papersPerSecond' | 'stages'
>;

/** The run's input, with the published papers' keys (by id) it was compared with. */
type Input = PaperFilesRead & { stored: Map<string, StoredKey> };

/** A paper to embed and store, with its content hash and source record fingerprint. */
type Work = { paper: Paper; hash: string; fingerprint: string | null };

function storedKeysOf(previous: PreviousGeneration): ReturnType<typeof readStoredKeys> {
  const db = openDatabaseForRead(path.join(previous.dir, FILES.db));
  try {
    return readStoredKeys(db);
  } finally {
    db.close();
  }
}

type Lap = (stage: 'read' | 'embed' | 'store' | 'vectors' | 'publish') => void;

async function applyPapers(draft: GenerationDraft, input: Input, opts: IndexOptions, lap: Lap): Promise<Counts> {
  // Reading the published graph takes over a second at 100k papers: it starts now, on its own thread,
  // while the changes are worked out, and is closed unused when the run rebuilds the graph instead.
  const { previous } = draft;
  const published = previous
    ? HnswBuilder.load(
        path.join(previous.dir, FILES.papers),
        previous.manifest.embedder.dimensions,
        previous.manifest.papers,
      )
    : undefined;
  try {
    return await applyChanges(draft, input, opts, lap, published);
  } finally {
    await published?.close();
  }
}

async function applyChanges(
  draft: GenerationDraft,
  input: Input,
  opts: IndexOptions,
  lap: Lap,
  published: HnswBuilder | undefined,
): Promise<Counts> {
  const { db, previous } = draft;
  const papersWriter = new PapersWriter(db);
  const passagesWriter = new PassagesWriter(db);
  const postingsWriter = new PostingsWriter(db);
  const { stored } = input;

  // What changes: new and changed papers are (re-)embedded; with --prune, papers absent from the input go.
  // Records the index holds byte for byte are unchanged without a look; a parsed paper is unchanged when its
  // content hash is, and then only its record's new fingerprint is written.
  const toEmbed: Work[] = [];
  const toDelete: number[] = [];
  const refingerprinted: StoredKey[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = input.indexed.length;
  const inputIds = new Set<string>(input.indexed.map(({ id }) => id));
  for (const { paper, fingerprint } of input.papers) {
    inputIds.add(paper.id);
    const hash = contentHash(paper);
    const old = stored.get(paper.id);
    if (old && old.contentHash === hash) {
      unchanged++;
      if (old.fingerprint !== fingerprint) {
        old.fingerprint = fingerprint;
        refingerprinted.push(old);
      }
      continue;
    }
    if (old) {
      updated++;
      toDelete.push(old.doc);
    } else added++;
    toEmbed.push({ paper, hash, fingerprint });
  }
  let removed = 0;
  if (opts.prune) {
    for (const [id, old] of stored) {
      if (!inputIds.has(id)) {
        toDelete.push(old.doc);
        removed++;
      }
    }
  }

  // The embedder: the one the index records, unless this run starts or refits it.
  const papersAfter = stored.size + added - removed;
  const recorded = previous?.manifest.embedder;
  if (recorded && opts.embedder !== 'auto' && opts.embedder !== recorded.kind) {
    throw new AppError(
      'EMBEDDER_MISMATCH',
      `This index was built with the ${recorded.kind} embedder (${recorded.model}); this run asked for ${opts.embedder}.`,
      { recorded, requested: opts.embedder },
    );
  }
  if (recorded?.kind === 'transformers' && opts.embedder === 'transformers' && opts.model !== recorded.model) {
    throw new AppError(
      'EMBEDDER_MISMATCH',
      `This index was built with the model ${recorded.model}; this run asked for ${opts.model}.`,
      { recorded, requested: opts.model },
    );
  }
  const refit =
    recorded?.kind === 'builtin' &&
    (opts.refit || papersAfter >= 2 * Math.max(1, previous?.manifest.fittedOnPapers ?? 0));
  const papersReader = new PapersReader(db);
  let embedder: Embedder;
  let reembedAll = false;
  let fittedOnPapers = previous?.manifest.fittedOnPapers ?? 0;
  if (recorded && !refit) {
    embedder = await createEmbedder({
      kind: recorded.kind,
      model: recorded.model,
      cacheDir: opts.modelDir,
      offline: opts.offline,
      info: recorded,
      state: previous?.embedderState ?? null,
      ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
    });
  } else {
    // A new fit sees the whole corpus after this run: kept papers and incoming ones.
    const deleted = new Set(toDelete);
    const corpus: string[] = [];
    if (previous) {
      for (const { doc, paper } of papersReader.all())
        if (!deleted.has(doc)) corpus.push(`${paper.title}. ${paper.abstract}`);
    }
    for (const { paper } of toEmbed) corpus.push(`${paper.title}. ${paper.abstract}`);
    embedder = await createEmbedder({
      kind: recorded ? recorded.kind : opts.embedder,
      model: opts.model,
      cacheDir: opts.modelDir,
      offline: opts.offline,
      corpus,
      ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
    });
    fittedOnPapers = embedder.info.kind === 'builtin' ? corpus.length : 0;
    reembedAll = previous !== undefined;
  }
  const dimensions = embedder.info.dimensions;

  // The vector file is built on a worker thread, from the published one when only a few entries change.
  let paperVectors: HnswBuilder | undefined;
  try {
    let patchPrevious =
      previous !== undefined && !reembedAll && toDelete.length <= opts.maxDeletedFraction * Math.max(1, stored.size);
    if (patchPrevious && published) {
      try {
        await published.ready;
        paperVectors = published;
      } catch (error) {
        opts.onNotice?.(
          `The published vector file could not be read (${(error as Error).message}); rebuilding it from the database.`,
        );
        patchPrevious = false;
      }
    }
    paperVectors ??= HnswBuilder.create(dimensions, papersAfter);
    const graph = paperVectors;

    // A paper leaves its rows, its postings (re-analyzed from its stored text) and its vector.
    const deletePaper = (doc: number) => {
      const old = papersReader.getByDoc(doc);
      if (old) postingsWriter.remove(doc, terms(old.title), terms(old.abstract));
      passagesWriter.deleteOfPaper(doc);
      papersWriter.delete(doc);
      graph.remove([doc]);
    };
    db.exec('BEGIN');
    for (const doc of toDelete) deletePaper(doc);
    for (const { doc, fingerprint } of refingerprinted) papersWriter.setFingerprint(doc, fingerprint);
    lap('store');

    let nextDoc = previous?.manifest.nextDoc ?? 1;
    let nextPid = previous?.manifest.nextPid ?? 1;

    // Re-embedding everything (after a refit) replaces every kept paper too.
    const work: Work[] = [];
    if (reembedAll) {
      const kept: Array<{ doc: number; paper: Paper }> = [...papersReader.all()];
      for (const { doc, paper } of kept) {
        deletePaper(doc);
        const key = stored.get(paper.id);
        work.push({ paper, hash: key?.contentHash ?? contentHash(paper), fingerprint: key?.fingerprint ?? null });
      }
    }
    work.push(...toEmbed);

    if (!patchPrevious && previous && !reembedAll) {
      // Too many deletions to patch the old graph (or it is damaged): rebuild it from the vectors in SQLite.
      let chunk: Array<{ label: number; vector: Float32Array }> = [];
      for (const row of papersReader.allVectors()) {
        chunk.push(row);
        if (chunk.length === 1024) {
          graph.add(chunk);
          chunk = [];
        }
      }
      graph.add(chunk);
      lap('vectors');
    }

    const total = work.length;
    opts.onProgress?.({ stage: 'embed', done: 0, total });
    for (let i = 0; i < total; i += opts.batchSize) {
      const batch = work.slice(i, i + opts.batchSize);
      const split = batch.map(({ paper }) => splitPassages(paper));
      const texts: string[] = [];
      split.forEach((passages, j) => {
        const title = batch[j]!.paper.title;
        for (const passage of passages) texts.push(passageEmbeddingText(title, passage.text, passage.field));
      });
      const vectors = await embedder.embedDocuments(texts);
      lap('embed');
      let v = 0;
      const newPapers: Array<{ doc: number; vector: Float32Array }> = [];
      batch.forEach(({ paper, hash, fingerprint }, j) => {
        const doc = nextDoc++;
        const passages = split[j]!;
        const own = vectors.slice(v, v + passages.length);
        v += passages.length;
        const paperVector = meanVector(own, dimensions);
        papersWriter.insert(doc, paper, hash, paperVector, fingerprint);
        postingsWriter.add(doc, terms(paper.title), terms(paper.abstract));
        passages.forEach((passage, p) => {
          passagesWriter.insert(nextPid++, doc, passage, own[p]!);
        });
        newPapers.push({ doc, vector: paperVector });
      });
      lap('store');
      graph.add(newPapers.map(({ doc, vector }) => ({ label: doc, vector })));
      lap('vectors');
      opts.onProgress?.({ stage: 'embed', done: Math.min(total, i + batch.length), total });
    }

    postingsWriter.flush();
    const counts = {
      papers: papersReader.count(),
      passages: new PassagesReader(db).count(),
    };
    lap('store');
    const papersFile = path.join(draft.buildDir, FILES.papers);
    await graph.save(papersFile);
    lap('vectors');
    // The draft holds the published embedder state already unless this run fitted a new one.
    if (!recorded || refit) writeEmbedderState(db, embedder.serialize());
    writeManifest(db, {
      generation: draft.generation,
      builtAt: new Date().toISOString(),
      embedder: embedder.info,
      papers: counts.papers,
      passages: counts.passages,
      nextDoc,
      nextPid,
      fittedOnPapers,
      hnsw: { m: HNSW_DEFAULTS.m, efConstruction: HNSW_DEFAULTS.efConstruction },
      files: { papers: fs.statSync(papersFile).size },
    });
    db.exec('COMMIT');
    db.exec('PRAGMA optimize');
    lap('store');
    return {
      generation: draft.generation,
      ...counts,
      added,
      updated,
      unchanged,
      removed,
      embedder: embedder.info,
      bytes: folderBytes(draft.buildDir),
    };
  } finally {
    await paperVectors?.close();
    await embedder.dispose();
  }
}
