// Fusion study, step 2: how the hybrid dense-weight rules (server/search/hybrid.search.ts denseWeightOf)
// do on queries and collections they were not fitted on. Reads dump-rankings.mts's JSON for each
// collection named (default cranfield, cisi and scifact; add citint for Citation-Integrity as
// citation retrieval, citint-as-beir.mjs) and reports leave-one-collection-out and 5-fold-by-query
// nDCG@10, with keyword (BM25) and semantic run the same way, for
// - the peak rule (shipped): its three numbers tuned on a grid;
// - the explained-share rule (tried, not shipped): w = coverage × clamp(a + b·explained), the line
//   through the training parts' best fixed weights against their libraries' explained shares.
// Usage: node cross-validate.mjs <dump-dir> [name,name,…]
import fs from 'node:fs';
import { agreement, bestFixedWeight, clamp, fitLine, fuse, mean, ndcg, peak, STEPS, sd } from './study-metrics.mjs';

const dir = process.argv[2] ?? '.';
const names = (process.argv[3] ?? 'cranfield,cisi,scifact').split(',');
const data = Object.fromEntries(names.map((n) => [n, JSON.parse(fs.readFileSync(`${dir}/${n}.json`, 'utf8'))]));

const table = {};
for (const n of names) {
  table[n] = data[n].map((q) => ({
    // The plain BM25 list when the fused keyword list is an expanded query's (feedback-study.mts).
    keyword: ndcg(
      (q.plainKeyword ?? q.keyword).map((r) => r[0]),
      q.judgments,
    ),
    semantic: ndcg(
      q.dense.map((r) => r[0]),
      q.judgments,
    ),
    explained: q.explained,
    evidence: {
      keywordPeak: peak(q.keyword),
      densePeak: peak(q.dense),
      agreement: agreement(q.keyword, q.dense, Math.min(20, Math.max(3, Math.floor(q.population / 10))), q.population),
      coverage: q.coverage,
    },
    byWeight: Array.from({ length: STEPS + 1 }, (_, i) => ndcg(fuse(q, i / STEPS), q.judgments)),
  }));
}
// As hybrid.search.ts denseWeightOf.
function weight(e, p) {
  const peaks = e.densePeak + e.keywordPeak;
  const share = peaks > 0 ? e.densePeak / peaks : 0.5;
  return e.coverage * clamp(p.bias + p.peakSlope * (share - 0.5) + p.agreementSlope * (e.agreement - 0.5), 0, 1);
}
const hybridOf = (row, p) => row.byWeight[Math.round(weight(row.evidence, p) * STEPS)];
const grid = [];
for (const bias of [0.5, 0.525, 0.55, 0.575, 0.6, 0.625, 0.65, 0.7])
  for (const peakSlope of [1, 1.25, 1.5, 1.75, 2, 2.5])
    for (const agreementSlope of [0, 0.1, 0.2, 0.3]) grid.push({ bias, peakSlope, agreementSlope });
// Objective: the worst margin of hybrid over max(keyword, semantic) across the training parts, plus a little of the mean.
function tune(parts) {
  let best;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const p of grid) {
    const margins = parts.map(
      (rows) =>
        mean(rows.map((r) => hybridOf(r, p))) -
        Math.max(mean(rows.map((r) => r.keyword)), mean(rows.map((r) => r.semantic))),
    );
    const value = Math.min(...margins) + 0.1 * mean(margins);
    if (value > bestValue) {
      bestValue = value;
      best = p;
    }
  }
  return best;
}
const f = (x) => x.toFixed(3);
const K = 5;

// The explained-share rule, as hybrid.search.ts applied it before it was withdrawn.
const explainedWeight = (row, line) => row.evidence.coverage * clamp(line.a + line.b * row.explained, 0, 1);
const explainedHybrid = (row, line) => row.byWeight[Math.round(explainedWeight(row, line) * STEPS)];
const lineText = (line) => `words only at ${f(-line.a / line.b)}, meaning only at ${f((1 - line.a) / line.b)}`;

function report(title, fitRule, hybridOf) {
  console.log(`${title}\nLeave one collection out (fitted on the others):`);
  for (const held of names) {
    const p = fitRule(names.filter((n) => n !== held).map((n) => table[n]));
    const rows = table[held];
    const [h, k, s] = [
      mean(rows.map((r) => hybridOf(r, p))),
      mean(rows.map((r) => r.keyword)),
      mean(rows.map((r) => r.semantic)),
    ];
    console.log(
      `  ${held.padEnd(10)} hybrid ${f(h)}  keyword (BM25) ${f(k)}  semantic ${f(s)}  hybrid − max ${(h - Math.max(k, s)).toFixed(4)}  (${p.a === undefined ? JSON.stringify(p) : lineText(p)})`,
    );
  }
  console.log(
    `${K}-fold by query (every collection's folds fitted together on the other folds), mean ± sd over folds:`,
  );
  const folds = Object.fromEntries(names.map((n) => [n, { hybrid: [], keyword: [], semantic: [] }]));
  for (let k = 0; k < K; k++) {
    const p = fitRule(names.map((n) => table[n].filter((_, i) => i % K !== k)));
    for (const n of names) {
      const rows = table[n].filter((_, i) => i % K === k);
      folds[n].hybrid.push(mean(rows.map((r) => hybridOf(r, p))));
      folds[n].keyword.push(mean(rows.map((r) => r.keyword)));
      folds[n].semantic.push(mean(rows.map((r) => r.semantic)));
    }
  }
  for (const n of names) {
    const { hybrid, keyword, semantic } = folds[n];
    const margin = mean(hybrid) - Math.max(mean(keyword), mean(semantic));
    console.log(
      `  ${n.padEnd(10)} hybrid ${f(mean(hybrid))} ± ${f(sd(hybrid))}  keyword (BM25) ${f(mean(keyword))} ± ${f(sd(keyword))}  semantic ${f(mean(semantic))} ± ${f(sd(semantic))}  hybrid − max ${margin.toFixed(4)}`,
    );
  }
  const all = fitRule(names.map((n) => table[n]));
  const shipped = names.map((n) => `${n} ${f(mean(table[n].map((r) => hybridOf(r, all))))}`).join(', ');
  console.log(
    `Fitted on everything: ${all.a === undefined ? JSON.stringify(all) : lineText(all)}; in-sample hybrid ${shipped}\n`,
  );
}

console.log(`Explained share of each library: ${names.map((n) => `${n} ${f(table[n][0].explained)}`).join(', ')}`);
console.log(
  `Best fixed dense weight (in-sample): ${names.map((n) => `${n} ${bestFixedWeight(table[n])}`).join(', ')}\n`,
);
report('Peak rule (shipped):', (parts) => tune(parts), hybridOf);
report('Explained-share rule (tried, not shipped):', fitLine, explainedHybrid);
