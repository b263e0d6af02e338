// Library self-validation study (issue 16), step 2: does a dense-weight prior read from the library's own
// pseudo-queries (pseudo-queries.mts) order the collections' best fixed dense weights, and does fusion
// with it meet "hybrid ≥ better half − 0.005" held out? Priors: the fixed weight with the best pseudo-query
// MRR@10 (or nDCG@10), and the semantic side's share of the two sides' pseudo-query MRRs. Rules, each
// scored on a collection left out of whatever is fitted (fitted on the others by the best worst margin
// plus a tenth of the mean margin, as cross-validate-variants.mjs): the shipped peak rule (its constants,
// and re-tuned), the prior alone (w = coverage × prior, nothing fitted), a line from prior to weight,
// and the peak rule with the prior as its bias (plus a fitted offset).
// Outcome (README, "Tried … and not kept"): on Cranfield, CISI and Citation-Integrity the two sides find a
// held-out sentence's paper about equally often, so the prior is the peak of a flat curve and moves with the
// draw: a library's 200 pseudo-queries meet the target on all four held out in about a third of draws
// (1,200: about four in five).
// Usage: node library-prior-study.mjs <dump-dir> <pseudo-dir>[,<pseudo-dir>…] [collections]
// <dump-dir>/<collection>.json from dump-rankings.mts; <pseudo-dir>/<collection>.json from pseudo-queries.mts.
import fs from 'node:fs';
import { bestFixedWeight, clamp, fuse, mean, ndcg, queryEvidence, STEPS, sideScores } from './study-metrics.mjs';

const [dumpDir, pseudoDir, list] = process.argv.slice(2);
if (!dumpDir || !pseudoDir)
  throw new Error('Usage: node library-prior-study.mjs <dump-dir> <pseudo-dir> [collections]');
const names = (list ?? 'cranfield,cisi,scifact,citint').split(',');
const f = (x) => x.toFixed(3);
const signed = (x) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(4);

/** Reciprocal rank within the first 10 of a ranking of ids, for a query with one relevant id. */
const rr10 = (ranking, id) => {
  const at = ranking.slice(0, 10).indexOf(id);
  return at < 0 ? 0 : 1 / (at + 1);
};
function rowsOf(data, pseudo) {
  return data.map((q) => {
    const target = pseudo ? Object.keys(q.judgments)[0] : null;
    const fused = Array.from({ length: STEPS + 1 }, (_, i) => fuse(q, i / STEPS));
    return {
      ...sideScores(q),
      evidence: queryEvidence(q),
      byWeight: fused.map((ranking) => ndcg(ranking, q.judgments)),
      ...(pseudo && {
        keywordRr: q.keywordRank ? 1 / q.keywordRank : 0,
        denseRr: q.denseRank ? 1 / q.denseRank : 0,
        keywordRr10: rr10(
          q.keyword.map((r) => r[0]),
          target,
        ),
        denseRr10: rr10(
          q.dense.map((r) => r[0]),
          target,
        ),
        rrByWeight: fused.map((ranking) => rr10(ranking, target)),
      }),
    };
  });
}
// Several pseudo-query folders (other seeds), comma-separated, are pooled; each one's priors are printed too.
const pseudoDirs = pseudoDir.split(',');
const real = {};
const pseudo = {};
const pseudoByDir = pseudoDirs.map(() => ({}));
for (const n of names) {
  real[n] = rowsOf(JSON.parse(fs.readFileSync(`${dumpDir}/${n}.json`, 'utf8')), false);
  pseudoDirs.forEach((dir, i) => {
    pseudoByDir[i][n] = rowsOf(JSON.parse(fs.readFileSync(`${dir}/${n}.json`, 'utf8')), true);
  });
  pseudo[n] = pseudoByDir.flatMap((byName) => byName[n]);
}

const SHIPPED = { bias: 0.7, peakSlope: 2, agreementSlope: 0.2 };
function peakRule(e, p) {
  const peaks = e.densePeak + e.keywordPeak;
  const share = peaks > 0 ? e.densePeak / peaks : 0.5;
  return e.coverage * clamp(p.bias + p.peakSlope * (share - 0.5) + p.agreementSlope * (e.agreement - 0.5), 0, 1);
}
const at = (values, w) => values[Math.round(clamp(w, 0, 1) * STEPS)];
const bestBy = (rows, key) => {
  let best = 0;
  let value = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= STEPS; i++) {
    const v = mean(rows.map((r) => r[key][i]));
    if (v > value + 1e-12) [best, value] = [i / STEPS, v];
  }
  return best;
};

// The library facts each prior is read from (pseudo-queries only; no judged query is looked at).
const priorsOf = (rows) => {
  const kw = mean(rows.map((r) => r.keywordRr));
  const de = mean(rows.map((r) => r.denseRr));
  return { bestMrr: bestBy(rows, 'rrByWeight'), bestNdcg: bestBy(rows, 'byWeight'), share: de / (kw + de) };
};
const priors = Object.fromEntries(names.map((n) => [n, priorsOf(pseudo[n])]));
// How far the prior moves with the draw of pseudo-queries: the 10th and 90th percentiles of the best weight
// by MRR@10 over 500 bootstrap resamples of the collection's pseudo-queries (seeded).
let bootSeed = 7;
const nextRandom = () => {
  bootSeed = (bootSeed * 1103515245 + 12345) % 2147483648;
  return bootSeed / 2147483648;
};
const spread = Object.fromEntries(
  names.map((n) => {
    const rows = pseudo[n];
    const draws = Array.from({ length: 500 }, () =>
      bestBy(
        rows.map(() => rows[Math.floor(nextRandom() * rows.length)]),
        'rrByWeight',
      ),
    ).sort((a, b) => a - b);
    return [n, `${draws[50].toFixed(2)}–${draws[449].toFixed(2)}`];
  }),
);
if (pseudoDirs.length > 1) {
  console.log('Priors per pseudo-query folder (best w by MRR@10 / by nDCG@10 / share):');
  for (const n of names)
    console.log(
      `  ${n.padEnd(10)} ${pseudoByDir
        .map((byName) => priorsOf(byName[n]))
        .map((p) => `${f(p.bestMrr)} / ${f(p.bestNdcg)} / ${f(p.share)}`)
        .join('   ')}`,
    );
  console.log();
}

console.log('Pseudo-queries (one abstract sentence held out; the rest of its paper is the one relevant document)');
console.log(
  'collection  n    BM25 MRR@10  sem MRR@10  BM25 MRR  sem MRR  hybrid(shipped) MRR@10 / nDCG@10  best w by MRR@10 / nDCG@10 (80% of resamples)  share | real: best fixed w  BM25  semantic',
);
for (const n of names) {
  const rows = pseudo[n];
  const realRows = real[n];
  console.log(
    `${n.padEnd(10)} ${String(rows.length).padEnd(4)} ${f(mean(rows.map((r) => r.keywordRr10)))}        ${f(mean(rows.map((r) => r.denseRr10)))}       ${f(mean(rows.map((r) => r.keywordRr)))}     ${f(mean(rows.map((r) => r.denseRr)))}    ${f(mean(rows.map((r) => at(r.rrByWeight, peakRule(r.evidence, SHIPPED)))))} / ${f(mean(rows.map((r) => at(r.byWeight, peakRule(r.evidence, SHIPPED)))))}                  ${f(priors[n].bestMrr)} / ${f(priors[n].bestNdcg)} (${spread[n]})      ${f(priors[n].share)} |       ${f(bestFixedWeight(realRows))}          ${f(mean(realRows.map((r) => r.keyword)))} ${f(mean(realRows.map((r) => r.semantic)))}`,
  );
}
console.log();

const baseline = (rows) => Math.max(mean(rows.map((r) => r.keyword)), mean(rows.map((r) => r.semantic)));
const hybridOf = (rows, weightOf) => mean(rows.map((r) => at(r.byWeight, weightOf(r))));
/** Picks the parameters with the best worst margin (+ a tenth of the mean) over the training collections. */
function tune(grid, training, ruleOf) {
  let best;
  for (const p of grid) {
    const margins = training.map((n) => hybridOf(real[n], ruleOf(p, n)) - baseline(real[n]));
    const value = Math.min(...margins) + 0.1 * mean(margins);
    if (!best || value > best.value) best = { p, value };
  }
  return best.p;
}
const range = (from, to, step) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);
const slopes = [];
for (const peakSlope of [0, 0.5, 1, 1.5, 2, 2.5, 3])
  for (const agreementSlope of [0, 0.1, 0.2, 0.3]) slopes.push({ peakSlope, agreementSlope });
const shippedGrid = [];
for (const bias of [0.5, 0.525, 0.55, 0.575, 0.6, 0.625, 0.65, 0.7])
  for (const s of slopes) if (s.peakSlope >= 1) shippedGrid.push({ bias, ...s });

// Each rule: (held-out collection, training collections) → the weight of one row of the held-out collection.
const rules = {
  'shipped constants (bias 0.7, slope 2, agreement 0.2)': () => (r) => peakRule(r.evidence, SHIPPED),
  'peak rule re-tuned on the other three': (_held, training) => {
    const p = tune(shippedGrid, training, (p) => (r) => peakRule(r.evidence, p));
    return (r) => peakRule(r.evidence, p);
  },
};
for (const key of ['bestMrr', 'bestNdcg', 'share']) {
  rules[`prior ${key} alone: w = coverage × prior`] = (held) => (r) => r.evidence.coverage * priors[held][key];
  rules[`prior ${key}, line to the others' best fixed weights`] = (held, training) => {
    const xs = training.map((n) => priors[n][key]);
    const ys = training.map((n) => bestFixedWeight(real[n]));
    const mx = mean(xs);
    const my = mean(ys);
    const vx = mean(xs.map((x) => (x - mx) ** 2));
    const b = vx > 0 ? mean(xs.map((x, i) => (x - mx) * (ys[i] - my))) / vx : 0;
    return (r) => r.evidence.coverage * clamp(my + b * (priors[held][key] - mx), 0, 1);
  };
  rules[`prior ${key} as the peak rule's bias (slopes fitted)`] = (held, training) => {
    const p = tune(slopes, training, (s, n) => (r) => peakRule(r.evidence, { ...s, bias: priors[n][key] }));
    return (r) => peakRule(r.evidence, { ...p, bias: priors[held][key] });
  };
  rules[`prior ${key} + offset as the peak rule's bias (offset, slopes fitted)`] = (held, training) => {
    const grid = range(-0.3, 0.3, 0.05).flatMap((offset) => slopes.map((s) => ({ ...s, offset })));
    const p = tune(grid, training, (s, n) => (r) => peakRule(r.evidence, { ...s, bias: priors[n][key] + s.offset }));
    return (r) => peakRule(r.evidence, { ...p, bias: priors[held][key] + p.offset });
  };
}

console.log(
  'Held out (each collection scored by a rule fitted on the other three), hybrid nDCG@10 (margin over the better half)',
);
console.log(`${'rule'.padEnd(80)} ${names.map((n) => n.padEnd(16)).join(' ')}`);
const sides = names.map(
  (n) => `${f(mean(real[n].map((r) => r.keyword)))} / ${f(mean(real[n].map((r) => r.semantic)))}`,
);
console.log(`${'BM25 / semantic'.padEnd(80)} ${sides.map((s) => s.padEnd(16)).join(' ')}`);
for (const [title, rule] of Object.entries(rules)) {
  const cells = names.map((held) => {
    const weightOf = rule(
      held,
      names.filter((n) => n !== held),
    );
    const h = hybridOf(real[held], weightOf);
    const w = mean(real[held].map(weightOf));
    return `${f(h)} (${signed(h - baseline(real[held]))}) w ${w.toFixed(2)}`;
  });
  console.log(`${title.padEnd(80)} ${cells.join('  ')}`);
}

// The prior-alone rule fits nothing, so how often a library's draw of pseudo-queries meets the target can be
// read off resamples: n pseudo-queries drawn (with replacement) from each collection's pool, 300 times.
const hybridAtPrior = Object.fromEntries(
  names.map((n) => [
    n,
    Array.from({ length: STEPS + 1 }, (_, i) => hybridOf(real[n], (r) => r.evidence.coverage * (i / STEPS))),
  ]),
);
console.log('\nw = coverage × prior (best pseudo-query MRR@10), n pseudo-queries per library drawn from the pool:');
for (const size of [200, 600, 1200]) {
  let all = 0;
  const met = Object.fromEntries(names.map((n) => [n, 0]));
  const TIMES = 300;
  for (let t = 0; t < TIMES; t++) {
    let every = true;
    for (const n of names) {
      const rows = pseudo[n];
      const prior = bestBy(
        Array.from({ length: size }, () => rows[Math.floor(nextRandom() * rows.length)]),
        'rrByWeight',
      );
      const ok = hybridAtPrior[n][Math.round(prior * STEPS)] - baseline(real[n]) >= -0.005;
      if (ok) met[n]++;
      else every = false;
    }
    if (every) all++;
  }
  console.log(
    `  n ${String(size).padEnd(5)} target met on all four in ${((100 * all) / TIMES).toFixed(0)}% of draws; ${names.map((n) => `${n} ${((100 * met[n]) / TIMES).toFixed(0)}%`).join(', ')}`,
  );
}
