// Verify study: a dumped collection (dump-pairs.mts) with the values of candidate features
// (candidate-features.mts) for each of its pairs, read with the collection's own term statistics.
import fs from 'node:fs';
import { sentencesOf, statisticsOfSet } from '../../server/eval/verify-eval.ts';
import { loadVerifySet } from '../../server/eval/verify-sets.ts';
import { bagOf, tfidf } from '../../server/verify/term-vectors.ts';
import type { Candidate, PairTexts } from './candidate-features.mts';
import type { DumpedPair } from './dump-pairs.mts';

/** A collection's pairs and, by candidate name, one value per pair. */
export type Collection = { name: string; pairs: DumpedPair[]; values: Map<string, number[]> };

/** Reads a dump and computes `computed` for every pair. */
export function loadCollection(file: string, computed: readonly Candidate[]): Collection {
  const { name, folder, pairs } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    name: string;
    folder: string;
    pairs: DumpedPair[];
  };
  const set = loadVerifySet(folder);
  const statistics = statisticsOfSet(set);
  const ids = [...set.documents.keys()];
  const position = new Map(ids.map((id, i) => [id, i]));
  const vectors = ids.map((id) => {
    const counts = new Map<string, number>();
    for (const s of set.documents.get(id)!.sentences)
      for (const [t, c] of bagOf(s.text).counts) counts.set(t, (counts.get(t) ?? 0) + c);
    return tfidf(counts, statistics);
  });
  const texts = pairs.map(
    (p): PairTexts => ({
      read: p.relevanceOnContext && p.context ? p.context : p.claim,
      clause: p.claim,
      sentence: p.context ?? p.claim,
      ...(p.raw !== undefined ? { raw: p.raw } : {}),
      sentences: sentencesOf(set.documents.get(p.docId)!)
        .filter((s) => s.field !== 'title')
        .map((s) => s.text),
      statistics,
      library: { vectors, own: position.get(p.docId)! },
      unaddressed: { share: p.reading.unaddressed.share, words: p.reading.unaddressed.words.length },
    }),
  );
  const values = new Map(computed.map((c) => [c.name, texts.map(c.value)]));
  return { name, pairs, values };
}
