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
import { PostingsReader, PostingsWriter } from '../store/keyword/index.ts';
import { writeEmbedderState, writeManifest } from '../store/manifest.repo.ts';
import { PapersReader, PapersWriter, readStoredKeys, type StoredKey } from '../store/papers.repo.ts';
import { PassagesReader, PassagesWriter } from '../store/passages.repo.ts';
import { terms } from '../text/analyze.ts';
import { HNSW_DEFAULTS } from '../vectors/hnsw.vector-index.ts';
import { HnswBuilder } from '../vectors/hnsw-builder.ts';
import { meanVector } from '../vectors/vector-codec.ts';
import { decideFit, type EmbedderFit, FIT_DEFAULTS } from './embedder-fit.ts';
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
  /** Whether the built-in model was fitted, refitted, or kept with the new papers folded in, and why. */
  embedderFit: EmbedderFit;
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

/** What a run changes: papers to (re-)embed, docs to delete, records whose fingerprint alone changed. */
type ChangePlan = {
  toEmbed: Work[];
  toDelete: number[];
  refingerprinted: StoredKey[];
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
};

/**
 * Stage 1, what changes: new and changed papers are (re-)embedded; with --prune, papers absent from the
 * input go. Records the index holds byte for byte are unchanged without a look; a parsed paper is
 * unchanged when its content hash is, and then only its record's new fingerprint is written.
 */
function planChanges(input: Input, opts: IndexOptions): ChangePlan {
  const { stored } = input;
  const plan: ChangePlan = {
    toEmbed: [],
    toDelete: [],
    refingerprinted: [],
    added: 0,
    updated: 0,
    unchanged: input.indexed.length,
    removed: 0,
  };
  const inputIds = new Set<string>(input.indexed.map(({ id }) => id));
  for (const { paper, fingerprint } of input.papers) {
    inputIds.add(paper.id);
    const hash = contentHash(paper);
    const old = stored.get(paper.id);
    if (old && old.contentHash === hash) {
      plan.unchanged++;
      if (old.fingerprint !== fingerprint) {
        old.fingerprint = fingerprint;
        plan.refingerprinted.push(old);
      }
      continue;
    }
    if (old) {
      plan.updated++;
      plan.toDelete.push(old.doc);
    } else plan.added++;
    plan.toEmbed.push({ paper, hash, fingerprint });
  }
  if (opts.prune) {
    for (const [id, old] of stored) {
      if (!inputIds.has(id)) {
        plan.toDelete.push(old.doc);
        plan.removed++;
      }
    }
  }
  return plan;
}

/** The text a paper is fitted on and measured by. */
const paperText = (paper: Paper) => `${paper.title}. ${paper.abstract}`;

/** The texts of at most `size` stored papers spread evenly over the library. */
function librarySample(stored: ReadonlyMap<string, StoredKey>, papersReader: PapersReader, size: number): string[] {
  const keys = [...stored.values()];
  const step = Math.max(1, keys.length / size);
  const texts: string[] = [];
  for (let i = 0; i < keys.length && texts.length < size; i = Math.floor(i + step)) {
    const paper = papersReader.getByDoc(keys[Math.floor(i)]!.doc);
    if (paper) texts.push(paperText(paper));
  }
  return texts;
}

/** The run's embedder, whether every kept paper must be re-embedded with it, and what happened to the fit. */
type ChosenEmbedder = { embedder: Embedder; reembedAll: boolean; fittedOnPapers: number; fit: EmbedderFit };

/**
 * Stage 2, the embedder: the one the index records, unless this run starts the index, is told to
 * refit, or brings papers the fitted model does not cover (embedder-fit.ts), in which case the built-in
 * model is fitted on the whole corpus after this run and every kept paper is re-embedded.
 */
async function chooseEmbedder(
  draft: GenerationDraft,
  input: Input,
  plan: ChangePlan,
  opts: IndexOptions,
  papersReader: PapersReader,
): Promise<ChosenEmbedder> {
  const { previous } = draft;
  const postings = new PostingsReader(draft.db);
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
  const papersAfter = input.stored.size + plan.added - plan.removed;
  const fittedOnPapers = previous?.manifest.fittedOnPapers ?? 0;
  const kept = recorded
    ? await createEmbedder({
        kind: recorded.kind,
        model: recorded.model,
        cacheDir: opts.modelDir,
        offline: opts.offline,
        info: recorded,
        state: previous?.embedderState ?? null,
        ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
      })
    : undefined;
  const fit = decideFit({
    recorded,
    forced: opts.refit,
    fittedOnPapers,
    papersAfter,
    kept,
    incoming: plan.toEmbed.map(({ paper }) => paperText(paper)),
    // The draft still holds the published postings: the library as it was before this run.
    ...(previous
      ? {
          library: { papers: input.stored.size, documentFrequency: (term: string) => postings.documentFrequency(term) },
        }
      : {}),
    librarySample: () => librarySample(input.stored, papersReader, FIT_DEFAULTS.librarySample),
  });
  if (kept && (fit.action === 'fold-in' || fit.action === 'reuse')) {
    return { embedder: kept, reembedAll: false, fittedOnPapers, fit };
  }
  await kept?.dispose();
  if (fit.action === 'refit' && fit.reason !== '--refit') {
    opts.onNotice?.(`Refitting the built-in model on the whole library and re-embedding every paper: ${fit.reason}.`);
  }
  // A new fit sees the whole corpus after this run: kept papers and incoming ones.
  const deleted = new Set(plan.toDelete);
  const corpus: string[] = [];
  if (previous) {
    for (const { doc, paper } of papersReader.all()) if (!deleted.has(doc)) corpus.push(paperText(paper));
  }
  for (const { paper } of plan.toEmbed) corpus.push(paperText(paper));
  const embedder = await createEmbedder({
    kind: recorded ? recorded.kind : opts.embedder,
    model: opts.model,
    cacheDir: opts.modelDir,
    offline: opts.offline,
    corpus,
    ...(opts.onNotice ? { onNotice: opts.onNotice } : {}),
  });
  const isBuiltin = embedder.info.kind === 'builtin';
  return {
    embedder,
    reembedAll: previous !== undefined,
    fittedOnPapers: isBuiltin ? corpus.length : 0,
    fit: isBuiltin ? fit : { action: 'reuse', reason: 'a downloaded model', outOfVocabularyShare: null },
  };
}

/** The stores a run writes to, on the draft's database. */
type Writers = {
  papersWriter: PapersWriter;
  passagesWriter: PassagesWriter;
  postingsWriter: PostingsWriter;
  papersReader: PapersReader;
};

/**
 * Stage 4, embedding: papers are split into passages, embedded in batches, and stored with their
 * postings and vectors; returns the next free doc and passage numbers.
 */
async function embedAndStore(
  work: readonly Work[],
  embedder: Embedder,
  graph: HnswBuilder,
  writers: Writers,
  next: { doc: number; pid: number },
  opts: IndexOptions,
  lap: Lap,
): Promise<{ doc: number; pid: number }> {
  const { papersWriter, passagesWriter, postingsWriter } = writers;
  const dimensions = embedder.info.dimensions;
  let nextDoc = next.doc;
  let nextPid = next.pid;
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
  return { doc: nextDoc, pid: nextPid };
}

/** Stage 3, the vector file: patched from the published one when few entries change, else built anew. */
async function openGraph(
  draft: GenerationDraft,
  plan: ChangePlan,
  chosen: ChosenEmbedder,
  published: HnswBuilder | undefined,
  papersAfter: number,
  storedCount: number,
  opts: IndexOptions,
): Promise<{ graph: HnswBuilder; patched: boolean }> {
  const { previous } = draft;
  let patched =
    previous !== undefined &&
    !chosen.reembedAll &&
    plan.toDelete.length <= opts.maxDeletedFraction * Math.max(1, storedCount);
  if (patched && published) {
    try {
      await published.ready;
      return { graph: published, patched };
    } catch (error) {
      opts.onNotice?.(
        `The published vector file could not be read (${(error as Error).message}); rebuilding it from the database.`,
      );
      patched = false;
    }
  }
  return { graph: HnswBuilder.create(chosen.embedder.info.dimensions, papersAfter), patched };
}

async function applyChanges(
  draft: GenerationDraft,
  input: Input,
  opts: IndexOptions,
  lap: Lap,
  published: HnswBuilder | undefined,
): Promise<Counts> {
  const { db, previous } = draft;
  const writers: Writers = {
    papersWriter: new PapersWriter(db),
    passagesWriter: new PassagesWriter(db),
    postingsWriter: new PostingsWriter(db),
    papersReader: new PapersReader(db),
  };
  const { papersWriter, passagesWriter, postingsWriter, papersReader } = writers;
  const { stored } = input;
  const plan = planChanges(input, opts);
  const papersAfter = stored.size + plan.added - plan.removed;
  const chosen = await chooseEmbedder(draft, input, plan, opts, papersReader);
  const { embedder, reembedAll } = chosen;
  // A run that fitted a new model (and so re-embeds every kept paper) stores it; others keep the draft's copy.
  const rewritesState = !previous || reembedAll;

  let paperVectors: HnswBuilder | undefined;
  try {
    const opened = await openGraph(draft, plan, chosen, published, papersAfter, stored.size, opts);
    paperVectors = opened.graph;
    const graph = opened.graph;

    // A paper leaves its rows, its postings (re-analyzed from its stored text) and its vector.
    const deletePaper = (doc: number) => {
      const old = papersReader.getByDoc(doc);
      if (old) postingsWriter.remove(doc, terms(old.title), terms(old.abstract));
      passagesWriter.deleteOfPaper(doc);
      papersWriter.delete(doc);
      graph.remove([doc]);
    };
    db.exec('BEGIN');
    for (const doc of plan.toDelete) deletePaper(doc);
    for (const { doc, fingerprint } of plan.refingerprinted) papersWriter.setFingerprint(doc, fingerprint);
    lap('store');

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
    work.push(...plan.toEmbed);

    if (!opened.patched && previous && !reembedAll) {
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

    const next = await embedAndStore(
      work,
      embedder,
      graph,
      writers,
      { doc: previous?.manifest.nextDoc ?? 1, pid: previous?.manifest.nextPid ?? 1 },
      opts,
      lap,
    );

    // Stage 5, publishing: the vector file, the embedder state when it changed, and the manifest.
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
    if (rewritesState) writeEmbedderState(db, embedder.serialize());
    writeManifest(db, {
      generation: draft.generation,
      builtAt: new Date().toISOString(),
      embedder: embedder.info,
      papers: counts.papers,
      passages: counts.passages,
      nextDoc: next.doc,
      nextPid: next.pid,
      fittedOnPapers: chosen.fittedOnPapers,
      hnsw: { m: HNSW_DEFAULTS.m, efConstruction: HNSW_DEFAULTS.efConstruction },
      files: { papers: fs.statSync(papersFile).size },
    });
    db.exec('COMMIT');
    db.exec('PRAGMA optimize');
    lap('store');
    return {
      generation: draft.generation,
      ...counts,
      added: plan.added,
      updated: plan.updated,
      unchanged: plan.unchanged,
      removed: plan.removed,
      embedder: embedder.info,
      embedderFit: chosen.fit,
      bytes: folderBytes(draft.buildDir),
    };
  } finally {
    await paperVectors?.close();
    await embedder.dispose();
  }
}
