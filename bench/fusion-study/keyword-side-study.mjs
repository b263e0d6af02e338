// Fusion study, step 2b: does the keyword side *inside hybrid* gain from what its candidates' texts say
// (title as a field, query-term proximity), and does it hold on queries and collections the constants
// were not chosen on? Reads dump-features.mts's JSON for cranfield, cisi and scifact.
// Usage: node bench/fusion-study/keyword-side-study.mjs <dump-dir> [variant ...]
// A variant is name:json of its parameters (see keywordList); without any, a built-in set runs.
import fs from 'node:fs';

const dir = process.env.FUSION_DUMP_DIR ?? process.argv[2] ?? '.';
const names = ['cranfield', 'cisi', 'scifact'];
const captured = Object.fromEntries(
  names.map((n) => {
    const file = `${process.env.CAPTURED_DIR ?? dir}/captured-${n}.json`;
    return [n, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}];
  }),
);
const data = Object.fromEntries(names.map((n) => [n, JSON.parse(fs.readFileSync(`${dir}/${n}.json`, 'utf8'))]));
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const K1 = 1.2;
const B = 0.75;

export function ndcg(ranking, judgments, k = 10) {
  let dcg = 0;
  let rank = 0;
  const seen = new Set();
  for (const doc of ranking) {
    if (rank >= k) break;
    if (seen.has(doc)) continue;
    seen.add(doc);
    rank++;
    dcg += Math.max(judgments[doc] ?? 0, 0) / Math.log2(rank + 1);
  }
  const ideal = Object.values(judgments)
    .filter((g) => g > 0)
    .sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) idcg += ideal[i] / Math.log2(i + 2);
  return idcg > 0 ? dcg / idcg : 0;
}
function normalizer(list, window) {
  const top = list[0]?.[1] ?? 0;
  const floor = list[Math.min(window, list.length) - 1]?.[1] ?? 0;
  return top - floor > 0 ? (s) => Math.max(0, (s - floor) / (top - floor)) : () => 1;
}
function agreement(a, b, depth, population) {
  const n = Math.min(depth, a.length, b.length);
  if (n === 0) return 0;
  const top = new Set(b.slice(0, depth).map((r) => r[0]));
  const shared = a.slice(0, depth).filter((r) => top.has(r[0])).length;
  const expected = (n * n) / population;
  return expected >= n ? 0 : clamp((shared - expected) / (n - expected), 0, 1);
}
const peak = (list) =>
  list.length > 1 && list[0][1] > 0
    ? clamp((list[0][1] - list[Math.min(10, list.length) - 1][1]) / list[0][1], 0, 1)
    : 0;

/**
 * The proximity evidence of one candidate: for each pair of distinct query terms found within
 * `distance` positions of each other (title and abstract apart), acc = Σ 1/d² over occurrence pairs
 * (ordered pairs only if `ordered`); the pair weighs min(idf) (BM25TP, Rasolofo & Savoy 2003) and its
 * acc is saturated as BM25 saturates a term's frequency. `adjacentOnly` keeps pairs adjacent in the query.
 */
function proximity(q, f, p) {
  let score = 0;
  const K = K1 * (1 - B + (B * f.dl) / q.avgdl);
  for (const [key, ds] of Object.entries(f.pairs)) {
    const [i, j] = key.split(',').map(Number);
    if (p.adjacentOnly && j !== i + 1) continue;
    let acc = 0;
    for (const d of ds) {
      if (p.ordered && d < 0) continue;
      const a = Math.abs(d);
      if (a > p.distance) continue;
      acc += p.decay === 'count' ? 1 : 1 / (a * a);
    }
    if (acc === 0) continue;
    const w = p.pairWeight === 'sum' ? q.idf[i] + q.idf[j] : Math.min(q.idf[i], q.idf[j]);
    score += (w * (acc * (K1 + 1))) / (K + acc);
  }
  return score;
}

/** FTS5's BM25 of one candidate with the title counted `titleWeight` times. */
function bm25(q, f, titleWeight) {
  const K = K1 * (1 - B + (B * f.dl) / q.avgdl);
  let s = 0;
  for (const [i, t, b] of f.tf) {
    const tf = titleWeight * t + b;
    s += q.idf[i] * q.qcount[i] * ((tf * (K1 + 1)) / (tf + K));
  }
  return s;
}

/**
 * The keyword list used inside hybrid for a variant: BM25 (optionally with the title weighted, over
 * BM25's own top 100 or over every candidate), plus lambda × proximity. Returns [id, score, doc] best first.
 */
export function keywordList(q, p) {
  if (!p || (!p.lambda && !p.titleWeight && !p.allCandidates)) return q.keyword;
  const docs = p.allCandidates ? Object.keys(q.features).map(Number) : q.keyword.map((r) => r[2]);
  const idOf = new Map([...q.keyword, ...q.denseMoved].map((r) => [r[2], r[0]]));
  const base = new Map(q.keyword.map((r) => [r[2], r[1]]));
  const list = [];
  for (const doc of docs) {
    const f = q.features[doc];
    if (!f) continue;
    let s = p.titleWeight || p.allCandidates ? bm25(q, f, p.titleWeight ?? 1) : base.get(doc);
    if (!(s > 0) && !p.lambda) continue;
    if (p.lambda) s += p.lambda * proximity(q, f, p);
    if (s > 0) list.push([idOf.get(doc), s, doc]);
  }
  return list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 100);
}

/**
 * The dense list used inside hybrid for a variant: Rocchio-moved dense retrieval (feedback depth and
 * weight `rocchio`, "5,1" as shipped), each candidate's paper cosine optionally mixed with its best
 * passage's (maxPassage = μ: (1 − μ)·paper + μ·best passage). Returns { list, exact } as fuse takes them.
 */
export function denseSide(q, p) {
  const source = p?.rocchio && p.rocchio !== '5,1' ? q.rocchioVariants[p.rocchio] : q;
  let list = source.denseMoved;
  let exact = source.exactMoved;
  const mu = p?.maxPassage ?? 0;
  if (mu > 0) {
    const field = p.rocchio === '0,0' ? 'passagePlain' : 'passageMoved';
    const rescore = (doc, cosine) => {
      const passages = q.features[doc]?.[field];
      return passages && passages.length > 0 ? (1 - mu) * cosine + mu * Math.max(...passages) : cosine;
    };
    list = list.map((r) => [r[0], rescore(r[2], r[1]), r[2]]).sort((a, b) => b[1] - a[1]);
    exact = Object.fromEntries(Object.entries(exact).map(([doc, c]) => [doc, rescore(Number(doc), c)]));
  }
  return { list, exact };
}

function zNormalizer(list, window) {
  const xs = list.slice(0, window).map((r) => r[1]);
  if (xs.length === 0) return () => 0;
  const m = mean(xs);
  const s = sd(xs);
  return s > 0 ? (x) => (x - m) / s : () => 0;
}

function fuse(q, keyword, dense, w, norm = 'minmax', window = 100) {
  if (keyword.length === 0) return q.dense.map((r) => r[0]);
  const make = norm === 'zscore' ? zNormalizer : normalizer;
  let nk = make(keyword, window);
  let nd = make(dense.list, window);
  if (norm === 'absolute' || norm === 'absolute-floor') {
    // BM25 as a share of the most the query's terms could give; cosines as they are (or above BM25-list floor).
    const most = q.idf.reduce((sum, idf, i) => sum + idf * q.qcount[i] * (K1 + 1), 0);
    nk = (x) => x / most;
    const floor = norm === 'absolute-floor' ? (dense.list[Math.min(window, dense.list.length) - 1]?.[1] ?? 0) : 0;
    nd = (x) => Math.max(0, x - floor);
  }
  const low = norm === 'zscore' ? (list, n) => (list.length ? Math.min(...list.map((r) => n(r[1]))) : 0) : () => 0;
  const kLow = low(keyword, nk);
  const dLow = low(dense.list, nd);
  const ks = new Map(keyword.map((r) => [r[0], r[1]]));
  const ds = new Map();
  for (const r of keyword) if (dense.exact[r[2]] !== undefined) ds.set(r[0], dense.exact[r[2]]);
  for (const r of dense.list) ds.set(r[0], r[1]);
  const docs = new Set([...ks.keys(), ...dense.list.map((r) => r[0])]);
  return [...docs]
    .map((d) => [d, (1 - w) * (ks.has(d) ? nk(ks.get(d)) : kLow) + w * (ds.has(d) ? nd(ds.get(d)) : dLow)])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map((r) => r[0]);
}

const STEPS = 40;
/** Per query: keyword / semantic / variant-keyword nDCG, the weight evidence, nDCG at each fixed dense weight. */
export function tableOf(variant) {
  const table = {};
  for (const n of names) {
    table[n] = data[n].map((q) => {
      const kw = keywordList(q, variant);
      const dense = denseSide(q, variant);
      return {
        keyword: ndcg(
          q.keyword.map((r) => r[0]),
          q.judgments,
        ),
        keywordVariant: ndcg(
          kw.map((r) => r[0]),
          q.judgments,
        ),
        semantic: ndcg(
          q.dense.map((r) => r[0]),
          q.judgments,
        ),
        evidence: {
          keywordPeak: peak(variant?.peakOfVariant ? kw : q.keyword),
          densePeak: peak(q.dense),
          agreement: agreement(
            q.keyword,
            q.dense,
            Math.min(20, Math.max(3, Math.floor(q.population / 10))),
            q.population,
          ),
          coverage: q.coverage,
          captured: q.captured ?? captured[n]?.[q.id] ?? 0.5,
        },
        byWeight: Array.from({ length: STEPS + 1 }, (_, i) =>
          ndcg(fuse(q, kw, dense, i / STEPS, variant?.norm), q.judgments),
        ),
      };
    });
  }
  return table;
}
function weight(e, p) {
  const peaks = e.densePeak + e.keywordPeak;
  const share = peaks > 0 ? e.densePeak / peaks : 0.5;
  const raw =
    p.bias +
    p.peakSlope * (share - 0.5) +
    p.agreementSlope * (e.agreement - 0.5) +
    (p.capturedSlope ?? 0) * (e.captured - 0.5);
  return e.coverage * clamp(raw, 0, 1);
}
const hybridOf = (row, p) => row.byWeight[Math.round(weight(row.evidence, p) * STEPS)];
const grid = [];
const listOf = (variable, fallback) => (process.env[variable] ?? fallback).split(',').map(Number);
for (const bias of listOf('BIASES', '0.5,0.525,0.55,0.575,0.6,0.625,0.65,0.7'))
  for (const peakSlope of listOf('PEAK_SLOPES', '1,1.25,1.5,1.75,2,2.5'))
    for (const agreementSlope of listOf('AGREEMENT_SLOPES', '0,0.1,0.2,0.3'))
      for (const capturedSlope of listOf('CAPTURED_SLOPES', '0'))
        grid.push({ bias, peakSlope, agreementSlope, capturedSlope });
export const SHIPPED = { bias: 0.7, peakSlope: 2, agreementSlope: 0.2 };
function objective(parts, p) {
  const margins = parts.map(
    (rows) =>
      mean(rows.map((r) => hybridOf(r, p))) -
      Math.max(mean(rows.map((r) => r.keyword)), mean(rows.map((r) => r.semantic))),
  );
  return Math.min(...margins) + 0.1 * mean(margins);
}
function tune(parts) {
  let best;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const p of grid) {
    const value = objective(parts, p);
    if (value > bestValue) {
      bestValue = value;
      best = p;
    }
  }
  return { rule: best, value: bestValue };
}
const f = (x) => x.toFixed(3);

/**
 * Cross-validation where the variant (e.g. its lambda) is chosen with the rule on the training parts:
 * `tables` maps a variant name to its table. Leave-one-collection-out and 5-fold by query.
 */
export function crossValidate(tables) {
  const choose = (partsOf) => {
    let best;
    for (const [name, table] of Object.entries(tables)) {
      const t = tune(partsOf(table));
      if (!best || t.value > best.value) best = { name, ...t };
    }
    return best;
  };
  const lines = ['Leave one collection out (variant and rule chosen on the other two):'];
  const loco = {};
  for (const held of names) {
    const pick = choose((table) => names.filter((n) => n !== held).map((n) => table[n]));
    const rows = tables[pick.name][held];
    const [h, k, s] = ['hybrid', 'keyword', 'semantic'].map((m) =>
      mean(rows.map((r) => (m === 'hybrid' ? hybridOf(r, pick.rule) : r[m]))),
    );
    loco[held] = { hybrid: h, keyword: k, semantic: s, margin: h - Math.max(k, s), pick: pick.name };
    lines.push(
      `  ${held.padEnd(10)} hybrid ${f(h)}  keyword ${f(k)}  semantic ${f(s)}  margin ${(h - Math.max(k, s)).toFixed(4)}  (${pick.name} ${JSON.stringify(pick.rule)})`,
    );
  }
  const K = 5;
  lines.push(`${K}-fold by query (chosen on the other folds of all three), mean ± sd over folds:`);
  const folds = Object.fromEntries(names.map((n) => [n, { hybrid: [], keyword: [], semantic: [] }]));
  const picks = [];
  for (let k = 0; k < K; k++) {
    const pick = choose((table) => names.map((n) => table[n].filter((_, i) => i % K !== k)));
    picks.push(pick.name);
    for (const n of names) {
      const rows = tables[pick.name][n].filter((_, i) => i % K === k);
      folds[n].hybrid.push(mean(rows.map((r) => hybridOf(r, pick.rule))));
      folds[n].keyword.push(mean(rows.map((r) => r.keyword)));
      folds[n].semantic.push(mean(rows.map((r) => r.semantic)));
    }
  }
  const kfold = {};
  for (const n of names) {
    const { hybrid, keyword, semantic } = folds[n];
    const margin = mean(hybrid) - Math.max(mean(keyword), mean(semantic));
    kfold[n] = { hybrid: mean(hybrid), margin };
    lines.push(
      `  ${n.padEnd(10)} hybrid ${f(mean(hybrid))} ± ${f(sd(hybrid))}  keyword ${f(mean(keyword))} ± ${f(sd(keyword))}  semantic ${f(mean(semantic))} ± ${f(sd(semantic))}  margin ${margin.toFixed(4)}`,
    );
  }
  lines.push(`  variants picked per fold: ${picks.join(', ')}`);
  return { text: lines.join('\n'), loco, kfold };
}

/** In-sample view of one variant: keyword-variant nDCG, hybrid at the shipped rule and at the best fixed weight. */
export function describe(name, table) {
  const cells = names.map((n) => {
    const rows = table[n];
    const best = Math.max(...Array.from({ length: STEPS + 1 }, (_, i) => mean(rows.map((r) => r.byWeight[i]))));
    return `${n} kw' ${f(mean(rows.map((r) => r.keywordVariant)))} hyb@shipped ${f(mean(rows.map((r) => hybridOf(r, SHIPPED))))} best-fixed ${f(best)}`;
  });
  return `${name.padEnd(28)} ${cells.join(' | ')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const variants = process.argv.slice(3).map((arg) => {
    const at = arg.indexOf(':');
    return [arg.slice(0, at), JSON.parse(arg.slice(at + 1))];
  });
  if (variants.length === 0) {
    variants.push(['plain', {}]);
    for (const lambda of [0.1, 0.25, 0.5, 1])
      variants.push([`tp5 λ${lambda}`, { lambda, distance: 5, pairWeight: 'min', decay: 'inverse-square' }]);
  }
  const tables = {};
  for (const [name, p] of variants) {
    tables[name] = tableOf(p);
    console.log(describe(name, tables[name]));
  }
  console.log(crossValidate(tables).text);
}
