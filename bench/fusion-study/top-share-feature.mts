// Fusion study: a query-time feature that may separate "word" collections from "meaning" ones — the
// share of the query's idf weight (distinct analyzed terms, FTS5 idf × query count) found in BM25's
// best paper, and in each of its top 3 on average. Adds `topShare` and `top3Share` to each row of a
// dump (dump-rankings.mts or expansion-study.mts format) in place and prints each collection's mean.
// Usage: npx tsx bench/fusion-study/top-share-feature.mts <name> <dump-dir> <index-dir> <beir-folder>
import fs from 'node:fs';
import path from 'node:path';
import { openIndex, terms } from '../../indexer/index.ts';
import { bm25Idf } from '../../indexer/store/keyword/bm25-ranking.ts';
import { analyzeQuery } from '../../server/search/query.ts';

const [name, dumpDir, indexDir, folder] = process.argv.slice(2);
const reader = await openIndex(indexDir!);
const file = path.join(dumpDir!, `${name}.json`);
const rows = JSON.parse(fs.readFileSync(file, 'utf8'));
const texts = new Map(
  fs
    .readFileSync(path.join(folder!, 'queries.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { _id: string; text: string })
    .map((q) => [String(q._id), q.text]),
);
const N = reader.manifest.papers;
const docTerms = new Map<number, Set<string>>();
const termsOf = (doc: number) => {
  let s = docTerms.get(doc);
  if (!s) {
    const p = reader.getPaperByDoc(doc)!;
    s = new Set([...terms(p.title), ...terms(p.abstract)]);
    docTerms.set(doc, s);
  }
  return s;
};
let sum1 = 0;
let sum3 = 0;
for (const q of rows) {
  const counts = new Map<string, number>();
  for (const t of analyzeQuery(texts.get(String(q.id)) ?? '').terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const weight = new Map<string, number>();
  let total = 0;
  for (const [t, n] of counts) {
    const df = reader.postings.documentFrequency(t);
    const w = df === 0 ? 0 : n * bm25Idf(N, df, Math.log);
    weight.set(t, w);
    total += w;
  }
  const share = (doc: number) => {
    const have = termsOf(doc);
    let held = 0;
    for (const [t, w] of weight) if (have.has(t)) held += w;
    return total > 0 ? held / total : 0;
  };
  const top = (q.plainKeyword ?? q.keyword).slice(0, 3).map((r: [string, number, number]) => share(r[2]));
  q.topShare = top[0] ?? 0;
  q.top3Share = top.length ? top.reduce((a: number, b: number) => a + b, 0) / top.length : 0;
  sum1 += q.topShare;
  sum3 += q.top3Share;
}
fs.writeFileSync(file, JSON.stringify(rows));
console.log(`${name} mean topShare ${(sum1 / rows.length).toFixed(3)} top3Share ${(sum3 / rows.length).toFixed(3)}`);
reader.close();
