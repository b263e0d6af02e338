// The `remove` verb: deletes papers by id and publishes a new generation without them.

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { FILES } from '../store/generations.ts';
import { PostingsWriter } from '../store/keyword/index.ts';
import { readManifest, writeManifest } from '../store/manifest.repo.ts';
import { PapersReader } from '../store/papers.repo.ts';
import { PapersWriter } from '../store/papers-writer.repo.ts';
import { PassagesReader, PassagesWriter } from '../store/passages.repo.ts';
import { terms } from '../text/analyze.ts';
import { HnswVectorIndex } from '../vectors/hnsw.vector-index.ts';
import { writeGeneration } from './generation-writer.ts';
import { needsReanalysis, reanalyzeStoredPapers } from './reanalyze.ts';

export type RemoveSummary = { generation: number; removed: string[]; papers: number; passages: number };

/**
 * Removes papers from an index. Unknown ids are an error and nothing changes. `onNotice` is told what
 * the run did beyond the removal (a wait for another process's lock, generations deleted on a full disk).
 */
export async function removePapers(
  indexDir: string,
  ids: readonly string[],
  options: { onNotice?: (message: string) => void } = {},
): Promise<RemoveSummary> {
  if (ids.length === 0) throw new AppError('INVALID_INPUT', 'Name at least one paper id to remove.');
  const notices = options.onNotice ? { onNotice: options.onNotice } : {};
  return writeGeneration(indexDir, { fresh: false, ...notices }, async ({ db, previous, buildDir, generation }) => {
    if (!previous) throw new AppError('INDEX_NOT_FOUND', `There is no index in ${indexDir}.`);
    const papers = new PapersReader(db);
    const docs = new Map<string, number>();
    const unknown: string[] = [];
    for (const id of new Set(ids)) {
      const found = papers.getById(id);
      if (found) docs.set(id, found.doc);
      else unknown.push(id);
    }
    if (unknown.length > 0) {
      throw new AppError('PAPER_NOT_FOUND', `Not in the index: ${unknown.join(', ')}. Nothing was removed.`, {
        unknown,
      });
    }
    const manifest = readManifest(db)!;
    const dimensions = manifest.embedder.dimensions;
    const paperVectors = HnswVectorIndex.load(path.join(previous.dir, FILES.papers), dimensions, manifest.papers);
    const papersWriter = new PapersWriter(db);
    const passagesWriter = new PassagesWriter(db);
    const postingsWriter = new PostingsWriter(db);
    db.exec('BEGIN');
    // Postings are removed by this analyzer's terms, so another's are made again first. The recorded
    // version stays: the builtin model still holds the old terms until `index` refits it.
    if (needsReanalysis(manifest)) reanalyzeStoredPapers({ papersReader: papers, papersWriter, postingsWriter });
    for (const doc of docs.values()) {
      const paper = papers.getByDoc(doc)!;
      postingsWriter.remove(doc, terms(paper.title), terms(paper.abstract));
      passagesWriter.deleteOfPaper(doc);
      papersWriter.delete(doc);
      paperVectors.remove(doc);
    }
    postingsWriter.flush();
    const papersFile = path.join(buildDir, FILES.papers);
    paperVectors.save(papersFile);
    const counts = { papers: papers.count(), passages: new PassagesReader(db).count() };
    writeManifest(db, {
      ...manifest,
      generation,
      builtAt: new Date().toISOString(),
      ...counts,
      files: { papers: fs.statSync(papersFile).size },
    });
    db.exec('COMMIT');
    return { generation, removed: [...docs.keys()], ...counts };
  });
}
