// Fusion study, step 2b: does hybrid gain from what its candidates' texts and passages say (title as
// a field, BM25's k1 and b, query-term proximity; Rocchio depth and weight, best-passage cosines,
// z-score normalization), under the explained-share rule (tried and withdrawn: README, "Hybrid
// fusion"), on queries and collections the constants were not chosen on? Reads dump-features.mts's
// JSON for cranfield, cisi and scifact.
// Usage: node bench/fusion-study/keyword-side-study.mjs <dump-dir> [name:json ...]
// A variant is name:json of its parameters (see keywordList and denseSide); without any, a built-in set runs.
import fs from 'node:fs';
import { clamp, fitLine, mean, ndcg, normalizer, STEPS, sd } from './study-metrics.mjs';

const dir = process.env.FUSION_DUMP_DIR ?? process.argv[2] ?? '.';
const names = ['cranfield', 'cisi', 'scifact'];
const data = Object.fromEntries(names.map((n) => [n, JSON.parse(fs.readFileSync(`${dir}/${n}.json`, 'utf8'))]));
const K1 = 1.2;
const B = 0.75;

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

/** FTS5's BM25 of one candidate with the title counted `titleWeight` times (k1, b as given, else 1.2, 0.75). */
function bm25(q, f, titleWeight, k1 = K1, b = B) {
  const K = k1 * (1 - b + (b * f.dl) / q.avgdl);
  let s = 0;
  for (const [i, t, body] of f.tf) {
    const tf = titleWeight * t + body;
    s += q.idf[i] * q.qcount[i] * ((tf * (k1 + 1)) / (tf + K));
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
    let s = p.titleWeight || p.allCandidates ? bm25(q, f, p.titleWeight ?? 1, p.k1, p.b) : base.get(doc);
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
        coverage: q.coverage,
        explained: q.explained,
        byWeight: Array.from({ length: STEPS + 1 }, (_, i) =>
          ndcg(fuse(q, kw, dense, i / STEPS, variant?.norm), q.judgments),
        ),
      };
    });
  }
  return table;
}

// The explained-share rule as hybrid.search.ts applied it (withdrawn), its line fitted as cross-validate.mjs fits it.
const hybridOf = (row, line) =>
  row.byWeight[Math.round(row.coverage * clamp(line.a + line.b * row.explained, 0, 1) * STEPS)];
const baseline = (rows) => Math.max(mean(rows.map((r) => r.keyword)), mean(rows.map((r) => r.semantic)));
function tune(parts) {
  const line = fitLine(parts);
  const margins = parts.map((rows) => mean(rows.map((r) => hybridOf(r, line))) - baseline(rows));
  return { rule: line, value: Math.min(...margins) + 0.1 * mean(margins) };
}
const f = (x) => x.toFixed(3);

/**
 * Cross-validation where the variant is chosen with its line on the training parts (the best worst
 * margin over them): `tables` maps a variant name to its table. Leave-one-collection-out and 5-fold
 * by query; margins are against plain BM25 (mode=keyword) and semantic.
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
  const loco = {};
  for (const held of names) {
    const pick = choose((table) => names.filter((n) => n !== held).map((n) => table[n]));
    const rows = tables[pick.name][held];
    const h = mean(rows.map((r) => hybridOf(r, pick.rule)));
    loco[held] = { hybrid: h, margin: h - baseline(rows), pick: pick.name };
  }
  const K = 5;
  const folds = Object.fromEntries(names.map((n) => [n, []]));
  const picks = [];
  for (let k = 0; k < K; k++) {
    const pick = choose((table) => names.map((n) => table[n].filter((_, i) => i % K !== k)));
    picks.push(pick.name);
    for (const n of names) {
      folds[n].push(mean(tables[pick.name][n].filter((_, i) => i % K === k).map((r) => hybridOf(r, pick.rule))));
    }
  }
  const kfold = Object.fromEntries(names.map((n) => [n, { hybrid: mean(folds[n]), sd: sd(folds[n]) }]));
  return { loco, kfold, picks };
}

/** One line per variant: in-sample keyword-variant nDCG and best fixed weight; held-out hybrid (LOCO, 5-fold). */
export function describe(name, table) {
  const cv = crossValidate({ [name]: table });
  const cells = names.map((n) => {
    const rows = table[n];
    const best = Math.max(...Array.from({ length: STEPS + 1 }, (_, i) => mean(rows.map((r) => r.byWeight[i]))));
    return `${n} kw' ${f(mean(rows.map((r) => r.keywordVariant)))} best-fixed ${f(best)} held-out ${f(cv.loco[n].hybrid)} (${cv.loco[n].margin >= 0 ? '+' : ''}${cv.loco[n].margin.toFixed(3)}) 5-fold ${f(cv.kfold[n].hybrid)}`;
  });
  return `${name.padEnd(22)} ${cells.join(' | ')}`;
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
  if (variants.length > 1) {
    const cv = crossValidate(tables);
    console.log(
      `Variant chosen with its line on the training parts: held out ${names.map((n) => `${n} ${f(cv.loco[n].hybrid)} (${cv.loco[n].margin.toFixed(3)}, ${cv.loco[n].pick})`).join(', ')}; 5-fold ${names.map((n) => `${n} ${f(cv.kfold[n].hybrid)} ± ${f(cv.kfold[n].sd)}`).join(', ')}; picked per fold: ${cv.picks.join(', ')}`,
    );
  }
}
