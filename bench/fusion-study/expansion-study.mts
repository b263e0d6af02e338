// Term-similarity expansion study: does BM25 gain from the built-in latent model's term–term
// similarities? Per query, the vocabulary terms closest to the whole query (cosine of a term's row in
// the fitted projection with the query's vector) are added to the BM25 query with small weights; or,
// per query term, its closest terms (a translation model). Writes one dump folder per variant in
// dump-rankings.mts's format (keyword = the variant's list, plainKeyword = plain BM25, the dense side
// unchanged, Rocchio fed by the variant's top papers), so cross-validate.mjs scores it inside hybrid.
// Usage: npx tsx bench/fusion-study/expansion-study.mts <name> <beir-folder> <split> <index-dir> <out-root> ['<variants json>']
// A variant: { source: 'query' | 'moved' | 'term', space: 'plain' | 'sigma', terms: m, lambda: λ, scale: 'sim' | 'flat' }.
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
  source: 'query' | 'moved' | 'term';
  space: 'plain' | 'sigma';
  terms: number;
  lambda: number;
  scale?: 'sim' | 'flat';
  minSim?: number;
};
const [name, folder, split, indexDir, outRoot, variantsJson] = process.argv.slice(2);
// DUMP=1 writes the dumps for cross-validate.mjs; without it only expanded BM25's nDCG@10 is printed (a screen).
const DUMP = process.env.DUMP === '1';
const DEFAULT_VARIANTS: Record<string, Variant> = {};
for (const source of ['query', 'moved', 'term'] as const)
  for (const space of ['plain', 'sigma'] as const)
    for (const m of [5, 10, 20])
      for (const lambda of [0.1, 0.25, 0.5])
        DEFAULT_VARIANTS[`${source}-${space}-m${m}-l${lambda}`] = { source, space, terms: m, lambda };
const variants: Record<string, Variant> = variantsJson ? JSON.parse(variantsJson) : DEFAULT_VARIANTS;

const reader = await openIndex(indexDir!);
const state = reader.embedder.serialize();
if (!state) throw new Error(`${indexDir}: the index's embedder is not the built-in model`);
const model = decodeModel(state);
const D = model.dimensions;
const V = model.terms.length;
const vocab = new Map(model.terms.map((t, i) => [t, i]));

// In-memory BM25 over the index's own papers (title + abstract as one field, FTS5's idf), checked against the index below.
const docs: number[] = [];
const ids = new Map<number, string>();
const lengths = new Map<number, number>();
const postings = new Map<string, Array<[number, number]>>();
for (const { doc, paper } of reader.papers.all()) {
  ids.set(doc, paper.id);
  docs.push(doc);
  const all = [...terms(paper.title), ...terms(paper.abstract)];
  lengths.set(doc, all.length);
  const counts = new Map<string, number>();
  for (const t of all) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of counts) {
    let list = postings.get(t);
    if (!list) {
      list = [];
      postings.set(t, list);
    }
    list.push([doc, n]);
  }
}
const N = docs.length;
const avgdl = reader.postings.averageLength();
const idfOf = (t: string) => {
  const df = postings.get(t)?.length ?? 0;
  return df === 0 ? 0 : bm25Idf(N, df, Math.log);
};
function bm25(weights: Map<string, number>, k: number): Array<[number, number]> {
  const scores = new Map<number, number>();
  for (const [t, w] of weights) {
    const list = postings.get(t);
    if (!list || w <= 0) continue;
    const f = idfOf(t);
    for (const [d, n] of list) {
      const s = (w * f * (n * 2.2)) / (n + 1.2 * (1 - 0.75 + (0.75 * lengths.get(d)!) / avgdl));
      scores.set(d, (scores.get(d) ?? 0) + s);
    }
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k);
}

// Term rows in the plain space (as one-word queries embed) and scaled by Σ (the latent space's term–term similarity).
const sigma = model.singularValues;
const rowNorm = { plain: new Float32Array(V), sigma: new Float32Array(V) };
for (let t = 0; t < V; t++) {
  let a = 0;
  let b = 0;
  for (let k = 0; k < D; k++) {
    const x = model.projection[t * D + k]!;
    a += x * x;
    b += x * x * sigma[k]! * sigma[k]!;
  }
  rowNorm.plain[t] = Math.sqrt(a);
  rowNorm.sigma[t] = Math.sqrt(b);
}
/** Cosine of every vocabulary term with the vector v (in the plain or the Σ-scaled space). */
function similarities(v: Float32Array | Float64Array, space: 'plain' | 'sigma'): Float32Array {
  const w = new Float64Array(D);
  let norm = 0;
  for (let k = 0; k < D; k++) {
    const s = space === 'sigma' ? sigma[k]! : 1;
    w[k] = v[k]! * s * s;
    norm += (v[k]! * s) ** 2;
  }
  norm = Math.sqrt(norm);
  const out = new Float32Array(V);
  const norms = rowNorm[space];
  for (let t = 0; t < V; t++) {
    let dotp = 0;
    const base = t * D;
    for (let k = 0; k < D; k++) dotp += model.projection[base + k]! * w[k]!;
    out[t] = norms[t]! > 0 && norm > 0 ? dotp / (norms[t]! * norm) : 0;
  }
  return out;
}
function topTerms(sims: Float32Array, m: number, exclude: Set<string>, minSim: number): Array<[string, number]> {
  const best: Array<[number, number]> = [];
  for (let t = 0; t < V; t++) {
    const s = sims[t]!;
    if (s < minSim || (best.length === m && s <= best[m - 1]![1])) continue;
    if (exclude.has(model.terms[t]!)) continue;
    best.push([t, s]);
    best.sort((a, b) => b[1] - a[1]);
    if (best.length > m) best.pop();
  }
  return best.map(([t, s]) => [model.terms[t]!, s]);
}

const col = readBeirCollection(folder!, split ?? 'test');
const allVectors = reader.paperVectorsOf(docs);
const out: Record<string, unknown[]> = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
const totals: Record<string, number> = Object.fromEntries(Object.keys(variants).map((v) => [v, 0]));
let plainTotal = 0;
let mismatches = 0;
const simCache = new Map<string, Float32Array>();
const termNeighbours = new Map<string, Array<[string, number]>>();
for (const [qi, q] of col.queries.entries()) {
  const query = analyzeQuery(q.text);
  const qc = new Map<string, number>();
  for (const t of query.terms) qc.set(t, (qc.get(t) ?? 0) + 1);
  const plain = bm25(qc, 100);
  if (qi < 20) {
    const check = reader.searchKeyword(query.terms, 10);
    for (let i = 0; i < Math.min(check.length, plain.length); i++)
      if (Math.abs(check[i]!.score - plain[i]![1]) > 1e-6 * Math.abs(check[i]!.score)) mismatches++;
  }
  const judgments = new Map(q.judgments);
  plainTotal += ndcgAt(
    plain.map(([d]) => ids.get(d)!),
    judgments,
    10,
  );
  const vec = await reader.embedQuery(q.text);
  const dense = DUMP ? denseRanking(reader, vec, 100) : [];
  const plainFeedback = plain.slice(0, 5).map(([d, s]) => ({ vector: allVectors.get(d)!, weight: s }));
  const plainMoved = rocchio(vec, plainFeedback, 1);
  const exclude = new Set(qc.keys());
  simCache.clear();
  const simsOf = (key: string, v: Float32Array | Float64Array, space: 'plain' | 'sigma') => {
    const cacheKey = `${key}/${space}`;
    let s = simCache.get(cacheKey);
    if (!s) {
      s = similarities(v, space);
      simCache.set(cacheKey, s);
    }
    return s;
  };
  for (const [vname, p] of Object.entries(variants)) {
    const weights = new Map(qc);
    const minSim = p.minSim ?? 0;
    const add = (t: string, w: number) => weights.set(t, (weights.get(t) ?? 0) + w);
    if (p.source === 'term') {
      // Translation: each query term's own neighbours, m per term split over the terms' query weight.
      for (const [t, n] of qc) {
        const row = vocab.get(t);
        if (row === undefined) continue;
        const key = `${t}/${p.space}/${minSim}`;
        let neighbours = termNeighbours.get(key);
        if (!neighbours) {
          const unit = new Float64Array(D);
          for (let k = 0; k < D; k++) unit[k] = model.projection[row * D + k]!;
          neighbours = topTerms(similarities(unit, p.space), 40, new Set([t]), minSim);
          termNeighbours.set(key, neighbours);
        }
        for (const [u, s] of neighbours.filter(([u]) => !exclude.has(u)).slice(0, p.terms))
          add(u, (p.lambda * n * (p.scale === 'flat' ? 1 : s)) / Math.max(1, p.terms / 5));
      }
    } else {
      const v = p.source === 'query' ? vec : plainMoved;
      const picked = topTerms(simsOf(p.source, v, p.space), p.terms, exclude, minSim);
      for (const [u, s] of picked) add(u, p.lambda * (p.scale === 'flat' ? 1 : s));
    }
    const list = weights.size > qc.size ? bm25(weights, 100) : plain;
    totals[vname]! += ndcgAt(
      list.map(([d]) => ids.get(d)!),
      judgments,
      10,
    );
    if (!DUMP) continue;
    const fb = list.slice(0, 5).map(([d, s]) => ({ vector: allVectors.get(d)!, weight: s }));
    const moved = list === plain ? plainMoved : rocchio(vec, fb, 1);
    const denseMoved = denseRanking(reader, moved, 100);
    const exactMoved: Record<number, number> = {};
    for (const [d] of list) {
      const x = allVectors.get(d)!;
      let s = 0;
      for (let k = 0; k < D; k++) s += x[k]! * moved[k]!;
      exactMoved[d] = s;
    }
    out[vname]!.push({
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
}
const n = col.queries.length;
console.log(`${name} plain BM25 ${(plainTotal / n).toFixed(3)} (score mismatches with the index: ${mismatches})`);
for (const vname of Object.keys(variants)) {
  console.log(`${name} ${vname.padEnd(24)} expanded BM25 ${(totals[vname]! / n).toFixed(3)}`);
  if (!DUMP) continue;
  fs.mkdirSync(path.join(outRoot!, vname), { recursive: true });
  fs.writeFileSync(path.join(outRoot!, vname, `${name}.json`), JSON.stringify(out[vname]));
}
reader.close();
