// Word-vector study: a dense side built from word-level vectors instead of the paper-level latent
// model. Word vectors: positive PMI of words within a window (context distribution smoothed, α 0.75;
// Levy, Goldberg & Dagan 2015) reduced by truncated SVD (vectors U·Σ^½); a text is the SIF average of
// its words' vectors (weight a/(a + p(w)); Arora et al. 2017) with the first principal component of the
// library's paper vectors removed. Reads a plain dump (expansion-study.mts or dump-rankings.mts format)
// for the keyword side and writes, per variant, a dump whose dense side is
//   sif: the word-vector side alone;
//   mix: the mean of the word-vector cosine and the built-in model's cosine (a third signal folded
//        into the dense one; it would store both vectors);
// Prints dense-only nDCG@10 and the fit's time.
// Usage: npx tsx bench/fusion-study/word-vector-study.mts <name> <beir-folder> <plain-dump-dir> <index-dir> <out-root> '<options json>'
import fs from 'node:fs';
import path from 'node:path';
import { randomizedSvd } from '../../indexer/embedders/lsa/randomized-svd.ts';
import { sparseFromRows } from '../../indexer/embedders/lsa/sparse-matrix.ts';
import { openIndex, terms } from '../../indexer/index.ts';
import { ndcgAt } from '../../server/eval/metrics.ts';
import { rocchio } from '../../server/search/fuse.ts';

const [name, folder, plainDir, indexDir, outRoot, optionsJson] = process.argv.slice(2);
const queryText = new Map(
  fs
    .readFileSync(path.join(folder!, 'queries.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { _id: string; text: string })
    .map((q) => [String(q._id), q.text]),
);
const o = {
  dimensions: 256,
  window: 5,
  alpha: 0.75,
  sifA: 1e-3,
  removePc: true,
  minCount: 2,
  maxWords: 50_000,
  ...(optionsJson ? JSON.parse(optionsJson) : {}),
};
const tag = `sif-d${o.dimensions}-w${o.window}${o.removePc ? '' : '-keeppc'}`;
const reader = await openIndex(indexDir!);
const rows = JSON.parse(fs.readFileSync(path.join(plainDir!, `${name}.json`), 'utf8'));
const t0 = Date.now();
const docs: number[] = [];
const ids = new Map<number, string>();
const tokens: string[][] = [];
for (const { doc, paper } of reader.papers.all()) {
  docs.push(doc);
  ids.set(doc, paper.id);
  tokens.push(terms(`${paper.title}. ${paper.abstract}`));
}
const count = new Map<string, number>();
let totalTokens = 0;
for (const ts of tokens)
  for (const t of ts) {
    count.set(t, (count.get(t) ?? 0) + 1);
    totalTokens++;
  }
const words = [...count]
  .filter(([, c]) => c >= o.minCount)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .slice(0, o.maxWords)
  .map(([w]) => w);
const index = new Map(words.map((w, i) => [w, i]));
const W = words.length;
// Co-occurrence counts within the window (both directions), rows = words, columns = contexts.
const co: Array<Map<number, number>> = Array.from({ length: W }, () => new Map());
const rowSum = new Float64Array(W);
const colSum = new Float64Array(W);
let grand = 0;
for (const ts of tokens) {
  const ix = ts.map((t) => index.get(t) ?? -1);
  for (let i = 0; i < ix.length; i++) {
    const a = ix[i]!;
    if (a < 0) continue;
    for (let j = Math.max(0, i - o.window); j <= Math.min(ix.length - 1, i + o.window); j++) {
      const b = ix[j]!;
      if (j === i || b < 0) continue;
      co[a]!.set(b, (co[a]!.get(b) ?? 0) + 1);
      rowSum[a]! += 1;
      colSum[b]! += 1;
      grand += 1;
    }
  }
}
let smoothed = 0;
for (let c = 0; c < W; c++) smoothed += colSum[c]! ** o.alpha;
const sparseRows = co.map((m, w) => {
  const columns: number[] = [];
  const values: number[] = [];
  for (const [c, n] of [...m].sort((x, y) => x[0] - y[0])) {
    const value = Math.log(n / grand / ((rowSum[w]! / grand) * (colSum[c]! ** o.alpha / smoothed)));
    if (value > 0) {
      columns.push(c);
      values.push(value);
    }
  }
  return { columns, values };
});
const svd = randomizedSvd(sparseFromRows(sparseRows, W), o.dimensions, {
  oversampling: 10,
  powerIterations: 2,
  seed: 0x5eed,
});
const D = svd.rank;
const vectors = new Float32Array(W * D);
for (let w = 0; w < W; w++)
  for (let k = 0; k < D; k++) vectors[w * D + k] = svd.rightVectors[w * D + k]! * Math.sqrt(svd.singularValues[k]!);
const sifWeight = new Float32Array(W);
for (let w = 0; w < W; w++) sifWeight[w] = o.sifA / (o.sifA + count.get(words[w]!)! / totalTokens);
function average(ts: readonly string[]): Float64Array {
  const v = new Float64Array(D);
  let n = 0;
  for (const t of ts) {
    const w = index.get(t);
    n++;
    if (w === undefined) continue;
    const s = sifWeight[w]!;
    for (let k = 0; k < D; k++) v[k]! += s * vectors[w * D + k]!;
  }
  if (n > 0) for (let k = 0; k < D; k++) v[k]! /= n;
  return v;
}
const paperRaw = tokens.map(average);
// First principal component (uncentred, as SIF): power iteration on Σ v vᵀ.
let pc = new Float64Array(D).fill(1 / Math.sqrt(D));
if (o.removePc) {
  for (let it = 0; it < 50; it++) {
    const next = new Float64Array(D);
    for (const v of paperRaw) {
      let d = 0;
      for (let k = 0; k < D; k++) d += v[k]! * pc[k]!;
      for (let k = 0; k < D; k++) next[k]! += d * v[k]!;
    }
    let norm = 0;
    for (let k = 0; k < D; k++) norm += next[k]! ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < D; k++) next[k]! /= norm;
    pc = next;
  }
}
function finish(v: Float64Array): Float32Array {
  if (o.removePc) {
    let d = 0;
    for (let k = 0; k < D; k++) d += v[k]! * pc[k]!;
    for (let k = 0; k < D; k++) v[k]! -= d * pc[k]!;
  }
  let norm = 0;
  for (let k = 0; k < D; k++) norm += v[k]! ** 2;
  const out = new Float32Array(D);
  if (norm > 0) for (let k = 0; k < D; k++) out[k] = v[k]! / Math.sqrt(norm);
  return out;
}
const paperVec = new Map<number, Float32Array>(docs.map((d, i) => [d, finish(paperRaw[i]!)]));
const fitSeconds = (Date.now() - t0) / 1000;
const lsa = reader.paperVectorsOf(docs);
const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
};
function rank(score: (d: number) => number): Array<[string, number, number]> {
  return docs
    .map((d) => [ids.get(d)!, score(d), d] as [string, number, number])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 100);
}
const outs: Record<string, unknown[]> = { [tag]: [], [`mix-${tag}`]: [] };
const totals: Record<string, number> = { [tag]: 0, [`mix-${tag}`]: 0, lsa: 0 };
for (const q of rows) {
  const text = queryText.get(String(q.id)) ?? '';
  const sq = finish(average(terms(text)));
  const lq = await reader.embedQuery(text);
  const feedbackDocs = q.keyword.slice(0, 5);
  for (const [vname, vec, paper] of [
    [tag, sq, (d: number) => paperVec.get(d)!],
    [`mix-${tag}`, null, null],
  ] as const) {
    const mixed = vname !== tag;
    const scoreOf = (qs: Float32Array, ql: Float32Array) =>
      mixed
        ? (d: number) => (dot(paperVec.get(d)!, qs) + dot(lsa.get(d)!, ql)) / 2
        : (d: number) => dot(paper!(d), vec!);
    const dense = rank(scoreOf(sq, lq));
    const fbS = feedbackDocs.map((r: [string, number, number]) => ({ vector: paperVec.get(r[2])!, weight: r[1] }));
    const fbL = feedbackDocs.map((r: [string, number, number]) => ({ vector: lsa.get(r[2])!, weight: r[1] }));
    const movedS = rocchio(sq, fbS, 1);
    const movedL = rocchio(lq, fbL, 1);
    const movedScore = mixed
      ? (d: number) => (dot(paperVec.get(d)!, movedS) + dot(lsa.get(d)!, movedL)) / 2
      : (d: number) => dot(paperVec.get(d)!, movedS);
    const denseMoved = rank(movedScore);
    const exactMoved: Record<number, number> = {};
    for (const r of q.keyword) exactMoved[r[2]] = movedScore(r[2]);
    totals[vname]! += ndcgAt(
      dense.map((r) => r[0]),
      new Map(Object.entries(q.judgments)),
      10,
    );
    outs[vname]!.push({ ...q, dense, denseMoved, exactMoved });
  }
  totals.lsa! += ndcgAt(
    q.dense.map((r: [string]) => r[0]),
    new Map(Object.entries(q.judgments)),
    10,
  );
}
for (const [vname, list] of Object.entries(outs)) {
  fs.mkdirSync(path.join(outRoot!, vname), { recursive: true });
  fs.writeFileSync(path.join(outRoot!, vname, `${name}.json`), JSON.stringify(list));
}
const n = rows.length;
console.log(
  `${name} words ${W} fit ${fitSeconds.toFixed(1)} s; dense nDCG@10: built-in ${(totals.lsa! / n).toFixed(3)}, ${tag} ${(totals[tag]! / n).toFixed(3)}, mix ${(totals[`mix-${tag}`]! / n).toFixed(3)}`,
);
reader.close();
