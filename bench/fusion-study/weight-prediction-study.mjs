// Fusion study, step 2c: can a query's best dense weight be predicted, within a collection, from
// evidence available at query time? Ridge regression of each query's best weight (the mean of the
// weights reaching its best nDCG@10) on 15 features, 5-fold by query, against the best fixed weight
// of the training folds. Reads dump-features.mts's JSON (FUSION_DUMP_DIR or the first argument).
// Usage: FUSION_DUMP_DIR=<dump-dir> node bench/fusion-study/weight-prediction-study.mjs
import fs from 'node:fs';
import { tableOf } from './keyword-side-study.mjs';
import { clamp, mean, STEPS } from './study-metrics.mjs';

const dir = process.env.FUSION_DUMP_DIR ?? process.argv[2] ?? '.';
const names = ['cranfield', 'cisi', 'scifact'];
const data = Object.fromEntries(names.map((n) => [n, JSON.parse(fs.readFileSync(`${dir}/${n}.json`, 'utf8'))]));
const table = tableOf({});
const K = 5;

/** Peaks of both lists at depths 5/10/20, their overlap at 5/10/20, the top cosine, BM25's top score
 *  as a share of the most the query could score, log query length, max and mean idf (over ln N), coverage. */
function features(q) {
  const { keyword, dense } = q;
  const most = q.idf.reduce((sum, idf, i) => sum + idf * q.qcount[i] * 2.2, 0);
  const peak = (list, depth) =>
    list.length > 1 && list[0][1] > 0
      ? clamp((list[0][1] - list[Math.min(depth, list.length) - 1][1]) / list[0][1], 0, 1)
      : 0;
  const overlap = (depth) => {
    const top = new Set(dense.slice(0, depth).map((r) => r[0]));
    return keyword.slice(0, depth).filter((r) => top.has(r[0])).length / depth;
  };
  const idfs = q.idf.filter((x) => x > 0);
  const logN = Math.log(q.population);
  return [
    peak(keyword, 5),
    peak(keyword, 10),
    peak(keyword, 20),
    peak(dense, 5),
    peak(dense, 10),
    peak(dense, 20),
    overlap(5),
    overlap(10),
    overlap(20),
    dense[0]?.[1] ?? 0,
    keyword.length > 0 ? keyword[0][1] / most : 0,
    Math.log(1 + q.qterms.length),
    idfs.length > 0 ? Math.max(...idfs) / logN : 0,
    idfs.length > 0 ? mean(idfs) / logN : 0,
    q.coverage,
  ];
}

function solve(A, b) {
  const n = b.length;
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(A[r][i]) > Math.abs(A[p][i])) p = r;
    [A[i], A[p]] = [A[p], A[i]];
    [b[i], b[p]] = [b[p], b[i]];
    for (let r = i + 1; r < n; r++) {
      const factor = A[r][i] / A[i][i];
      for (let c = i; c < n; c++) A[r][c] -= factor * A[i][c];
      b[r] -= factor * b[i];
    }
  }
  const x = Array(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i];
    for (let c = i + 1; c < n; c++) sum -= A[i][c] * x[c];
    x[i] = sum / A[i][i];
  }
  return x;
}
function ridge(X, y, lambda) {
  const d = X[0].length + 1;
  const A = Array.from({ length: d }, () => Array(d).fill(0));
  const b = Array(d).fill(0);
  for (let i = 0; i < X.length; i++) {
    const x = [1, ...X[i]];
    for (let r = 0; r < d; r++) {
      b[r] += x[r] * y[i];
      for (let c = 0; c < d; c++) A[r][c] += x[r] * x[c];
    }
  }
  for (let r = 1; r < d; r++) A[r][r] += lambda;
  return solve(A, b);
}

for (const n of names) {
  const rows = table[n];
  const raw = data[n].map(features);
  const mu = raw[0].map((_, j) => mean(raw.map((x) => x[j])));
  const spread = raw[0].map((_, j) => Math.sqrt(mean(raw.map((x) => (x[j] - mu[j]) ** 2))) || 1);
  const X = raw.map((x) => x.map((v, j) => (v - mu[j]) / spread[j]));
  const y = rows.map((r) => {
    const best = Math.max(...r.byWeight);
    return mean(r.byWeight.flatMap((v, i) => (v >= best - 1e-12 ? [i / STEPS] : [])));
  });
  for (const lambda of [1, 10, 100, 1000]) {
    const predicted = [];
    const fixed = [];
    for (let k = 0; k < K; k++) {
      const train = X.flatMap((_, i) => (i % K !== k ? [i] : []));
      const test = X.flatMap((_, i) => (i % K === k ? [i] : []));
      const w = ridge(
        train.map((i) => X[i]),
        train.map((i) => y[i]),
        lambda,
      );
      let bestStep = 0;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (let s = 0; s <= STEPS; s++) {
        const value = mean(train.map((i) => rows[i].byWeight[s]));
        if (value > bestValue) {
          bestValue = value;
          bestStep = s;
        }
      }
      for (const i of test) {
        const weight = clamp(w[0] + X[i].reduce((sum, v, j) => sum + v * w[j + 1], 0), 0, 1);
        predicted.push(rows[i].byWeight[Math.round(weight * STEPS)]);
        fixed.push(rows[i].byWeight[bestStep]);
      }
    }
    console.log(
      `${n.padEnd(10)} ridge λ ${String(lambda).padEnd(5)} predicted weight ${mean(predicted).toFixed(4)}  best fixed weight of the training folds ${mean(fixed).toFixed(4)}`,
    );
  }
}
