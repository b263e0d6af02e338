// Fusion study, step 1: per query of a BEIR collection, the keyword, dense and Rocchio-moved dense
// rankings (top 100), the embedder's coverage of the query and its explained share of the library,
// written as JSON for cross-validate.mjs.
import fs from 'node:fs';
import { openIndex } from '../../indexer/index.ts';
import { readBeirCollection } from '../../server/eval/beir.ts';
import { rocchio } from '../../server/search/fuse.ts';
import { keywordRanking } from '../../server/search/keyword.search.ts';
import { analyzeQuery } from '../../server/search/query.ts';
import { denseRanking } from '../../server/search/semantic.search.ts';

// Usage: npx tsx bench/fusion-study/dump-rankings.mts <name> <beir-folder> <split> <index-dir> <out-dir>
const [name, folder, split, indexDir, outDir] = process.argv.slice(2);
const reader = await openIndex(indexDir!);
const ids = new Map<number, string>();
for (const { doc, paper } of reader.papers.all()) ids.set(doc, paper.id);
const col = readBeirCollection(folder!, split ?? 'test');
const out: unknown[] = [];
const emb = reader.embedder as unknown as { coverage(t: string): number };
for (const q of col.queries) {
  const query = analyzeQuery(q.text);
  const vec = await reader.embedQuery(q.text);
  const keyword = keywordRanking(reader, query.terms, 100);
  const dense = denseRanking(reader, vec, 100);
  const kv = reader.paperVectorsOf(keyword.map((r) => r.doc));
  const fb = keyword.slice(0, 5).flatMap((r) => (kv.get(r.doc) ? [{ vector: kv.get(r.doc)!, weight: r.score }] : []));
  const moved = rocchio(vec, fb, 1);
  const denseMoved = denseRanking(reader, moved, 100);
  const exactPlain: Record<number, number> = {};
  const exactMoved: Record<number, number> = {};
  for (const [doc, v] of kv) {
    let a = 0,
      b = 0;
    for (let i = 0; i < v.length; i++) {
      a += v[i]! * vec[i]!;
      b += v[i]! * moved[i]!;
    }
    exactPlain[doc] = a;
    exactMoved[doc] = b;
  }
  // keyword side coverage: idf-weighted share of query terms found in the index
  let tot = 0,
    found = 0;
  const N = reader.manifest.papers;
  for (const [t, c] of query.counts) {
    const df = reader.postings.documentFrequency(t);
    const w = c * Math.log(1 + N / Math.max(df, 1));
    tot += w;
    if (df > 0) found += w;
  }
  out.push({
    id: q.id,
    text: q.text,
    judgments: Object.fromEntries(q.judgments),
    coverage: emb.coverage(q.text),
    // How much of the library the fitted model explains (undefined for a library too small to judge).
    explained: reader.embedder.explainedShare ?? null,
    kwCoverage: tot > 0 ? found / tot : 0,
    keyword: keyword.map((r) => [ids.get(r.doc), r.score, r.doc]),
    dense: dense.map((r) => [ids.get(r.doc), r.score, r.doc]),
    denseMoved: denseMoved.map((r) => [ids.get(r.doc), r.score, r.doc]),
    exactPlain,
    exactMoved,
    population: N,
  });
}
fs.writeFileSync(`${outDir}/${name}.json`, JSON.stringify(out));
reader.close();
console.log(name, out.length);
