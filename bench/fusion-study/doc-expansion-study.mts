// Document-side expansion study: each paper gains, as fractional term counts, the vocabulary terms the
// built-in latent model puts closest to its stored vector (cosine of a term's projection row with the
// paper vector) that it does not already hold — the paraphrase words an abstract could have used. BM25
// (FTS5's formula, document frequencies counting expanded papers, lengths unchanged) then runs the plain
// query against the expanded papers. Prints keyword-only nDCG@10 per variant; with DUMP=1 also writes
// dumps in dump-rankings.mts's format (keyword = the variant's list, plainKeyword = plain BM25) for
// cross-validate-variants.mjs.
// Usage: npx tsx bench/fusion-study/doc-expansion-study.mts <name> <beir-folder> <split> <index-dir> <out-root> ['<variants json>']
// A variant: { terms: m added per paper, lambda: a term's count = λ·cosine, minSim: smallest cosine kept }.
import fs from 'node:fs';
import path from 'node:path';
import { decodeModel } from '../../indexer/embedders/lsa/model-state.ts';
import { openIndex, terms } from '../../indexer/index.ts';
import { bm25Idf } from '../../indexer/store/keyword/bm25-ranking.ts';
import { readBeirCollection } from '../../server/eval/beir.ts';
import { ndcgAt } from '../../server/eval/metrics.ts';
import { rocchio } from '../../server/search/fuse.ts';
import { analyzeQuery } from '../../server/search/query.ts';
import { denseRanking } from '../../server/search/semantic.search.ts';

type Variant = {
  terms: number;
  lambda: number;
  minSim?: number;
  /**
   * Query-time emulation: only BM25's and plain dense retrieval's top 100 are re-scored; a query term a
   * candidate lacks counts λ·cosine when its cosine with the paper reaches θ (one number per library: the
   * mean over 200 papers of their `terms`-th best new-term cosine); idf from the plain document frequency.
   */
  rerank?: boolean;
};
const [name, folder, split, indexDir, outRoot, variantsJson] = process.argv.slice(2);
const DUMP = process.env.DUMP === '1';
const DEFAULT_VARIANTS: Record<string, Variant> = {};
for (const m of [5, 10, 20])
  for (const lambda of [0.25, 0.5, 1]) DEFAULT_VARIANTS[`d${m}-l${lambda}`] = { terms: m, lambda };
const variants: Record<string, Variant> = variantsJson ? JSON.parse(variantsJson) : DEFAULT_VARIANTS;
const MAX_TERMS = Math.max(...Object.values(variants).map((v) => v.terms));

const reader = await openIndex(indexDir!);
const state = reader.embedder.serialize();
if (!state) throw new Error(`${indexDir}: the index's embedder is not the built-in model`);
const model = decodeModel(state);
const D = model.dimensions;
const V = model.terms.length;
const rowNorm = new Float32Array(V);
for (let t = 0; t < V; t++) {
  let a = 0;
  for (let k = 0; k < D; k++) a += model.projection[t * D + k]! ** 2;
  rowNorm[t] = Math.sqrt(a);
}

const docs: number[] = [];
const ids = new Map<number, string>();
const lengths = new Map<number, number>();
const docCounts = new Map<number, Map<string, number>>();
for (const { doc, paper } of reader.papers.all()) {
  ids.set(doc, paper.id);
  docs.push(doc);
  const all = [...terms(paper.title), ...terms(paper.abstract)];
  lengths.set(doc, all.length);
  const counts = new Map<string, number>();
  for (const t of all) counts.set(t, (counts.get(t) ?? 0) + 1);
  docCounts.set(doc, counts);
}
const N = docs.length;
const avgdl = reader.postings.averageLength();
const vectors = reader.paperVectorsOf(docs);
// Each paper's MAX_TERMS closest new terms with their cosines.
const t0 = Date.now();
const added = new Map<number, Array<[string, number]>>();
// The query-time emulation needs the expansions of θ's sample only.
const onlyRerank = Object.values(variants).every((v) => v.rerank);
const sampleSize = Math.min(200, docs.length);
const thetaSample = Array.from({ length: sampleSize }, (_, i) => docs[Math.floor((i * docs.length) / sampleSize)]!);
for (const doc of onlyRerank ? thetaSample : docs) {
  const v = vectors.get(doc)!;
  const have = docCounts.get(doc)!;
  const best: Array<[number, number]> = [];
  for (let t = 0; t < V; t++) {
    if (rowNorm[t] === 0) continue;
    let s = 0;
    const base = t * D;
    for (let k = 0; k < D; k++) s += model.projection[base + k]! * v[k]!;
    s /= rowNorm[t]!;
    if (best.length === MAX_TERMS && s <= best[MAX_TERMS - 1]![1]) continue;
    if (have.has(model.terms[t]!)) continue;
    best.push([t, s]);
    best.sort((a, b) => b[1] - a[1]);
    if (best.length > MAX_TERMS) best.pop();
  }
  added.set(
    doc,
    best.map(([t, s]) => [model.terms[t]!, s]),
  );
}
const expandSeconds = (Date.now() - t0) / 1000;

type Postings = Map<string, Array<[number, number]>>;
function postingsOf(p: Variant | null): Postings {
  const out: Postings = new Map();
  const put = (t: string, doc: number, n: number) => {
    let list = out.get(t);
    if (!list) {
      list = [];
      out.set(t, list);
    }
    list.push([doc, n]);
  };
  for (const doc of docs) {
    for (const [t, n] of docCounts.get(doc)!) put(t, doc, n);
    if (!p) continue;
    for (const [t, s] of added.get(doc)!.slice(0, p.terms))
      if (s >= (p.minSim ?? 0) && s > 0) put(t, doc, p.lambda * s);
  }
  return out;
}
function bm25(postings: Postings, weights: Map<string, number>, k: number): Array<[number, number]> {
  const scores = new Map<number, number>();
  for (const [t, w] of weights) {
    const list = postings.get(t);
    if (!list) continue;
    const f = bm25Idf(N, list.length, Math.log);
    for (const [d, n] of list) {
      const s = (w * f * (n * 2.2)) / (n + 1.2 * (1 - 0.75 + (0.75 * lengths.get(d)!) / avgdl));
      scores.set(d, (scores.get(d) ?? 0) + s);
    }
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
}

const col = readBeirCollection(folder!, split ?? 'test');
const plainPostings = postingsOf(null);
const queries = col.queries.map((q) => {
  const qc = new Map<string, number>();
  for (const t of analyzeQuery(q.text).terms) qc.set(t, (qc.get(t) ?? 0) + 1);
  return { q, qc, plain: bm25(plainPostings, qc, 100), judgments: new Map(q.judgments) };
});
const n = queries.length;
const plainTotal = queries.reduce(
  (s, x) =>
    s +
    ndcgAt(
      x.plain.map(([d]) => ids.get(d)!),
      x.judgments,
      10,
    ),
  0,
);
console.log(
  `${name} plain BM25 ${(plainTotal / n).toFixed(3)} (expansion terms found in ${expandSeconds.toFixed(1)} s)`,
);
// θ per variant for the query-time emulation: the mean m-th best cosine over an even sample of 200 papers.
const thetaOf = (m: number) => {
  const values = thetaSample.map((d) => added.get(d)![m - 1]?.[1] ?? 1);
  return values.reduce((a, b) => a + b, 0) / values.length;
};
const vocabRow = new Map(model.terms.map((t, i) => [t, i]));
function rerank(p: Variant, theta: number, qc: Map<string, number>, candidates: Set<number>): Array<[number, number]> {
  const list: Array<[number, number]> = [];
  for (const d of candidates) {
    const have = docCounts.get(d)!;
    const v = vectors.get(d)!;
    const K = 1.2 * (1 - 0.75 + (0.75 * lengths.get(d)!) / avgdl);
    let score = 0;
    for (const [t, w] of qc) {
      const df = plainPostings.get(t)?.length ?? 0;
      if (df === 0) continue;
      let n = have.get(t) ?? 0;
      if (n === 0) {
        const row = vocabRow.get(t);
        if (row === undefined || rowNorm[row] === 0) continue;
        let c = 0;
        for (let k = 0; k < D; k++) c += model.projection[row * D + k]! * v[k]!;
        c /= rowNorm[row]!;
        if (c < theta) continue;
        n = p.lambda * c;
      }
      score += (w * bm25Idf(N, df, Math.log) * (n * 2.2)) / (n + K);
    }
    if (score > 0) list.push([d, score]);
  }
  return list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 100);
}
for (const [vname, p] of Object.entries(variants)) {
  const postings = p.rerank ? plainPostings : postingsOf(p);
  const theta = p.rerank ? thetaOf(p.terms) : 0;
  if (p.rerank) console.log(`${name} ${vname} θ ${theta.toFixed(3)}`);
  let total = 0;
  const out: unknown[] = [];
  for (const { q, qc, plain, judgments } of queries) {
    let list: Array<[number, number]>;
    if (p.rerank) {
      const vec = await reader.embedQuery(q.text);
      const candidates = new Set([...plain.map(([d]) => d), ...denseRanking(reader, vec, 100).map((r) => r.doc)]);
      list = rerank(p, theta, qc, candidates);
    } else list = bm25(postings, qc, 100);
    total += ndcgAt(
      list.map(([d]) => ids.get(d)!),
      judgments,
      10,
    );
    if (!DUMP) continue;
    const vec = await reader.embedQuery(q.text);
    const dense = denseRanking(reader, vec, 100);
    const moved = rocchio(
      vec,
      list.slice(0, 5).map(([d, s]) => ({ vector: vectors.get(d)!, weight: s })),
      1,
    );
    const denseMoved = denseRanking(reader, moved, 100);
    const exactMoved: Record<number, number> = {};
    for (const [d] of list) {
      const x = vectors.get(d)!;
      let s = 0;
      for (let k = 0; k < D; k++) s += x[k]! * moved[k]!;
      exactMoved[d] = s;
    }
    out.push({
      id: q.id,
      text: q.text,
      judgments: Object.fromEntries(q.judgments),
      coverage: reader.embedder.coverage?.(q.text) ?? 1,
      explained: reader.embedder.explainedShare ?? null,
      plainKeyword: plain.map(([d, s]) => [ids.get(d), s, d]),
      keyword: list.map(([d, s]) => [ids.get(d), s, d]),
      dense: dense.map((r) => [ids.get(r.doc), r.score, r.doc]),
      denseMoved: denseMoved.map((r) => [ids.get(r.doc), r.score, r.doc]),
      exactMoved,
      population: N,
    });
  }
  console.log(`${name} ${vname.padEnd(16)} doc-expanded BM25 ${(total / n).toFixed(3)}`);
  if (!DUMP) continue;
  fs.mkdirSync(path.join(outRoot!, vname), { recursive: true });
  fs.writeFileSync(path.join(outRoot!, vname, `${name}.json`), JSON.stringify(out));
}
reader.close();
