// Embedder study: fits a variant of the built-in latent semantic model on each collection's corpus,
// embeds its papers as the indexer does (the mean of its passages' vectors), ranks every query by
// exact cosine, and writes the rankings in dump-rankings.mts's format (keyword side read from an
// existing dump), so cross-validate.mjs can score hybrid fusion with the variant. Prints dense-only
// nDCG@10 per collection as it goes.
// Usage: npx tsx bench/fusion-study/embedder-study.mts <keyword-dump-dir> <beir-root> <out-dir> '<variant json>'
import fs from 'node:fs';
import path from 'node:path';
import { randomizedSvd } from '../../indexer/embedders/lsa/randomized-svd.ts';
import { sparseFromRows } from '../../indexer/embedders/lsa/sparse-matrix.ts';
import { splitPassages } from '../../indexer/passages/split-passages.ts';
import { terms } from '../../indexer/text/analyze.ts';
import { ndcgAt } from '../../server/eval/metrics.ts';

type Variant = {
  dimensions: number;
  /** Local weight: log = 1 + ln tf; bm25 = saturated tf with length normalization; raw = tf. */
  local: 'log' | 'bm25' | 'raw';
  /** Global weight: idf (smoothed) or entropy (log-entropy). */
  global: 'idf' | 'entropy' | 'idf2';
  sigmaExponent: number;
  /** Leading latent directions dropped (the first is mostly document length / common words). */
  drop: number;
  fitOn: 'papers' | 'passages';
  paperVector: 'passages' | 'whole';
  minDf: number;
  maxDf: number;
  k1: number;
  b: number;
};
const DEFAULT: Variant = {
  dimensions: 256,
  local: 'log',
  global: 'idf',
  sigmaExponent: 0,
  drop: 0,
  fitOn: 'papers',
  paperVector: 'passages',
  minDf: 2,
  maxDf: 0.5,
  k1: 1.2,
  b: 0.75,
};
const [kwDir, beirRoot, outDir, variantJson] = process.argv.slice(2);
const v: Variant = { ...DEFAULT, ...(variantJson ? JSON.parse(variantJson) : {}) };
fs.mkdirSync(outDir!, { recursive: true });
const names = (process.env.COLLECTIONS ?? 'cranfield,cisi,scifact').split(',');

type KwQuery = {
  id: string;
  judgments: Record<string, number>;
  text: string;
  keyword: [string, number, number][];
  population: number;
  /** The plain BM25 list when `keyword` holds an expanded query's (feedback-study.mts). */
  plainKeyword?: [string, number, number][];
};

for (const name of names) {
  const t0 = Date.now();
  const corpus = fs
    .readFileSync(path.join(beirRoot!, name, 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { _id: string; title?: string; text?: string });
  const papers = corpus.map((d) => ({
    id: String(d._id),
    title: (d.title ?? '').trim(),
    abstract: (d.text ?? '').trim(),
  }));
  const paperTexts = papers.map((p) => `${p.title}. ${p.abstract}`);
  const passageTexts = papers.map((p) =>
    splitPassages(p).map((s) => (s.field === 'title' ? p.title : `${p.title}. ${s.text}`)),
  );
  const fitTexts = v.fitOn === 'papers' ? paperTexts : passageTexts.flat();
  const fitTerms = fitTexts.map((t) => terms(t));
  // Vocabulary and global weights.
  const df = new Map<string, number>();
  for (const doc of fitTerms) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const N = fitTerms.length;
  const kept = [...df]
    .filter(([, f]) => f >= v.minDf && f <= Math.max(1, Math.floor(v.maxDf * N)))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 50_000);
  const index = new Map(kept.map(([t], i) => [t, i]));
  const global = new Float64Array(kept.length);
  kept.forEach(([, f], i) => {
    if (v.global === 'idf') global[i] = Math.log((1 + N) / (1 + f)) + 1;
    if (v.global === 'idf2') global[i] = Math.log((N - f + 0.5) / (f + 0.5) + 1);
  });
  if (v.global === 'entropy') {
    const gf = new Float64Array(kept.length);
    const counts = fitTerms.map((doc) => {
      const c = new Map<number, number>();
      for (const t of doc) {
        const r = index.get(t);
        if (r !== undefined) c.set(r, (c.get(r) ?? 0) + 1);
      }
      return c;
    });
    for (const c of counts) for (const [r, n] of c) gf[r]! += n;
    const ent = new Float64Array(kept.length);
    for (const c of counts)
      for (const [r, n] of c) {
        const p = n / gf[r]!;
        ent[r]! += p * Math.log(p);
      }
    for (let r = 0; r < kept.length; r++) global[r] = 1 + ent[r]! / Math.log(N);
  }
  const avgLen = fitTerms.reduce((a, d) => a + d.length, 0) / Math.max(1, N);
  const weigh = (textTerms: readonly string[]) => {
    const c = new Map<number, number>();
    for (const t of textTerms) {
      const r = index.get(t);
      if (r !== undefined) c.set(r, (c.get(r) ?? 0) + 1);
    }
    const columns: number[] = [];
    const values: number[] = [];
    for (const [r, n] of c) {
      let l: number;
      if (v.local === 'log') l = 1 + Math.log(n);
      else if (v.local === 'raw') l = n;
      else l = (n * (v.k1 + 1)) / (n + v.k1 * (1 - v.b + (v.b * textTerms.length) / avgLen));
      columns.push(r);
      values.push(l * global[r]!);
    }
    let s = 0;
    for (const x of values) s += x * x;
    if (s > 0) for (let i = 0; i < values.length; i++) values[i]! /= Math.sqrt(s);
    return { columns, values };
  };
  const rank = Math.min(v.dimensions + v.drop, N - 1, kept.length - 1);
  const svd = randomizedSvd(
    sparseFromRows(
      fitTerms.map((d) => weigh(d)),
      kept.length,
    ),
    rank,
    { oversampling: 10, powerIterations: 2, seed: 0x5eed },
  );
  const dims = rank - v.drop;
  const proj = new Float32Array(kept.length * dims);
  for (let k = v.drop; k < rank; k++) {
    const sigma = svd.singularValues[k]!;
    const scale = sigma > 0 ? sigma ** -v.sigmaExponent : 0;
    for (let t = 0; t < kept.length; t++) proj[t * dims + k - v.drop] = svd.rightVectors[t * rank + k]! * scale;
  }
  const embed = (text: string) => {
    const w = weigh(terms(text));
    const out = new Float32Array(dims);
    for (let i = 0; i < w.columns.length; i++) {
      const base = w.columns[i]! * dims;
      const x = w.values[i]!;
      for (let k = 0; k < dims; k++) out[k]! += x * proj[base + k]!;
    }
    return normalize(out);
  };
  const fitSeconds = (Date.now() - t0) / 1000;
  const vectors = new Map<string, Float32Array>();
  papers.forEach((p, i) => {
    if (v.paperVector === 'whole') vectors.set(p.id, embed(paperTexts[i]!));
    else {
      const mean = new Float32Array(dims);
      for (const text of passageTexts[i]!) {
        const e = embed(text);
        for (let k = 0; k < dims; k++) mean[k]! += e[k]!;
      }
      vectors.set(p.id, normalize(mean));
    }
  });
  const ids = [...vectors.keys()];
  const matrix = new Float32Array(ids.length * dims);
  ids.forEach((id, i) => {
    matrix.set(vectors.get(id)!, i * dims);
  });
  const top = (q: Float32Array, n: number): [string, number][] => {
    const scores: [string, number][] = [];
    for (let i = 0; i < ids.length; i++) {
      let s = 0;
      for (let k = 0; k < dims; k++) s += q[k]! * matrix[i * dims + k]!;
      scores.push([ids[i]!, s]);
    }
    scores.sort((a, b) => b[1] - a[1]);
    return scores.slice(0, n);
  };
  const kw: KwQuery[] = JSON.parse(fs.readFileSync(path.join(kwDir!, `${name}.json`), 'utf8'));
  const out: unknown[] = [];
  let sum = 0;
  for (const q of kw) {
    const qv = embed(q.text);
    const zero = qv.every((x) => x === 0);
    const dense = zero ? [] : top(qv, 100);
    // Rocchio toward BM25's five best, weighted by BM25 score (as hybrid.search.ts).
    const moved = Float32Array.from(qv);
    const fb = q.keyword.slice(0, 5);
    const total = fb.reduce((a, r) => a + Math.max(0, r[1]), 0);
    if (total > 0)
      for (const [id, s] of fb) {
        const pv = vectors.get(id)!;
        for (let k = 0; k < dims; k++) moved[k]! += (Math.max(0, s) / total) * pv[k]!;
      }
    normalize(moved);
    const denseMoved = zero && total === 0 ? [] : top(moved, 100);
    const exactMoved: Record<string, number> = {};
    for (const [id] of q.keyword) {
      const pv = vectors.get(id)!;
      let s = 0;
      for (let k = 0; k < dims; k++) s += pv[k]! * moved[k]!;
      exactMoved[id] = s;
    }
    // Coverage without subword credit: the share of the query's tf·idf weight the model knows.
    const qt = terms(q.text);
    const c = new Map<string, number>();
    for (const t of qt) c.set(t, (c.get(t) ?? 0) + 1);
    let known = 0;
    let all = 0;
    const maxIdf = Math.log(1 + N) + 1;
    for (const [t, n] of c) {
      const f = df.get(t);
      const r = index.get(t);
      const idf = f === undefined ? maxIdf : Math.log((1 + N) / (1 + f)) + 1;
      all += (1 + Math.log(n)) * idf;
      if (r !== undefined) known += (1 + Math.log(n)) * idf;
    }
    const judgments = new Map(Object.entries(q.judgments));
    sum += ndcgAt(
      dense.map((r) => r[0]),
      judgments,
      10,
    );
    out.push({
      id: q.id,
      judgments: q.judgments,
      coverage: all > 0 ? known / all : 1,
      keyword: q.keyword.map(([id, s]) => [id, s, id]),
      ...(q.plainKeyword ? { plainKeyword: q.plainKeyword } : {}),
      dense: dense.map(([id, s]) => [id, s, id]),
      denseMoved: denseMoved.map(([id, s]) => [id, s, id]),
      exactMoved,
      population: q.population,
    });
  }
  fs.writeFileSync(path.join(outDir!, `${name}.json`), JSON.stringify(out));
  console.log(
    `${name.padEnd(10)} dense nDCG@10 ${(sum / kw.length).toFixed(3)}  (${kept.length} terms, ${dims} dims, fit ${fitSeconds.toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}

function normalize(x: Float32Array): Float32Array {
  let s = 0;
  for (const e of x) s += e * e;
  if (s > 0) {
    const f = 1 / Math.sqrt(s);
    for (let k = 0; k < x.length; k++) x[k]! *= f;
  }
  return x;
}
