// Fusion study, query-performance predictors (issue 16): per query of a BEIR collection, what the IR
// literature's predictors are computed from — each BM25 term's df and collection frequency, and both
// sides' score distributions over the whole library (BM25 of every paper, cosine to every paper) —
// written as JSON for predictor-study.mjs, beside dump-rankings.mts's output of the same queries.
import fs from 'node:fs';
import { openIndex } from '../../indexer/index.ts';
import type { Posting } from '../../indexer/store/keyword/postings-codec.ts';
import { readBeirCollection } from '../../server/eval/beir.ts';
import { informativeTerms } from '../../server/search/keyword.search.ts';
import { analyzeQuery } from '../../server/search/query.ts';

// Usage: npx tsx bench/fusion-study/dump-predictors.mts <name> <beir-folder> <split> <index-dir> <out-dir>
// Writes <out-dir>/<name>.predictors.json.
const [name, folder, split, indexDir, outDir] = process.argv.slice(2);
if (!name || !folder || !indexDir || !outDir)
  throw new Error('Usage: dump-predictors.mts <name> <beir> <split> <index> <out>');
const reader = await openIndex(indexDir);
const docs: number[] = [];
for (const { doc } of reader.papers.all()) docs.push(doc);
const vectors = reader.paperVectorsOf(docs);
const N = reader.manifest.papers;
const averageLength = reader.postings.averageLength();
const tokens = averageLength * N;
// The decoded posting lists (the reader's cache is private; a study may read it).
const cache = (reader.postings as unknown as { cache: { get(term: string): Posting | null } }).cache;

// The library's centroid (mean paper vector): the dense side's "corpus as one document".
const dimensions = vectors.values().next().value?.length ?? 0;
const centroid = new Float64Array(dimensions);
for (const v of vectors.values()) for (let i = 0; i < dimensions; i++) centroid[i]! += v[i]! / vectors.size;
const centroidNorm = Math.hypot(...centroid);

/** Mean and standard deviation of a list over `count` items (the missing ones count 0), and its best 100. */
function distribution(scores: number[], count: number) {
  let sum = 0;
  let squares = 0;
  for (const s of scores) {
    sum += s;
    squares += s * s;
  }
  const mean = sum / count;
  const top = [...scores].sort((a, b) => b - a).slice(0, 100);
  return { mean, sd: Math.sqrt(Math.max(0, squares / count - mean * mean)), matches: scores.length, top };
}

const col = readBeirCollection(folder, split ?? 'test');
const out: unknown[] = [];
for (const q of col.queries) {
  const query = analyzeQuery(q.text);
  const used = informativeTerms(reader, query.terms);
  const counts = new Map<string, number>();
  for (const t of used) counts.set(t, (counts.get(t) ?? 0) + 1);
  const terms = [...counts].map(([term, qtf]) => {
    const posting = cache.get(term);
    let cf = 0;
    if (posting) for (let i = 0; i < posting.counts.length; i++) cf += posting.counts[i]!;
    return { term, qtf, df: posting?.df ?? 0, cf };
  });
  // BM25 of every matching paper (the rest score 0).
  const bm25 = reader.searchKeyword(used, N, { titleWeight: 1 }).map((h) => h.score);
  const vec = await reader.embedQuery(q.text);
  const cosines: number[] = [];
  for (const v of vectors.values()) {
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * vec[i]!;
    cosines.push(dot);
  }
  let towardCentroid = 0;
  for (let i = 0; i < dimensions; i++) towardCentroid += centroid[i]! * vec[i]!;
  out.push({
    id: q.id,
    terms,
    keyword: distribution(bm25, N),
    dense: distribution(cosines, N),
    centroidCosine: centroidNorm > 0 ? towardCentroid / centroidNorm : 0,
    papers: N,
    tokens,
  });
}
fs.writeFileSync(`${outDir}/${name}.predictors.json`, JSON.stringify(out));
reader.close();
console.log(name, out.length);
