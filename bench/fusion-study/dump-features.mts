// Fusion study, step 1b: what dump-rankings.mts writes, plus what the keyword side inside hybrid could
// use at query time from the texts of its candidates: each query term's title and body counts per
// candidate (BM25F / title bonus) and the proximity of query-term pairs in the candidate's text
// (sequential-dependence style). Candidates are the union of BM25's and Rocchio-dense's top 100.
// Usage: npx tsx bench/fusion-study/dump-features.mts <name> <beir-folder> <split> <index-dir> <out-dir>
import fs from 'node:fs';
import { openIndex, terms } from '../../indexer/index.ts';
import { bm25Idf } from '../../indexer/store/keyword/bm25-ranking.ts';
import { dot } from '../../indexer/vectors/vector-codec.ts';
import { readBeirCollection } from '../../server/eval/beir.ts';
import { rocchio } from '../../server/search/fuse.ts';
import { informativeTerms, keywordRanking } from '../../server/search/keyword.search.ts';
import { analyzeQuery } from '../../server/search/query.ts';
import { denseRanking } from '../../server/search/semantic.search.ts';

const [name, folder, split, indexDir, outDir] = process.argv.slice(2);
const reader = await openIndex(indexDir!);
const ids = new Map<number, string>();
for (const { doc, paper } of reader.papers.all()) ids.set(doc, paper.id);
const col = readBeirCollection(folder!, split ?? 'test');
const N = reader.manifest.papers;
const avgdl = reader.postings.averageLength();
const emb = reader.embedder as unknown as { coverage(t: string): number };
const MAX_DISTANCE = 8;
const ROCCHIO_VARIANTS: Array<[number, number]> = [
  [0, 0],
  [3, 1],
  [10, 1],
  [5, 0.5],
  [5, 2],
  [10, 2],
  [20, 1],
];
const out: unknown[] = [];
for (const q of col.queries) {
  const query = analyzeQuery(q.text);
  const vec = await reader.embedQuery(q.text);
  const keyword = keywordRanking(reader, query.terms, 100);
  const keywordTitle2 = reader
    .searchKeyword(informativeTerms(reader, query.terms), 100, { titleWeight: 2 })
    .map((h) => [ids.get(h.label), h.score, h.label]);
  const dense = denseRanking(reader, vec, 100);
  const kv = reader.paperVectorsOf(keyword.map((r) => r.doc));
  const fb = keyword.slice(0, 5).flatMap((r) => (kv.get(r.doc) ? [{ vector: kv.get(r.doc)!, weight: r.score }] : []));
  const moved = rocchio(vec, fb, 1);
  const denseMoved = denseRanking(reader, moved, 100);
  const exactMoved: Record<number, number> = {};
  for (const [doc, v] of kv) exactMoved[doc] = dot(v, moved);
  // Rocchio re-checked: other feedback depths and weights (dense list and exact cosines of BM25's hits).
  const rocchioVariants: Record<string, unknown> = {};
  for (const [depth, beta] of ROCCHIO_VARIANTS) {
    const fbv = keyword
      .slice(0, depth)
      .flatMap((r) => (kv.get(r.doc) ? [{ vector: kv.get(r.doc)!, weight: r.score }] : []));
    const mv = rocchio(vec, fbv, beta);
    const exact: Record<number, number> = {};
    for (const [doc, v] of kv) exact[doc] = dot(v, mv);
    rocchioVariants[`${depth},${beta}`] = {
      denseMoved: denseRanking(reader, mv, 100).map((r) => [ids.get(r.doc), r.score, r.doc]),
      exactMoved: exact,
    };
  }
  // Distinct query terms (as BM25 sees them) with their FTS5 idf and query counts.
  const kept = informativeTerms(reader, query.terms);
  const qterms: string[] = [];
  const qcount: number[] = [];
  for (const t of kept) {
    const i = qterms.indexOf(t);
    if (i >= 0) qcount[i]!++;
    else {
      qterms.push(t);
      qcount.push(1);
    }
  }
  const idf = qterms.map((t) => {
    const df = reader.postings.documentFrequency(t);
    return df === 0 ? 0 : bm25Idf(N, df, Math.log);
  });
  // Query order of first occurrence, for ordered bigrams.
  const index = new Map(qterms.map((t, i) => [t, i]));
  const docs = new Set<number>([...keyword.map((r) => r.doc), ...denseMoved.map((r) => r.doc)]);
  const features: Record<number, unknown> = {};
  // Each candidate's passages' cosines with the plain and the moved query (dense MaxP evidence).
  const passageCosines = new Map<number, { plain: number[]; moved: number[] }>();
  for (const row of reader.passages.ofPapersWithVectors([...docs])) {
    const entry = passageCosines.get(row.doc) ?? { plain: [], moved: [] };
    passageCosines.set(row.doc, entry);
    entry.plain.push(Math.round(dot(row.vector, vec) * 1e5) / 1e5);
    entry.moved.push(Math.round(dot(row.vector, moved) * 1e5) / 1e5);
  }
  for (const doc of docs) {
    const paper = reader.getPaperByDoc(doc);
    if (!paper) continue;
    const title = terms(paper.title);
    const body = terms(paper.abstract);
    const tf: Array<[number, number, number]> = [];
    const tt = new Map<number, number>();
    const tb = new Map<number, number>();
    for (const t of title) if (index.has(t)) tt.set(index.get(t)!, (tt.get(index.get(t)!) ?? 0) + 1);
    for (const t of body) if (index.has(t)) tb.set(index.get(t)!, (tb.get(index.get(t)!) ?? 0) + 1);
    for (const i of new Set([...tt.keys(), ...tb.keys()])) tf.push([i, tt.get(i) ?? 0, tb.get(i) ?? 0]);
    // Pairs of distinct query terms within MAX_DISTANCE positions in the title or in the abstract
    // (not across them): [i, j, distance] with i < j in query order, one row per occurrence pair.
    const pairs: Record<string, number[]> = {};
    for (const seq of [title, body]) {
      const pos: Array<[number, number]> = [];
      seq.forEach((t, p) => {
        const i = index.get(t);
        if (i !== undefined) pos.push([p, i]);
      });
      for (let a = 0; a < pos.length; a++) {
        for (let b = a + 1; b < pos.length && pos[b]![0] - pos[a]![0] <= MAX_DISTANCE; b++) {
          const [pa, ia] = pos[a]!;
          const [pb, ib] = pos[b]!;
          if (ia === ib) continue;
          const d = pb - pa;
          // Signed: positive when the doc has them in query order.
          const key = ia < ib ? `${ia},${ib}` : `${ib},${ia}`;
          const list = pairs[key] ?? [];
          list.push(ia < ib ? d : -d);
          pairs[key] = list;
        }
      }
    }
    const pv = passageCosines.get(doc);
    features[doc] = {
      dl: title.length + body.length,
      tl: title.length,
      tf,
      pairs,
      passagePlain: pv?.plain ?? [],
      passageMoved: pv?.moved ?? [],
    };
  }
  out.push({
    id: q.id,
    judgments: Object.fromEntries(q.judgments),
    coverage: emb.coverage(q.text),
    explained: reader.embedder.explainedShare ?? null,
    qterms,
    qcount,
    idf,
    keyword: keyword.map((r) => [ids.get(r.doc), r.score, r.doc]),
    keywordTitle2,
    dense: dense.map((r) => [ids.get(r.doc), r.score, r.doc]),
    denseMoved: denseMoved.map((r) => [ids.get(r.doc), r.score, r.doc]),
    exactMoved,
    rocchioVariants,
    features,
    population: N,
    avgdl,
  });
}
fs.writeFileSync(`${outDir}/${name}.json`, JSON.stringify(out));
reader.close();
console.log(name, out.length);
