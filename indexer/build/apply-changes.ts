// Applies an `index` run's changes to a draft generation, stage by stage: what changes
// (change-plan.ts), the embedder (choose-embedder.ts), the vector graph (paper-graph.ts), embedding
// and storing (embed-and-store.ts), then the manifest that publishes it all.
import fs from 'node:fs';
import path from 'node:path';
import type { Paper } from '../paper.schema.ts';
import { FILES } from '../store/generations.ts';
import { PostingsWriter } from '../store/keyword/index.ts';
import { writeEmbedderState, writeManifest } from '../store/manifest.repo.ts';
import { PapersReader } from '../store/papers.repo.ts';
import { PapersWriter } from '../store/papers-writer.repo.ts';
import { PassagesReader, PassagesWriter } from '../store/passages.repo.ts';
import { ANALYZER_VERSION, terms } from '../text/analyze.ts';
import { HNSW_DEFAULTS } from '../vectors/hnsw.vector-index.ts';
import { HnswBuilder } from '../vectors/hnsw-builder.ts';
import { contentHash, planChanges, type RunInput, type Work } from './change-plan.ts';
import { chooseEmbedder } from './choose-embedder.ts';
import { embedAndStore, type Writers } from './embed-and-store.ts';
import type { GenerationDraft } from './generation-writer.ts';
import type { Counts, IndexOptions, Lap } from './index-options.ts';
import { addStoredVectors, openGraph } from './paper-graph.ts';
import { needsReanalysis, REANALYSIS_REASON, reanalyzeStoredPapers } from './reanalyze.ts';

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir)) total += fs.statSync(path.join(dir, entry)).size;
  return total;
}

export async function applyPapers(
  draft: GenerationDraft,
  input: RunInput,
  opts: IndexOptions,
  lap: Lap,
): Promise<Counts> {
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
  input: RunInput,
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
    // Before any paper leaves: its postings are removed by the terms this analyzer makes of it.
    if (needsReanalysis(previous?.manifest)) {
      opts.onNotice?.(`Re-analyzing the keyword index of the ${stored.size} stored papers: ${REANALYSIS_REASON}.`);
      reanalyzeStoredPapers(writers);
    }
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
      addStoredVectors(graph, papersReader);
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
      analyzer: ANALYZER_VERSION,
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
