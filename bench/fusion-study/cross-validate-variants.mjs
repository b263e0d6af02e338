// Fusion study, step 2c: several keyword-side variants (expansion-study.mts's dump folders, each in
// dump-rankings.mts's format) under the shipped peak rule, held out honestly: for each held-out part
// (a whole collection, or one of 5 folds by query over every collection), the variant AND the peak
// rule's three numbers are chosen on the training parts only (best worst margin over max(BM25,
// semantic), plus a tenth of the mean margin), then scored on the held-out part. Also prints each
// variant alone (its rule tuned the same way) and the plain dumps' figures (variant "plain") beside
// BM25 (mode=keyword, never expanded) and semantic run the same way.
// GRID=wide widens the peak rule's grid (biases to 1, slopes to 6); RULE=diff tries the peaks' difference
// in place of their share. Neither held out better (README, "Tried for issue 16").
// Usage: node cross-validate-variants.mjs <root> <variant,variant,…> [collections]
// <root>/<variant>/<collection>.json; the variant "plain" is dump-rankings.mts's output in <root>/plain.
import fs from 'node:fs';
import { clamp, fuse, mean, ndcg, queryEvidence, STEPS, sd } from './study-metrics.mjs';

const root = process.argv[2];
const variants = process.argv[3].split(',');
const names = (process.argv[4] ?? 'cranfield,cisi,scifact,citint').split(',');

// tables[variant][collection] = rows; rows hold only what scoring needs (the dumps are large).
const tables = {};
for (const v of variants) {
  tables[v] = {};
  for (const n of names) {
    const data = JSON.parse(fs.readFileSync(`${root}/${v}/${n}.json`, 'utf8'));
    tables[v][n] = data.map((q) => ({
      keyword: ndcg(
        (q.plainKeyword ?? q.keyword).map((r) => r[0]),
        q.judgments,
      ),
      keywordVariant: ndcg(
        q.keyword.map((r) => r[0]),
        q.judgments,
      ),
      semantic: ndcg(
        q.dense.map((r) => r[0]),
        q.judgments,
      ),
      evidence: queryEvidence(q),
      byWeight: Array.from({ length: STEPS + 1 }, (_, i) => ndcg(fuse(q, i / STEPS), q.judgments)),
    }));
  }
}
// RULE=diff reads the two peaks' difference instead of the dense side's share of them:
// w = coverage × clamp(bias + peakSlope·(densePeak − keywordPeak) + agreementSlope·(agreement − ½)).
const diffRule = process.env.RULE === 'diff';
function weight(e, p) {
  if (diffRule)
    return (
      e.coverage *
      clamp(p.bias + p.peakSlope * (e.densePeak - e.keywordPeak) + p.agreementSlope * (e.agreement - 0.5), 0, 1)
    );
  const peaks = e.densePeak + e.keywordPeak;
  const share = peaks > 0 ? e.densePeak / peaks : 0.5;
  return e.coverage * clamp(p.bias + p.peakSlope * (share - 0.5) + p.agreementSlope * (e.agreement - 0.5), 0, 1);
}
const hybridOf = (row, p) => row.byWeight[Math.round(weight(row.evidence, p) * STEPS)];
// GRID=wide also tries larger biases and steeper slopes (the shipped bias, 0.7, is the default grid's edge).
const wide = process.env.GRID === 'wide';
const grid = [];
if (diffRule) {
  for (const bias of [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2])
    for (const peakSlope of [0, 1, 2, 3, 4, 5, 6, 8, 10])
      for (const agreementSlope of [0, 0.1, 0.2, 0.3]) grid.push({ bias, peakSlope, agreementSlope });
} else
  for (const bias of wide
    ? [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1]
    : [0.5, 0.525, 0.55, 0.575, 0.6, 0.625, 0.65, 0.7])
    for (const peakSlope of wide ? [1, 1.5, 2, 2.5, 3, 4, 5, 6] : [1, 1.25, 1.5, 1.75, 2, 2.5])
      for (const agreementSlope of [0, 0.1, 0.2, 0.3]) grid.push({ bias, peakSlope, agreementSlope });
const baseline = (rows) => Math.max(mean(rows.map((r) => r.keyword)), mean(rows.map((r) => r.semantic)));
function tune(parts) {
  let best;
  for (const p of grid) {
    const margins = parts.map((rows) => mean(rows.map((r) => hybridOf(r, p))) - baseline(rows));
    const value = Math.min(...margins) + 0.1 * mean(margins);
    if (!best || value > best.value) best = { rule: p, value };
  }
  return best;
}
function choose(candidates, partsOf) {
  let best;
  for (const v of candidates) {
    const t = tune(partsOf(tables[v]));
    if (!best || t.value > best.value) best = { variant: v, ...t };
  }
  return best;
}
const f = (x) => x.toFixed(3);
const K = 5;
function report(title, candidates) {
  console.log(title);
  const locoLine = [];
  for (const held of names) {
    const pick = choose(candidates, (t) => names.filter((n) => n !== held).map((n) => t[n]));
    const rows = tables[pick.variant][held];
    const h = mean(rows.map((r) => hybridOf(r, pick.rule)));
    const k = mean(rows.map((r) => r.keyword));
    const s = mean(rows.map((r) => r.semantic));
    const kv = mean(rows.map((r) => r.keywordVariant));
    locoLine.push(`${held} ${f(h)} (${(h - Math.max(k, s)).toFixed(4)})`);
    console.log(
      `  LOCO ${held.padEnd(10)} hybrid ${f(h)}  BM25 ${f(k)}  semantic ${f(s)}  variant keyword ${f(kv)}  hybrid − max ${(h - Math.max(k, s)).toFixed(4)}  [${pick.variant} ${JSON.stringify(pick.rule)}]`,
    );
  }
  const folds = Object.fromEntries(names.map((n) => [n, { hybrid: [], keyword: [], semantic: [] }]));
  const picks = [];
  for (let k = 0; k < K; k++) {
    const pick = choose(candidates, (t) => names.map((n) => t[n].filter((_, i) => i % K !== k)));
    picks.push(pick.variant);
    for (const n of names) {
      const rows = tables[pick.variant][n].filter((_, i) => i % K === k);
      folds[n].hybrid.push(mean(rows.map((r) => hybridOf(r, pick.rule))));
      folds[n].keyword.push(mean(rows.map((r) => r.keyword)));
      folds[n].semantic.push(mean(rows.map((r) => r.semantic)));
    }
  }
  const foldLine = [];
  for (const n of names) {
    const { hybrid, keyword, semantic } = folds[n];
    const margin = mean(hybrid) - Math.max(mean(keyword), mean(semantic));
    foldLine.push(`${n} ${f(mean(hybrid))} (${margin.toFixed(4)})`);
    console.log(
      `  5-fold ${n.padEnd(10)} hybrid ${f(mean(hybrid))} ± ${f(sd(hybrid))}  BM25 ${f(mean(keyword))} ± ${f(sd(keyword))}  semantic ${f(mean(semantic))} ± ${f(sd(semantic))}  hybrid − max ${margin.toFixed(4)}`,
    );
  }
  console.log(`  fold picks: ${picks.join(', ')}`);
  console.log(`  SUMMARY ${title} | LOCO ${locoLine.join(', ')} | 5-fold ${foldLine.join(', ')}\n`);
}
for (const v of variants) report(`variant ${v} alone`, [v]);
if (variants.length > 1) report(`variant chosen on the training parts among ${variants.join(', ')}`, variants);
