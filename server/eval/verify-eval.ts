// Measures the citation verifier on SciFact: claims paired with their evidence documents, with
// cited documents that hold no evidence and with random documents. Claims are split by id parity:
// the support model is fitted on even ids (--tune) and reported on odd ids.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { createSeededRandom } from '../../core/seeded-random.ts';
import { FEATURE_NAMES, type SupportFeatures, tfidfCosine } from '../verify/support-features.ts';
import {
  SUPPORT_MODEL,
  SUPPORT_THRESHOLDS,
  type SupportModel,
  SupportScorer,
  supportProbability,
} from '../verify/support-scorer.ts';
import { statisticsOfTexts, type TermStatistics } from '../verify/term-statistics.ts';

type Document = { title: string; abstract: string };
type Claim = { id: number; claim: string; citedDocIds: string[]; evidence: Map<string, 'SUPPORT' | 'CONTRADICT'> };

/** What a pair is: the claim with an evidence document (by its label), a cited one without evidence, or a random one. */
export type PairKind = 'support' | 'contradict' | 'cited' | 'random';
export type VerificationPair = { claimId: number; claim: string; docId: string; kind: PairKind };

export const VERIFY_EVAL_DEFAULTS = {
  /** Random documents paired with each claim. */
  randomPerClaim: 2,
  seed: 20_260_101,
  /** Claims with this id parity are the tuning half; the others are held out. */
  tuneParity: 0,
};

function readJsonl(file: string): unknown[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError(
      'UNREADABLE_FILE',
      `Cannot read ${file}; a SciFact folder holds claims_train.jsonl and corpus_fulltext_partial.jsonl.`,
    );
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new AppError('INVALID_INPUT', `${file} line ${i + 1} is not JSON.`);
      }
    });
}

/** Reads the SciFact claims and the documents of the partial corpus. */
export function loadSciFact(folder: string): { documents: Map<string, Document>; claims: Claim[] } {
  const documents = new Map<string, Document>();
  for (const row of readJsonl(path.join(folder, 'corpus_fulltext_partial.jsonl')) as Array<Record<string, unknown>>) {
    documents.set(String(row._id), { title: String(row.title ?? ''), abstract: String(row.text ?? '') });
  }
  const claims = (readJsonl(path.join(folder, 'claims_train.jsonl')) as Array<Record<string, unknown>>).map((row) => {
    const evidence = new Map<string, 'SUPPORT' | 'CONTRADICT'>();
    for (const [docId, sets] of Object.entries((row.evidence ?? {}) as Record<string, Array<{ label: string }>>)) {
      evidence.set(docId, sets[0]?.label === 'CONTRADICT' ? 'CONTRADICT' : 'SUPPORT');
    }
    return {
      id: Number(row.id),
      claim: String(row.claim),
      citedDocIds: ((row.cited_doc_ids ?? []) as unknown[]).map(String),
      evidence,
    };
  });
  return { documents, claims };
}

// A small deterministic generator (mulberry32), so the random pairs are the same on every run.
function seededRandom(seed: number): () => number {
  return createSeededRandom(seed).uniform;
}

/** Every usable pair: each cited document that is in the corpus, plus random documents per claim. */
export function verificationPairs(
  claims: readonly Claim[],
  documents: ReadonlyMap<string, Document>,
  options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {},
): VerificationPair[] {
  const { randomPerClaim, seed } = { ...VERIFY_EVAL_DEFAULTS, ...options };
  const random = seededRandom(seed);
  const ids = [...documents.keys()].sort();
  const pairs: VerificationPair[] = [];
  for (const claim of claims) {
    const cited = claim.citedDocIds.filter((id) => documents.has(id));
    if (cited.length === 0) continue;
    for (const docId of cited) {
      const label = claim.evidence.get(docId);
      const kind: PairKind = label === 'SUPPORT' ? 'support' : label === 'CONTRADICT' ? 'contradict' : 'cited';
      pairs.push({ claimId: claim.id, claim: claim.claim, docId, kind });
    }
    for (let i = 0; i < randomPerClaim; i++) {
      let docId = ids[Math.floor(random() * ids.length)]!;
      while (claim.citedDocIds.includes(docId)) docId = ids[Math.floor(random() * ids.length)]!;
      pairs.push({ claimId: claim.id, claim: claim.claim, docId, kind: 'random' });
    }
  }
  return pairs;
}

/** ROC AUC: the chance that a positive scores above a negative (ties count half). */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort(
    (a, b) => a.s - b.s,
  );
  // Rank-sum (Mann–Whitney U) with average ranks for ties.
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.s === all[i]!.s) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.p === 1) rankSum += averageRank;
    i = j;
  }
  const n1 = positives.length;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * negatives.length);
}

export type ScoredPair = VerificationPair & { features: SupportFeatures; score: number; baseline: number };

/** Scores every pair with the support scorer and with the baseline (TF-IDF cosine, claim vs abstract). */
export function scorePairs(
  pairs: readonly VerificationPair[],
  documents: ReadonlyMap<string, Document>,
  statistics: TermStatistics,
  model: SupportModel = SUPPORT_MODEL,
): ScoredPair[] {
  const scorer = new SupportScorer(statistics, model);
  return pairs.map((pair) => {
    const document = documents.get(pair.docId)!;
    const result = scorer.scorePaper(pair.claim, document);
    return {
      ...pair,
      features: result.features,
      score: result.score,
      baseline: tfidfCosine(pair.claim, document.abstract, statistics),
    };
  });
}

/** The numbers reported for one half. */
export type HalfReport = {
  claims: number;
  pairs: Record<PairKind, number>;
  model: Comparisons & { accuracy: number; balancedAccuracy: number };
  baseline: Comparisons;
};
type Comparisons = {
  /** Evidence documents (SUPPORT and CONTRADICT) against cited documents without evidence. */
  evidenceVsCited: number;
  evidenceVsRandom: number;
  /** SUPPORT documents only against cited documents without evidence. */
  supportVsCited: number;
  /** SUPPORT against CONTRADICT documents (how well the score reads the direction of a finding). */
  supportVsContradict: number;
};

function comparisons(rows: readonly ScoredPair[], score: (row: ScoredPair) => number): Comparisons {
  const of = (...kinds: PairKind[]) => rows.filter((r) => kinds.includes(r.kind)).map(score);
  return {
    evidenceVsCited: rocAuc(of('support', 'contradict'), of('cited')),
    evidenceVsRandom: rocAuc(of('support', 'contradict'), of('random')),
    supportVsCited: rocAuc(of('support'), of('cited')),
    supportVsContradict: rocAuc(of('support'), of('contradict')),
  };
}

/** AUCs, accuracy at the supported threshold, and the baseline's AUCs for some scored pairs. */
export function reportHalf(rows: readonly ScoredPair[]): HalfReport {
  const pairs = { support: 0, contradict: 0, cited: 0, random: 0 } satisfies Record<PairKind, number>;
  for (const row of rows) pairs[row.kind]++;
  const isEvidence = (row: ScoredPair) => row.kind === 'support' || row.kind === 'contradict';
  const correct = (row: ScoredPair) => row.score >= SUPPORT_THRESHOLDS.supported === isEvidence(row);
  const rate = (subset: ScoredPair[]) => (subset.length ? subset.filter(correct).length / subset.length : Number.NaN);
  const groups = [
    rows.filter(isEvidence),
    rows.filter((r) => r.kind === 'cited'),
    rows.filter((r) => r.kind === 'random'),
  ];
  return {
    claims: new Set(rows.map((r) => r.claimId)).size,
    pairs,
    model: {
      ...comparisons(rows, (r) => r.score),
      accuracy: rate([...rows]),
      balancedAccuracy: groups.reduce((sum, g) => sum + rate(g), 0) / groups.length,
    },
    baseline: comparisons(rows, (r) => r.baseline),
  };
}

// Logistic regression by gradient descent, each group (evidence, cited, random) weighted equally.
function fitLogistic(rows: readonly ScoredPair[], l2: number, iterations = 4000, rate = 0.5): SupportModel {
  const x = rows.map((r) => FEATURE_NAMES.map((name) => r.features[name]));
  const y = rows.map((r) => (r.kind === 'support' || r.kind === 'contradict' ? 1 : 0));
  const group = rows.map((r) => (r.kind === 'support' || r.kind === 'contradict' ? 'evidence' : r.kind));
  const counts = new Map<string, number>();
  for (const g of group) counts.set(g, (counts.get(g) ?? 0) + 1);
  const sampleWeight = group.map((g) => rows.length / (counts.size * counts.get(g)!));
  const w = new Array<number>(FEATURE_NAMES.length).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(w.length).fill(0);
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      let z = b;
      for (let j = 0; j < w.length; j++) z += w[j]! * xi[j]!;
      const error = (1 / (1 + Math.exp(-z)) - y[i]!) * sampleWeight[i]!;
      for (let j = 0; j < w.length; j++) gw[j]! += error * xi[j]!;
      gb += error;
    }
    for (let j = 0; j < w.length; j++) w[j] = w[j]! - rate * (gw[j]! / x.length + l2 * w[j]!);
    b -= (rate * gb) / x.length;
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, round(w[j]!)])) as SupportModel['weights'];
  return { bias: round(b), weights };
}

/** Mean log-loss of scored rows, each group (evidence, cited, random) weighted equally. */
function groupLogLoss(rows: readonly ScoredPair[]): number {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const evidence = row.kind === 'support' || row.kind === 'contradict';
    const p = Math.min(1 - 1e-9, Math.max(1e-9, row.score));
    const loss = evidence ? -Math.log(p) : -Math.log(1 - p);
    const key = evidence ? 'evidence' : row.kind;
    groups.set(key, [...(groups.get(key) ?? []), loss]);
  }
  let total = 0;
  for (const losses of groups.values()) total += losses.reduce((a, b) => a + b, 0) / losses.length;
  return total / groups.size;
}

/**
 * Fits the support model on the tuning rows: the L2 strength is chosen by 4-fold cross-validation
 * (folds by claim, class-balanced log-loss), then the model is refitted on all tuning rows.
 */
export function tuneSupportModel(rows: readonly ScoredPair[]): {
  model: SupportModel;
  l2: number;
  crossValidated: { logLoss: number; evidenceVsCited: number; evidenceVsRandom: number };
} {
  let best: { l2: number; logLoss: number; held: ScoredPair[] } | undefined;
  for (const l2 of [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]) {
    const held: ScoredPair[] = [];
    for (let fold = 0; fold < 4; fold++) {
      const inFold = (r: ScoredPair) => Math.floor(Math.abs(r.claimId) / 2) % 4 === fold;
      const model = fitLogistic(
        rows.filter((r) => !inFold(r)),
        l2,
      );
      for (const row of rows.filter(inFold)) held.push({ ...row, score: supportProbability(row.features, model) });
    }
    const logLoss = groupLogLoss(held);
    if (!best || logLoss < best.logLoss) best = { l2, logLoss, held };
  }
  const chosen = best!;
  const auc = comparisons(chosen.held, (r) => r.score);
  return {
    model: fitLogistic(rows, chosen.l2),
    l2: chosen.l2,
    crossValidated: {
      logLoss: chosen.logLoss,
      evidenceVsCited: auc.evidenceVsCited,
      evidenceVsRandom: auc.evidenceVsRandom,
    },
  };
}

export type VerifyEvalReport = {
  folder: string;
  split: string;
  heldOut: HalfReport;
  tuning: HalfReport;
  /** Present with --tune: the model fitted on the tuning half (paste into SUPPORT_MODEL). */
  tuned?: ReturnType<typeof tuneSupportModel>;
  seconds: number;
};

/** Runs the whole evaluation on a SciFact folder. */
export function runVerifyEval(
  folder: string,
  options: { tune?: boolean } & Partial<typeof VERIFY_EVAL_DEFAULTS> = {},
): VerifyEvalReport {
  const started = performance.now();
  const settings = { ...VERIFY_EVAL_DEFAULTS, ...options };
  const { documents, claims } = loadSciFact(folder);
  const statistics = statisticsOfTexts([...documents.values()].map((d) => `${d.title}\n${d.abstract}`));
  const pairs = verificationPairs(claims, documents, settings);
  let rows = scorePairs(pairs, documents, statistics);
  const isTuning = (row: ScoredPair) => Math.abs(row.claimId % 2) === settings.tuneParity;
  let tuned: VerifyEvalReport['tuned'];
  if (options.tune) {
    tuned = tuneSupportModel(rows.filter(isTuning));
    const model = tuned.model;
    rows = rows.map((row) => ({ ...row, score: supportProbability(row.features, model) }));
  }
  return {
    folder,
    split: `tuned on claims with ${settings.tuneParity === 0 ? 'even' : 'odd'} ids, reported on the others`,
    heldOut: reportHalf(rows.filter((r) => !isTuning(r))),
    tuning: reportHalf(rows.filter(isTuning)),
    ...(tuned ? { tuned } : {}),
    seconds: (performance.now() - started) / 1000,
  };
}
