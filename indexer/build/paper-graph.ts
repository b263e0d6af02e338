// Stage 3 of an `index` run, the vector graph: the published one patched, or one built anew.
import type { PapersReader } from '../store/papers.repo.ts';
import { HnswBuilder } from '../vectors/hnsw-builder.ts';
import type { ChangePlan } from './change-plan.ts';
import type { ChosenEmbedder } from './choose-embedder.ts';
import type { GenerationDraft } from './generation-writer.ts';
import type { IndexOptions } from './index-options.ts';

/** Stage 3, the vector file: patched from the published one when few entries change, else built anew. */
export async function openGraph(
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

/** Adds every paper vector stored in the database to `graph` (a rebuild of the published graph). */
export function addStoredVectors(graph: HnswBuilder, papersReader: PapersReader): void {
  let chunk: Array<{ label: number; vector: Float32Array }> = [];
  for (const row of papersReader.allVectors()) {
    chunk.push(row);
    if (chunk.length === 1024) {
      graph.add(chunk);
      chunk = [];
    }
  }
  graph.add(chunk);
}
