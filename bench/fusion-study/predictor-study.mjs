// Fusion study, query-performance predictors (issue 16): does any predictor of the IR literature
// (predictor-features.mjs) tell, at query time, which side a collection's queries are better served by?
// Prints (1) each predictor's collection means against the collections' best fixed dense weights, how
// much of its variance lies between collections, and its correlation with each query's best weight
// within them; (2) held-out hybrid nDCG@10 (margin over the better of BM25 and semantic), leaving one
// collection out and 5-fold by query, for the shipped peak rule and for rules built on each predictor:
//   single x:  w = coverage × clamp(a + b·x̂)
//   peaks + x: w = coverage × clamp(bias + peakSlope·(share − ½) + agreementSlope·(agreement − ½) + c·x̂)
// x̂ is the predictor standardized over the training rows (clipped to ±3); every number is fitted on the
// training parts only (best worst margin plus a tenth of the mean margin, as cross-validate-variants.mjs).
// "chosen" also picks the predictor on the training parts.
// Usage: node predictor-study.mjs <rankings-dir> <predictors-dir> [collections] [predictor filter regexp]
import fs from 'node:fs';
import { predictorsOf } from './predictor-features.mjs';
import { clamp, fuse, mean, ndcg, queryEvidence, STEPS, sd, sideScores } from './study-metrics.mjs';

const [rankingsDir, predictorsDir] = process.argv.slice(2);
const names = (process.argv[4] ?? 'cranfield,cisi,scifact,citint').split(',');
const only = process.argv[5] ? new RegExp(process.argv[5]) : null;

const tables = {};
for (const n of names) {
  const data = JSON.parse(fs.readFileSync(`${rankingsDir}/${n}.json`, 'utf8'));
  const extra = new Map(
    JSON.parse(fs.readFileSync(`${predictorsDir}/${n}.predictors.json`, 'utf8')).map((p) => [p.id, p]),
  );
  tables[n] = data.map((q) => {
    const byWeight = Array.from({ length: STEPS + 1 }, (_, i) => ndcg(fuse(q, i / STEPS), q.judgments));
    const top = Math.max(...byWeight);
    const best = byWeight.flatMap((v, i) => (v >= top - 1e-12 ? [i / STEPS] : []));
    return {
      ...sideScores(q),
      evidence: queryEvidence(q),
      byWeight,
      bestWeight: mean(best),
      flat: top - Math.min(...byWeight) <= 0.01,
      x: predictorsOf(extra.get(q.id)),
    };
  });
}
const allRows = names.flatMap((n) => tables[n]);
const predictors = [...new Set(allRows.flatMap((r) => Object.keys(r.x)))].filter((p) => !only || only.test(p)).sort();
const f = (x) => x.toFixed(3);
const signed = (x) => (x >= 0 ? '+' : '') + x.toFixed(3);
const bestFixed = (rows) => {
  let best = 0;
  for (let i = 0; i <= STEPS; i++)
    if (mean(rows.map((r) => r.byWeight[i])) > mean(rows.map((r) => r.byWeight[best]))) best = i;
  return best / STEPS;
};
const pearson = (xs, ys) => {
  const mx = mean(xs);
  const my = mean(ys);
  let c = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < xs.length; i++) {
    c += (xs[i] - mx) * (ys[i] - my);
    vx += (xs[i] - mx) ** 2;
    vy += (ys[i] - my) ** 2;
  }
  return vx > 0 && vy > 0 ? c / Math.sqrt(vx * vy) : 0;
};
const rankOf = (xs) => xs.map((x) => xs.filter((y) => y < x).length + (xs.filter((y) => y === x).length - 1) / 2);
const predictorOf = (r, p) => (Number.isFinite(r.x[p]) ? r.x[p] : undefined);

// (1) Diagnostics.
const fixed = names.map((n) => bestFixed(tables[n]));
console.log(`best fixed dense weight: ${names.map((n, i) => `${n} ${fixed[i]}`).join(', ')}`);
console.log(
  'predictor | collection means | Spearman with best fixed weight | between-collection share of variance | r with per-query best weight (queries whose nDCG moves > 0.01)',
);
const diagnostics = [];
for (const p of predictors) {
  const means = names.map((n) => mean(tables[n].flatMap((r) => predictorOf(r, p) ?? [])));
  const rho = pearson(rankOf(means), rankOf(fixed));
  const values = allRows.flatMap((r) => predictorOf(r, p) ?? []);
  const grand = mean(values);
  const total = values.reduce((s, v) => s + (v - grand) ** 2, 0);
  const between = names.reduce(
    (s, n, i) => s + tables[n].filter((r) => predictorOf(r, p) !== undefined).length * (means[i] - grand) ** 2,
    0,
  );
  const within = names.map((n) => {
    const rows = tables[n].filter((r) => !r.flat && predictorOf(r, p) !== undefined);
    return pearson(
      rows.map((r) => r.x[p]),
      rows.map((r) => r.bestWeight),
    );
  });
  diagnostics.push({ p, rho, eta: total > 0 ? between / total : 0 });
  console.log(
    `${p.padEnd(22)} | ${means.map(f).join(' / ')} | ${rho.toFixed(2)} | ${f(total > 0 ? between / total : 0)} | ${within.map((r) => r.toFixed(2)).join(' / ')}`,
  );
}

// (2) Rules.
// GRID=wide: biases to 1, slopes twice as steep (no better held out; README, issue 16).
const wide = process.env.GRID === 'wide';
const peakGrid = [];
for (const bias of wide ? [0.5, 0.6, 0.7, 0.8, 0.9, 1] : [0.5, 0.55, 0.6, 0.65, 0.7, 0.75])
  for (const peakSlope of [1, 1.5, 2, 2.5])
    for (const agreementSlope of [0, 0.1, 0.2]) peakGrid.push({ bias, peakSlope, agreementSlope });
const steps = (from, to, by) => Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => from + i * by);
const slopes = wide ? steps(-1, 1, 0.1) : steps(-0.5, 0.5, 0.05);
const singleGrid = steps(0, 1, 0.05).flatMap((a) => slopes.map((b) => ({ a, b })));
const extraGrid = wide ? steps(-0.6, 0.6, 0.1) : steps(-0.3, 0.3, 0.05);

function standardizer(rows, p) {
  const values = rows.flatMap((r) => predictorOf(r, p) ?? []);
  const m = mean(values);
  const s = sd(values) || 1;
  return (r) => {
    const v = predictorOf(r, p);
    return v === undefined ? 0 : clamp((v - m) / s, -3, 3);
  };
}
const shareOf = (e) => {
  const peaks = e.densePeak + e.keywordPeak;
  return peaks > 0 ? e.densePeak / peaks : 0.5;
};
/** A rule: the predictor (or none), its kind and numbers; returns the row's nDCG@10 under it. */
function scoreOf(rule, r) {
  const e = r.evidence;
  const xhat = rule.z ? rule.z(r) : 0;
  const raw =
    rule.kind === 'single'
      ? rule.a + rule.b * xhat
      : rule.bias +
        rule.peakSlope * (shareOf(e) - 0.5) +
        rule.agreementSlope * (e.agreement - 0.5) +
        (rule.c ?? 0) * xhat;
  return r.byWeight[Math.round(e.coverage * clamp(raw, 0, 1) * STEPS)];
}
const baseline = (rows) => Math.max(mean(rows.map((r) => r.keyword)), mean(rows.map((r) => r.semantic)));
// A training part in flat arrays, so the grid search (about 10⁹ row evaluations in all) runs in seconds.
function flatten(rows, z) {
  const byWeight = new Float64Array(rows.length * (STEPS + 1));
  for (const [i, r] of rows.entries()) byWeight.set(r.byWeight, i * (STEPS + 1));
  return {
    byWeight,
    coverage: Float64Array.from(rows, (r) => r.evidence.coverage),
    share: Float64Array.from(rows, (r) => shareOf(r.evidence) - 0.5),
    agreement: Float64Array.from(rows, (r) => r.evidence.agreement - 0.5),
    x: Float64Array.from(rows, (r) => (z ? z(r) : 0)),
    base: baseline(rows),
  };
}
function meanUnder(rule, part) {
  const { byWeight, coverage, share, agreement, x } = part;
  const single = rule.kind === 'single';
  let sum = 0;
  for (let i = 0; i < coverage.length; i++) {
    const raw = single
      ? rule.a + rule.b * x[i]
      : rule.bias + rule.peakSlope * share[i] + rule.agreementSlope * agreement[i] + rule.c * x[i];
    const w = coverage[i] * clamp(raw, 0, 1);
    sum += byWeight[i * (STEPS + 1) + Math.round(w * STEPS)];
  }
  return sum / coverage.length;
}
function fitRule(kind, p, parts) {
  const z = p ? standardizer(parts.flat(), p) : null;
  const flat = parts.map((rows) => flatten(rows, z));
  const candidates =
    kind === 'single'
      ? singleGrid.filter((g) => p || g.b === 0).map((g) => ({ kind, z, ...g }))
      : peakGrid.flatMap((g) => (p ? extraGrid : [0]).map((c) => ({ kind, z, ...g, c })));
  let best;
  for (const rule of candidates) {
    const margins = flat.map((part) => meanUnder(rule, part) - part.base);
    const value = Math.min(...margins) + 0.1 * mean(margins);
    if (!best || value > best.value) best = { rule, value, p };
  }
  return best;
}
const K = 5;
// The nine held-out splits: each collection left out, then each fold by query over all collections.
const splits = [
  ...names.map((held) => ({ train: names.filter((n) => n !== held).map((n) => tables[n]), held })),
  ...Array.from({ length: K }, (_, k) => ({
    train: names.map((n) => tables[n].filter((_, i) => i % K !== k)),
    fold: k,
  })),
];
/** Held-out figures of one fitted rule per split (fits[i] belongs to splits[i]). */
function heldOut(fits) {
  const loco = names.map((held, j) => {
    const rows = tables[held];
    const h = mean(rows.map((r) => scoreOf(fits[j].rule, r)));
    return { h, margin: h - baseline(rows) };
  });
  const kfold = names.map((n) => {
    const h = [];
    const k = [];
    const s = [];
    for (let fold = 0; fold < K; fold++) {
      const rows = tables[n].filter((_, i) => i % K === fold);
      h.push(mean(rows.map((r) => scoreOf(fits[names.length + fold].rule, r))));
      k.push(mean(rows.map((r) => r.keyword)));
      s.push(mean(rows.map((r) => r.semantic)));
    }
    return { h: mean(h), margin: mean(h) - Math.max(mean(k), mean(s)) };
  });
  return { loco, kfold };
}
const cell = ({ h, margin }) => `${f(h)} (${signed(margin)})`;
const line = (label, { loco, kfold }) => {
  const worst = Math.min(...loco.map((x) => x.margin), ...kfold.map((x) => x.margin));
  console.log(`| ${label} | ${loco.map(cell).join(' / ')} | ${kfold.map(cell).join(' / ')} | ${signed(worst)} |`);
  return worst;
};
console.log(`\nheld-out hybrid nDCG@10 (margin over the better half), ${names.join(' / ')}`);
console.log(
  `BM25 ${names.map((n) => f(mean(tables[n].map((r) => r.keyword)))).join(' / ')}; semantic ${names.map((n) => f(mean(tables[n].map((r) => r.semantic)))).join(' / ')}`,
);
console.log('| rule | leave one collection out | 5-fold by query | worst margin |');
console.log('| --- | --- | --- | --- |');
const shipped = { rule: { kind: 'peaks', bias: 0.7, peakSlope: 2, agreementSlope: 0.2 } };
line('shipped constants (not refitted)', heldOut(splits.map(() => shipped)));
line('peak rule refitted on the training parts', heldOut(splits.map((s) => fitRule('peaks', null, s.train))));
line('fixed weight fitted on the training parts', heldOut(splits.map((s) => fitRule('single', null, s.train))));
const results = [];
for (const kind of ['single', 'peaks']) {
  const all = predictors.map((p) => splits.map((s) => fitRule(kind, p, s.train)));
  predictors.forEach((p, i) => {
    const worst = line(`${kind === 'single' ? 'single' : 'peaks +'} ${p}`, heldOut(all[i]));
    results.push({ kind, p, worst });
  });
  const chosen = splits.map((_, j) => all.map((fits) => fits[j]).reduce((a, b) => (b.value > a.value ? b : a)));
  line(`${kind} rule, predictor chosen on the training parts`, heldOut(chosen));
  console.log(`  chosen: ${chosen.map((c) => c.p).join(', ')}`);
}
results.sort((a, b) => b.worst - a.worst);
console.log(
  `\nbest worst margins: ${results
    .slice(0, 8)
    .map((r) => `${r.kind} ${r.p} ${signed(r.worst)}`)
    .join('; ')}`,
);
