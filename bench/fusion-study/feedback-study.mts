// Keyword feedback study: replaces the keyword lists of a dump directory (dump-rankings.mts or
// embedder-study.mts format) with BM25 rankings of RM3-expanded queries (Lavrenko & Croft's relevance
// model, interpolated with the query as in Anserini's RM3), so cross-validate.mjs can score hybrid
// fusion with keyword feedback. Prints plain and expanded BM25 nDCG@10 per collection.
// Usage: npx tsx bench/fusion-study/feedback-study.mts <in-dump-dir> <beir-root> <out-dir> '<options json>'
import fs from 'node:fs';
import path from 'node:path';
import { terms } from '../../indexer/text/analyze.ts';
import { ndcgAt } from '../../server/eval/metrics.ts';

const [inDir, beirRoot, outDir, optionsJson] = process.argv.slice(2);
const o = { fbDocs: 10, fbTerms: 10, originalWeight: 0.5, ...(optionsJson ? JSON.parse(optionsJson) : {}) };
fs.mkdirSync(outDir!, { recursive: true });
const names = (process.env.COLLECTIONS ?? 'cranfield,cisi,scifact').split(',');
const K1 = 1.2;
const B = 0.75;

for (const name of names) {
  const docs = fs
    .readFileSync(path.join(beirRoot!, name, 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { _id: string; title?: string; text?: string })
    .map((d) => ({ id: String(d._id), terms: terms(`${(d.title ?? '').trim()} ${(d.text ?? '').trim()}`) }));
  const N = docs.length;
  const postings = new Map<string, Array<[number, number]>>();
  const counts = docs.map((d, i) => {
    const c = new Map<string, number>();
    for (const t of d.terms) c.set(t, (c.get(t) ?? 0) + 1);
    for (const [t, n] of c) {
      const list = postings.get(t) ?? [];
      if (list.length === 0) postings.set(t, list);
      list.push([i, n]);
    }
    return c;
  });
  const avg = docs.reduce((a, d) => a + d.terms.length, 0) / N;
  const idf = (t: string) => {
    const df = postings.get(t)?.length ?? 0;
    const x = Math.log((N - df + 0.5) / (df + 0.5));
    return x <= 0 ? 1e-6 : x;
  };
  const bm25 = (weights: Map<string, number>, k: number): [string, number][] => {
    const scores = new Map<number, number>();
    for (const [t, w] of weights) {
      const list = postings.get(t);
      if (!list) continue;
      const f = idf(t);
      for (const [d, n] of list) {
        const s = (w * f * (n * (K1 + 1))) / (n + K1 * (1 - B + (B * docs[d]!.terms.length) / avg));
        scores.set(d, (scores.get(d) ?? 0) + s);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([d, s]) => [docs[d]!.id, s]);
  };
  const index = new Map(docs.map((d, i) => [d.id, i]));
  const rows = JSON.parse(fs.readFileSync(path.join(inDir!, `${name}.json`), 'utf8'));
  let plain = 0;
  let expanded = 0;
  for (const q of rows) {
    const qc = new Map<string, number>();
    for (const t of terms(q.text)) qc.set(t, (qc.get(t) ?? 0) + 1);
    const first = bm25(qc, 100);
    // Relevance model: P(t|R) ∝ Σ_d P(t|d)·score(d) over the fbDocs best, top fbTerms terms.
    const rm = new Map<string, number>();
    const top = first.slice(0, o.fbDocs);
    const total = top.reduce((a, r) => a + r[1], 0);
    for (const [id, s] of top) {
      const d = index.get(id)!;
      const len = docs[d]!.terms.length;
      for (const [t, n] of counts[d]!) {
        if (2 * (postings.get(t)?.length ?? 0) > N) continue;
        rm.set(t, (rm.get(t) ?? 0) + (n / len) * (s / total));
      }
    }
    const kept = [...rm].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.fbTerms);
    const rmTotal = kept.reduce((a, r) => a + r[1], 0);
    const qTotal = [...qc.values()].reduce((a, b) => a + b, 0);
    const weights = new Map<string, number>();
    for (const [t, n] of qc) weights.set(t, (o.originalWeight * n) / qTotal);
    for (const [t, w] of kept) weights.set(t, (weights.get(t) ?? 0) + ((1 - o.originalWeight) * w) / rmTotal);
    const second = top.length > 0 ? bm25(weights, 100) : first;
    const j = new Map<string, number>(Object.entries(q.judgments));
    plain += ndcgAt(
      first.map((r) => r[0]),
      j,
      10,
    );
    expanded += ndcgAt(
      second.map((r) => r[0]),
      j,
      10,
    );
    q.plainKeyword = q.keyword;
    q.keyword = second.map(([id, s]) => [id, s, id]);
    // The dense side's exact cosines are read for keyword hits; hits new to the list get none (fusion treats them as 0).
  }
  fs.writeFileSync(path.join(outDir!, `${name}.json`), JSON.stringify(rows));
  console.log(
    `${name.padEnd(10)} BM25 ${(plain / rows.length).toFixed(3)}  RM3 ${(expanded / rows.length).toFixed(3)} ${JSON.stringify(o)}`,
  );
}
