// Stage 4 of an `index` run: papers split into passages, embedded in batches, stored with their
// postings, and added to the vector graph.
import type { Embedder } from '../embedders/index.ts';
import { splitPassages } from '../passages/split-passages.ts';
import type { PostingsWriter } from '../store/keyword/index.ts';
import type { PapersReader } from '../store/papers.repo.ts';
import type { PapersWriter } from '../store/papers-writer.repo.ts';
import type { PassagesWriter } from '../store/passages.repo.ts';
import { terms } from '../text/analyze.ts';
import type { HnswBuilder } from '../vectors/hnsw-builder.ts';
import { meanVector } from '../vectors/vector-codec.ts';
import type { Work } from './change-plan.ts';
import type { IndexOptions, Lap } from './index-options.ts';

/** The text embedded for a passage: the paper's title gives every passage its context. */
export function passageEmbeddingText(title: string, passageText: string, field: 'title' | 'abstract'): string {
  return field === 'title' ? title : `${title}. ${passageText}`;
}

/** The stores a run writes to, on the draft's database. */
export type Writers = {
  papersWriter: PapersWriter;
  passagesWriter: PassagesWriter;
  postingsWriter: PostingsWriter;
  papersReader: PapersReader;
};

/**
 * Stage 4, embedding: papers are split into passages, embedded in batches, and stored with their
 * postings and vectors; returns the next free doc and passage numbers.
 */
export async function embedAndStore(
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
