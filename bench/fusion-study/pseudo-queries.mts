// Library self-validation study (issue 16), step 1: pseudo-queries made from the library itself. For
// `count` seeded papers, one abstract sentence is held out as the query and the paper's remaining text
// is its one relevant document: the paper is scored as if the sentence were not in it (its BM25 term
// counts, length and the terms' document frequencies without the sentence; its vector re-embedded from
// the remaining passages as the indexer embeds a paper). Written in dump-rankings.mts's format, so
// study-metrics.mjs fuses and scores the pseudo-queries as it does a collection's real queries.
// The built-in model is fitted again on the library without the held-out sentences (one fit for all of
// them, so the other pseudo-queries' papers are embedded without theirs too; LEAK=1 keeps the stored
// model, fitted with them, which memorizes them: Cranfield's semantic MRR@10 0.44 → 0.78). Only sentences
// found in no other paper are held out (DUPLICATES=1 allows any). BM25's average length stays the library's.
// Usage: npx tsx bench/fusion-study/pseudo-queries.mts <name> <index-dir> <out-dir> [count=200] [seed=1]
import fs from 'node:fs';
import { passageEmbeddingText } from '../../indexer/build/embed-and-store.ts';
import { fitBuiltinEmbedder } from '../../indexer/embedders/builtin.embedder.ts';
import type { Embedder } from '../../indexer/embedders/embedder.ts';
import { openIndex, terms } from '../../indexer/index.ts';
import { sentenceSpans, splitPassages } from '../../indexer/passages/split-passages.ts';
import { bm25Idf } from '../../indexer/store/keyword/bm25-ranking.ts';
import { meanVector } from '../../indexer/vectors/vector-codec.ts';
import { rocchio } from '../../server/search/fuse.ts';
import { keywordRanking } from '../../server/search/keyword.search.ts';
import { analyzeQuery } from '../../server/search/query.ts';

const [name, indexDir, outDir, countArg, seedArg] = process.argv.slice(2);
if (!name || !indexDir || !outDir)
  throw new Error('Usage: pseudo-queries.mts <name> <index-dir> <out-dir> [count] [seed]');
const COUNT = Number(countArg ?? 200);
const WINDOW = 100;
const started = Date.now();

const reader = await openIndex(indexDir);
let embedder: Embedder = reader.embedder;
const dims = embedder.info.dimensions;
type Doc = { doc: number; id: string; title: string; abstract: string; counts: Map<string, number>; length: number };
const docs: Doc[] = [];
const postings = new Map<string, Array<[number, number]>>();
for (const { doc, paper } of reader.papers.all()) {
  const all = [...terms(paper.title), ...terms(paper.abstract)];
  const counts = new Map<string, number>();
  for (const t of all) counts.set(t, (counts.get(t) ?? 0) + 1);
  docs.push({ doc, id: paper.id, title: paper.title, abstract: paper.abstract, counts, length: all.length });
  for (const [t, n] of counts) {
    const list = postings.get(t) ?? [];
    list.push([doc, n]);
    postings.set(t, list);
  }
}
const N = docs.length;
const avgdl = reader.postings.averageLength();
const byDoc = new Map(docs.map((d) => [d.doc, d]));
const vectors = reader.paperVectorsOf(docs.map((d) => d.doc));

/** BM25 as FTS5 scores it (k1 1.2, b 0.75, one field), with one paper's counts, length and dfs replaced. */
function bm25(queryTerms: readonly string[], target: Doc, counts: Map<string, number>, length: number) {
  const weights = new Map<string, number>();
  for (const t of queryTerms) weights.set(t, (weights.get(t) ?? 0) + 1);
  const scores = new Map<number, number>();
  const add = (doc: number, n: number, dl: number, f: number) =>
    scores.set(doc, (scores.get(doc) ?? 0) + (f * n * 2.2) / (n + 1.2 * (1 - 0.75 + (0.75 * dl) / avgdl)));
  for (const [t, w] of weights) {
    const list = postings.get(t);
    if (!list) continue;
    // The df the library would have without the held-out sentence.
    const df = list.length - (target.counts.has(t) && !counts.has(t) ? 1 : 0);
    if (df === 0) continue;
    const f = w * bm25Idf(N, df, Math.log);
    for (const [doc, n] of list) if (doc !== target.doc) add(doc, n, byDoc.get(doc)!.length, f);
    const own = counts.get(t);
    if (own) add(target.doc, own, length, f);
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

async function embedPaper(title: string, abstract: string): Promise<Float32Array> {
  const passages = splitPassages({ title, abstract });
  const own = await embedder.embedDocuments(passages.map((p) => passageEmbeddingText(title, p.text, p.field)));
  return meanVector(own, dims);
}
const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
function denseTop(query: Float32Array, target: Doc, targetVector: Float32Array) {
  const all: Array<[number, number]> = [];
  for (const [doc, v] of vectors) all.push([doc, dot(query, doc === target.doc ? targetVector : v)]);
  return all.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

// Checks: the in-memory BM25 ranks as the index does, and a paper re-embedded whole is its stored vector.
let keywordChecks = 0;
let keywordSame = 0;
let vectorCos = 1;
for (const d of docs.slice(0, 5)) {
  const q = analyzeQuery(d.title || d.abstract.slice(0, 120));
  const mine = bm25(q.terms, d, d.counts, d.length)
    .slice(0, 10)
    .map((r) => r[0]);
  const index = keywordRanking(reader, q.terms, 10).map((r) => r.doc);
  keywordChecks += 10;
  keywordSame += mine.filter((doc, i) => index[i] === doc).length;
  vectorCos = Math.min(vectorCos, dot(await embedPaper(d.title, d.abstract), vectors.get(d.doc)!));
}

// Seeded choice of papers and of one sentence in each (mulberry32).
let seed = Number(seedArg ?? 1) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const order = docs.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [order[i], order[j]] = [order[j]!, order[i]!];
}

// The segmenter's sentences; for text it reads as fewer than three (Cranfield's lower-case "… slipstream .
// an experimental …"), the spans between a full stop, question or exclamation mark and white space.
function sentencesOf(text: string): Array<{ start: number; end: number }> {
  const spans = sentenceSpans(text);
  if (spans.length >= 3) return spans;
  const found: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]\s+/gu)) {
    const end = m.index + 1;
    if (text.slice(start, end).trim()) found.push({ start, end });
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) found.push({ start, end: text.length });
  return found;
}

// How many papers hold each sentence (as its terms): Citation-Integrity's excerpts of one cited paper
// overlap (73% of their sentences are in two or more), and a sentence held out of one paper but left in
// another would make that other paper its answer. Unless DUPLICATES=1, only sentences found in no other
// paper are held out.
const sentenceKey = (text: string) => terms(text).join(' ');
const papersHolding = new Map<string, number>();
for (const d of docs) {
  const keys = new Set(sentencesOf(d.abstract).map((s) => sentenceKey(d.abstract.slice(s.start, s.end))));
  for (const key of keys) papersHolding.set(key, (papersHolding.get(key) ?? 0) + 1);
}
const allowDuplicates = process.env.DUPLICATES === '1';

// The pseudo-queries: a sentence of five terms or more that is not the title again (Cranfield's
// abstracts open with it), from papers of three sentences or more.
type Pseudo = { target: Doc; text: string; rest: string };
const chosen: Pseudo[] = [];
for (const i of order) {
  if (chosen.length >= COUNT) break;
  const target = docs[i]!;
  const spans = sentencesOf(target.abstract);
  if (spans.length < 3) continue;
  const titleTerms = terms(target.title).join(' ');
  const usable = spans.filter((s) => {
    const t = terms(target.abstract.slice(s.start, s.end));
    const key = t.join(' ');
    return t.length >= 5 && key !== titleTerms && (allowDuplicates || papersHolding.get(key) === 1);
  });
  if (usable.length === 0) continue;
  const span = usable[Math.floor(random() * usable.length)]!;
  const text = target.abstract.slice(span.start, span.end);
  const rest =
    `${target.abstract.slice(0, span.start).trimEnd()} ${target.abstract.slice(span.end).trimStart()}`.trim();
  chosen.push({ target, text, rest });
}

// The stored model was fitted with every held-out sentence in its paper. Unless LEAK=1, the model is fitted
// again (as the indexer fits it) on the library without them, and every paper re-embedded with it.
if (process.env.LEAK !== '1') {
  const restOf = new Map(chosen.map((p) => [p.target.doc, p.rest]));
  embedder = fitBuiltinEmbedder(docs.map((d) => `${d.title}. ${restOf.get(d.doc) ?? d.abstract}`));
  for (const d of docs) vectors.set(d.doc, await embedPaper(d.title, restOf.get(d.doc) ?? d.abstract));
}

const out: unknown[] = [];
for (const { target, text, rest } of chosen) {
  const restTerms = [...terms(target.title), ...terms(rest)];
  const counts = new Map<string, number>();
  for (const t of restTerms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const targetVector = await embedPaper(target.title, rest);

  const query = analyzeQuery(text);
  const vec = await embedder.embedQuery(text);
  const keywordAll = bm25(query.terms, target, counts, restTerms.length);
  const keyword = keywordAll.slice(0, WINDOW);
  const vectorOf = (doc: number) => (doc === target.doc ? targetVector : vectors.get(doc)!);
  const dense = denseTop(vec, target, targetVector);
  const feedback = keyword.slice(0, 5).map(([doc, score]) => ({ vector: vectorOf(doc), weight: score }));
  const moved = rocchio(vec, feedback, 1);
  const denseMoved = denseTop(moved, target, targetVector);
  const exactPlain: Record<number, number> = {};
  const exactMoved: Record<number, number> = {};
  for (const [doc] of keyword) {
    exactPlain[doc] = dot(vec, vectorOf(doc));
    exactMoved[doc] = dot(moved, vectorOf(doc));
  }
  const rankIn = (list: Array<[number, number]>) => list.findIndex(([doc]) => doc === target.doc) + 1 || null;
  const row = (r: [number, number]) => [byDoc.get(r[0])!.id, r[1], r[0]];
  out.push({
    id: `pseudo-${target.id}`,
    text,
    judgments: { [target.id]: 1 },
    coverage: embedder.coverage?.(text) ?? 1,
    explained: embedder.explainedShare ?? null,
    keyword: keyword.map(row),
    dense: dense.slice(0, WINDOW).map(row),
    denseMoved: denseMoved.slice(0, WINDOW).map(row),
    exactPlain,
    exactMoved,
    population: N,
    // The held-out paper's rank in the whole of each list (null: BM25 matched none of its remaining words).
    keywordRank: rankIn(keywordAll),
    denseRank: rankIn(dense),
  });
}
fs.writeFileSync(`${outDir}/${name}.json`, JSON.stringify(out));
reader.close();
console.log(
  `${name}: ${out.length} pseudo-queries in ${((Date.now() - started) / 1000).toFixed(1)} s; in-memory BM25 top-10 agrees with the index at ${keywordSame}/${keywordChecks} ranks; a paper re-embedded whole has cosine ≥ ${vectorCos.toFixed(6)} with its stored vector`,
);
