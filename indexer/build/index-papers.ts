// The `index` verb: reads paper files, embeds only new or changed papers, and publishes a new
// generation of the index with its SQLite tables and HNSW vector files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { createEmbedder, type Embedder, type EmbedderInfo, type EmbedderKind } from '../embedders/index.ts';
import type { Paper } from '../paper.schema.ts';
import { splitPassages } from '../passages/split-passages.ts';
import { type Format, type InputProblem, readPaperFiles } from '../readers/index.ts';
import type { Db } from '../store/database.ts';
import { FILES } from '../store/generations.ts';
import { writeEmbedderState, writeManifest } from '../store/manifest.repo.ts';
import { analyzedText, PapersReader, PapersWriter } from '../store/papers.repo.ts';
import { PassagesReader, PassagesWriter } from '../store/passages.repo.ts';
import { HNSW_DEFAULTS, HnswVectorIndex } from '../vectors/hnsw.vector-index.ts';
import { meanVector } from '../vectors/vector-codec.ts';
import { type GenerationDraft, writeGeneration } from './generation-writer.ts';
import type { ProgressListener } from './progress.ts';

export const INDEX_DEFAULTS = {
  embedder: 'auto' as EmbedderKind,
  model: 'Xenova/bge-small-en-v1.5',
  modelDir: 'data/models',
  offline: false,
  /** Index only the valid records instead of refusing the whole run. */
  skipInvalid: false,
  /** Start from an empty index instead of updating the current one. */
  rebuild: false,
  /** Refit the builtin embedder on the whole corpus (re-embeds every paper). */
  refit: false,
  /** Remove papers that are not in this run's input. */
  prune: false,
  /** Papers embedded per batch. */
  batchSize: 256,
  /** Rebuild a vector file from scratch once this fraction of its entries are deleted ones. */
  maxDeletedFraction: 0.25,
};

export type IndexOptions = typeof INDEX_DEFAULTS & {
  indexDir: string;
  files: string[];
  format?: Format;
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
  skipped: InputProblem[];
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

  opts.onProgress?.({ stage: 'read', done: 0, total: opts.files.length });
  const input = await readPaperFiles(opts.files, opts.format ? { format: opts.format } : {});
  if (input.problems.length > 0 && !opts.skipInvalid) {
    throw new AppError(
      'INVALID_PAPERS',
      `${input.problems.length} problem${input.problems.length === 1 ? '' : 's'} in the input; nothing was changed.`,
      { problems: input.problems },
    );
  }
  if (input.papers.length === 0 && !opts.prune) {
    throw new AppError('INVALID_PAPERS', 'The input holds no valid papers; nothing was changed.', {
      problems: input.problems,
    });
  }
  lap('read');

  const papers = input.papers.map((p) => p.paper);
  const summary = await writeGeneration(opts.indexDir, { fresh: opts.rebuild }, (draft) =>
    applyPapers(draft, papers, opts, lap),
  );
  lap('publish');
  const seconds = (performance.now() - began) / 1000;
  return {
    ...summary,
    skipped: input.problems,
    seconds,
    papersPerSecond: (summary.added + summary.updated) / Math.max(seconds, 1e-9),
    stages,
  };
}

type Counts = Omit<IndexSummary, 'skipped' | 'seconds' | 'papersPerSecond' | 'stages'>;

async function applyPapers(
  draft: GenerationDraft,
  papers: Paper[],
  opts: IndexOptions,
  lap: (stage: 'read' | 'embed' | 'store' | 'vectors' | 'publish') => void,
): Promise<Counts> {
  const { db, previous } = draft;
  const papersWriter = new PapersWriter(db);
  const passagesWriter = new PassagesWriter(db);
  const stored = previous ? papersWriter.hashes() : new Map<string, { doc: number; contentHash: string }>();

  // What changes: new and changed papers are (re-)embedded; with --prune, papers absent from the input go.
  const toEmbed: Array<{ paper: Paper; hash: string }> = [];
  const toDelete: number[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const inputIds = new Set<string>();
  for (const paper of papers) {
    inputIds.add(paper.id);
    const hash = contentHash(paper);
    const old = stored.get(paper.id);
    if (old && old.contentHash === hash) {
      unchanged++;
      continue;
    }
    if (old) {
      updated++;
      toDelete.push(old.doc);
    } else added++;
    toEmbed.push({ paper, hash });
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

  try {
    // Vector files: start from the published ones when only a few entries change.
    const totalPassagesBefore = previous?.manifest.passages ?? 0;
    let passageVectors: HnswVectorIndex;
    let paperVectors: HnswVectorIndex;
    const loadPrevious =
      previous && !reembedAll && toDelete.length <= opts.maxDeletedFraction * Math.max(1, stored.size);
    if (loadPrevious) {
      passageVectors = HnswVectorIndex.load(
        path.join(previous.dir, FILES.passages),
        dimensions,
        previous.manifest.passages,
      );
      paperVectors = HnswVectorIndex.load(path.join(previous.dir, FILES.papers), dimensions, previous.manifest.papers);
    } else {
      passageVectors = HnswVectorIndex.create(dimensions, totalPassagesBefore + toEmbed.length * 4);
      paperVectors = HnswVectorIndex.create(dimensions, papersAfter);
    }

    db.exec('BEGIN');
    for (const doc of toDelete) {
      for (const pid of passagesWriter.deleteOfPaper(doc)) passageVectors.remove(pid);
      papersWriter.delete(doc);
      paperVectors.remove(doc);
    }
    lap('store');

    let nextDoc = previous?.manifest.nextDoc ?? 1;
    let nextPid = previous?.manifest.nextPid ?? 1;

    // Re-embedding everything (after a refit) replaces every kept paper too.
    const work: Array<{ paper: Paper; hash: string }> = [];
    if (reembedAll) {
      const kept: Array<{ doc: number; paper: Paper }> = [...papersReader.all()];
      const hashes = papersWriter.hashes();
      for (const { doc, paper } of kept) {
        passagesWriter.deleteOfPaper(doc);
        papersWriter.delete(doc);
        work.push({ paper, hash: hashes.get(paper.id)?.contentHash ?? contentHash(paper) });
      }
    }
    work.push(...toEmbed);

    if (!loadPrevious && previous && !reembedAll) {
      // Too many deletions to patch the old graph: rebuild it from the vectors kept in SQLite.
      const passagesReader = new PassagesReader(db);
      for (const { label, vector } of passagesReader.allVectors()) passageVectors.add(label, vector);
      for (const { label, vector } of papersReader.allVectors()) paperVectors.add(label, vector);
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
      const newPassages: Array<{ pid: number; vector: Float32Array }> = [];
      const newPapers: Array<{ doc: number; vector: Float32Array }> = [];
      batch.forEach(({ paper, hash }, j) => {
        const doc = nextDoc++;
        const passages = split[j]!;
        const own = vectors.slice(v, v + passages.length);
        v += passages.length;
        const paperVector = meanVector(own, dimensions);
        papersWriter.insert(doc, paper, hash, paperVector);
        const title = analyzedText(paper.title);
        passages.forEach((passage, p) => {
          const pid = nextPid++;
          passagesWriter.insert(pid, doc, passage, title, own[p]!);
          newPassages.push({ pid, vector: own[p]! });
        });
        newPapers.push({ doc, vector: paperVector });
      });
      lap('store');
      for (const { pid, vector } of newPassages) passageVectors.add(pid, vector);
      for (const { doc, vector } of newPapers) paperVectors.add(doc, vector);
      lap('vectors');
      opts.onProgress?.({ stage: 'embed', done: Math.min(total, i + batch.length), total });
    }

    const counts = {
      papers: papersReader.count(),
      passages: new PassagesReader(db).count(),
    };
    const passagesFile = path.join(draft.buildDir, FILES.passages);
    const papersFile = path.join(draft.buildDir, FILES.papers);
    passageVectors.save(passagesFile);
    paperVectors.save(papersFile);
    lap('vectors');
    writeEmbedderState(db, embedder.serialize());
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
      files: { passages: fs.statSync(passagesFile).size, papers: fs.statSync(papersFile).size },
    });
    db.exec('COMMIT');
    optimize(db);
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
    await embedder.dispose();
  }
}

// Merges FTS segments and refreshes planner statistics so the published copy is fast to query.
function optimize(db: Db): void {
  db.exec("INSERT INTO passages_fts(passages_fts) VALUES ('optimize')");
  db.exec("INSERT INTO papers_fts(papers_fts) VALUES ('optimize')");
  db.exec('PRAGMA optimize');
}
