// Fusion study, query-performance predictors (issue 16): the predictors of the IR literature computed
// for one query from dump-predictors.mts's record — pre-retrieval ones from the query terms' df and
// collection frequency, post-retrieval ones from each side's score distribution over the library — and
// the dense side's share of each predictor both sides have. predictor-study.mjs fits rules on them.
import { mean } from './study-metrics.mjs';

const sdOf = (xs) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const safeLog = (x) => Math.log(Math.max(x, 1e-9));

/** Pre-retrieval: idf, SCQ (Zhao et al. 2008), ICTF and simplified clarity (He & Ounis 2004), query scope. */
function preRetrieval(p) {
  const terms = p.terms.filter((t) => t.df > 0);
  if (terms.length === 0) return {};
  const n = p.papers;
  const idf = terms.map((t) => Math.log(n / t.df));
  const scq = terms.map((t) => (1 + Math.log(t.cf)) * Math.log(1 + n / t.df));
  const ictf = terms.map((t) => Math.log2(p.tokens / t.cf));
  const length = terms.reduce((s, t) => s + t.qtf, 0);
  const clarity = terms.reduce((s, t) => s + (t.qtf / length) * Math.log2(t.qtf / length / (t.cf / p.tokens)), 0);
  return {
    'pre maxIDF': Math.max(...idf) / Math.log(n),
    'pre avgIDF': mean(idf) / Math.log(n),
    'pre sdIDF': sdOf(idf) / Math.log(n),
    'pre maxSCQ': Math.max(...scq),
    'pre avgSCQ': mean(scq),
    'pre log sumSCQ': safeLog(scq.reduce((a, b) => a + b, 0)),
    'pre avgICTF': mean(ictf),
    'pre SCS': clarity,
    'pre log length': Math.log(terms.length),
    'pre scope': p.keyword.matches / n,
    'pre log scope': safeLog(p.keyword.matches / n),
  };
}

/**
 * Post-retrieval, one side: NQC (Shtok et al. 2012: sd of the top k over the corpus score, here the mean
 * score over the whole library), the same over the top k's own mean (coefficient of variation), WIG (Zhou &
 * Croft 2007: mean of the top k less the corpus score; per √query length for BM25), the top k's distance
 * from the library's scores in its standard deviations, SMV (Tao & Wu 2014), and a power law fitted to the
 * top 100 (s_r ∝ r^−α; the score-distribution shape).
 */
function postRetrieval(side, length, perTerm) {
  const top = side.top;
  if (top.length < 10 || !(top[0] > 0)) return null;
  const out = {};
  const corpus = Math.abs(side.mean) || 1e-9;
  for (const k of [5, 10, 20, 100]) {
    const head = top.slice(0, k);
    const m = mean(head);
    const sd = sdOf(head);
    out[`NQC@${k}`] = safeLog(sd / corpus);
    out[`CV@${k}`] = sd / m;
    out[`WIG@${k}`] = (m - side.mean) / (perTerm ? Math.sqrt(length) : 1);
    out[`Z@${k}`] = side.sd > 0 ? (m - side.mean) / side.sd : 0;
    out[`SMV@${k}`] = safeLog(mean(head.map((s) => (s > 0 ? s * Math.abs(Math.log(s / m)) : 0))) / corpus);
  }
  const xs = [];
  const ys = [];
  top.forEach((s, i) => {
    if (s > 0) {
      xs.push(Math.log(i + 1));
      ys.push(Math.log(s));
    }
  });
  const mx = mean(xs);
  const my = mean(ys);
  let cov = 0;
  let varx = 0;
  for (let i = 0; i < xs.length; i++) {
    cov += (xs[i] - mx) * (ys[i] - my);
    varx += (xs[i] - mx) ** 2;
  }
  out.alpha = varx > 0 ? -cov / varx : 0;
  return out;
}

/** Every predictor of one query, by name (a missing one is absent). */
export function predictorsOf(p) {
  const length = Math.max(
    1,
    p.terms.filter((t) => t.df > 0).reduce((s, t) => s + t.qtf, 0),
  );
  const out = { ...preRetrieval(p) };
  const kw = postRetrieval(p.keyword, length, true);
  const dn = postRetrieval(p.dense, length, false);
  for (const [name, value] of Object.entries(kw ?? {})) out[`bm25 ${name}`] = value;
  for (const [name, value] of Object.entries(dn ?? {})) out[`dense ${name}`] = value;
  out['dense centroid cosine'] = p.centroidCosine;
  // Which side is surer, by the same predictor on both (scale-free ones only): the dense share.
  if (kw && dn)
    for (const name of Object.keys(dn)) {
      if (!/^(CV|Z|alpha)/.test(name)) continue;
      const a = Math.max(dn[name], 0);
      const b = Math.max(kw[name], 0);
      out[`share ${name}`] = a + b > 0 ? a / (a + b) : 0.5;
    }
  return out;
}
