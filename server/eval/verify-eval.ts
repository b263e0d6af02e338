// Measures the built-in judge on claim-verification collections, honestly: features of every
// (claim, cited or random document) pair are computed once, then the judge's two models and its
// thresholds are refitted on k−1 folds of claims and measured on the held-out fold (folds by claim
// group), beside a TF-IDF cosine baseline and the majority class. With several collections it also
// fits on the others and measures on each one left out. `fitJudgeWeights` fits on everything given,
// for judge/builtin-weights.json.
import { createSeededRandom } from '../../core/seeded-random.ts';
import type { EvidenceSentence } from '../verify/evidence-sentences.ts';
import { RELEVANCE_FEATURES, relevanceInputsOf, tfidfCosine } from '../verify/support-features.ts';
import { STANCE_INPUTS, SupportScorer } from '../verify/support-scorer.ts';
import { statisticsOfTexts, type TermStatistics } from '../verify/term-statistics.ts';
import { checkQuote, type QuoteCheck } from './evidence-quotes.ts';
import { type LabelCeilings, labelCeilingsOf } from './label-ceilings.ts';
import { fitLogistic, type LogisticFit, logisticScore, macroF1 } from './logistic-fit.ts';
import {
  type Figures,
  figuresOf,
  type PairKind,
  type Spread,
  type SpreadFigures,
  type Stance,
  spreadFigures,
  spreadOf,
  truthOf,
} from './verify-figures.ts';
import type { SetDocument, VerifySet } from './verify-sets.ts';

export { rocAuc } from './logistic-fit.ts';

export const VERIFY_EVAL_DEFAULTS = {
  /** Random documents paired with each claim (unrelated citations). */
  randomPerClaim: 2,
  seed: 20_260_101,
  /** Folds of claim groups; each is held out once. */
  folds: 5,
  /** L2 penalty of the stance model (towards its priors): contradicting evidence is scarce, so it is held near them. */
  l2: 0.01,
  /**
   * L2 penalty of the relevance model. Its inputs are roots of small cosines and shares, and 0.01
   * held their weights below what the data supports: with 0.001, evidence vs cited and vs random
   * rose on all three collections held out by claim (README).
   */
  relevanceL2: 0.001,
};

/** One pair's features, computed once. */
export type EvalPair = {
  group: string;
  kind: PairKind;
  /** The document of the pair (which claims of a group share it). */
  docId: string;
  relevance: number[];
  stance: number[];
  /** TF-IDF cosine of the claim and the abstract: the baseline. */
  baseline: number;
  /** For evidence with annotated sentences: whether the judge's quote, and TF-IDF's best sentence, is one of them. */
  quoted?: QuoteCheck;
};

/** The judge's models and thresholds, as fitted on some pairs. */
export type JudgeFit = {
  relevance: LogisticFit;
  stance: LogisticFit;
  thresholds: { relevant: number; contradicted: number };
};

/**
 * What each contradiction cue is worth before any data (log-odds): the fit moves a weight away from
 * it only as far as the pairs show. Cues that the collections rarely hold (always / never, "exceed
 * 10%" vs "less than 1%") keep about these weights.
 */
export const STANCE_PRIOR = {
  negationMismatch: 1,
  scopedNegation: 1,
  nullFindingMismatch: 1,
  directionConflict: 2,
  directionAgree: -1,
  prefixAntonym: 1.5,
  antonymConflict: 1,
  deniedAlternative: 2,
  comparisonConflict: 2,
  requirementConflict: 2,
  quantifierConflict: 3,
  quantityConflict: 3,
  quantityAgree: -1,
} as const;

const isEvidence = (pair: EvalPair) => pair.kind === 'support' || pair.kind === 'contradict';

/** One (claim, cited or random document) pair of a collection, before any features. */
export type PairRef = { claim: string; group: string; docId: string; kind: PairKind; rationale?: number[] };

/** Every pair of a collection: each cited document, plus random documents per claim (seeded). */
export function pairRefsOf(set: VerifySet, options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {}): PairRef[] {
  const { randomPerClaim, seed } = { ...VERIFY_EVAL_DEFAULTS, ...options };
  const random = createSeededRandom(seed).uniform;
  const ids = [...set.documents.keys()].sort();
  const refs: PairRef[] = [];
  for (const claim of set.claims) {
    const cited = claim.cited.filter((c) => set.documents.has(c.docId));
    if (cited.length === 0) continue;
    for (const { docId, label, rationale } of cited)
      refs.push({ claim: claim.claim, group: claim.group, docId, kind: label, ...(rationale ? { rationale } : {}) });
    const citedIds = new Set(claim.cited.map((c) => c.docId));
    for (let i = 0; i < randomPerClaim && ids.length > citedIds.size; i++) {
      let docId = ids[Math.floor(random() * ids.length)]!;
      while (citedIds.has(docId)) docId = ids[Math.floor(random() * ids.length)]!;
      refs.push({ claim: claim.claim, group: claim.group, docId, kind: 'random' });
    }
  }
  return refs;
}

/** The candidate sentences of a collection document: its title, then its abstract sentences. */
export function sentencesOf(document: SetDocument): EvidenceSentence[] {
  const title: EvidenceSentence[] = document.title
    ? [{ field: 'title', start: 0, end: document.title.length, text: document.title }]
    : [];
  return [...title, ...document.sentences];
}

/** Term statistics of a collection's documents (title and abstract). */
export function statisticsOfSet(set: VerifySet): TermStatistics {
  return statisticsOfTexts([...set.documents.values()].map((d) => `${d.title}\n${d.abstract}`));
}

/** Every pair of a collection with its features, computed once. */
export function pairsOf(set: VerifySet, options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {}): EvalPair[] {
  const statistics = statisticsOfSet(set);
  const scorer = new SupportScorer(statistics);
  return pairRefsOf(set, options).map(({ claim, group, docId, kind, rationale }) => {
    const document = set.documents.get(docId)!;
    const result = scorer.score(claim, sentencesOf(document));
    const evidence = kind === 'support' || kind === 'contradict';
    return {
      group,
      kind,
      docId,
      relevance: ((inputs) => RELEVANCE_FEATURES.map((name) => inputs[name]))(relevanceInputsOf(result.features)),
      stance: STANCE_INPUTS.map((name) => ({ ...result.features, ...result.stance })[name]),
      baseline: tfidfCosine(claim, document.abstract, statistics),
      ...(evidence && rationale ? { quoted: checkQuote(claim, document, rationale, result.evidence, statistics) } : {}),
    };
  });
}

// Weights that give each class (or group of pairs) the same total weight.
function balanced<T>(labels: readonly T[]): number[] {
  const counts = new Map<T, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return labels.map((label) => labels.length / (counts.size * counts.get(label)!));
}

type Prediction = { relevance: number; contradicting: number; support: number; contradiction: number };

function predict(fit: JudgeFit, pair: EvalPair): Prediction {
  const relevance = logisticScore(fit.relevance, pair.relevance);
  const contradicting = logisticScore(fit.stance, pair.stance);
  return {
    relevance,
    contradicting,
    support: relevance * (1 - contradicting),
    contradiction: relevance * contradicting,
  };
}

function stanceOf(prediction: Prediction, thresholds: JudgeFit['thresholds']): Stance {
  if (prediction.relevance < thresholds.relevant) return 'neither';
  return prediction.contradicting >= thresholds.contradicted ? 'contradicts' : 'supports';
}

const GRID = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/**
 * The pairs the relevance model learns from: all but a cited document that is the evidence of
 * another claim of the same group. Check-COVID's unverifiable variants of a news claim cite the
 * very abstract that supports or refutes their siblings; the paper bears on the topic, so as a
 * negative it only teaches the model noise. (Held-out figures still count every pair.)
 */
export function relevanceTrainingPairs(pairs: readonly EvalPair[]): EvalPair[] {
  const evidence = new Set(pairs.filter(isEvidence).map((p) => `${p.group}\u0000${p.docId}`));
  return pairs.filter((p) => p.kind !== 'cited' || !evidence.has(`${p.group}\u0000${p.docId}`));
}

/** Fits the relevance model, the stance model and the verdict thresholds on some pairs. */
export function fitJudge(
  pairs: readonly EvalPair[],
  l2 = VERIFY_EVAL_DEFAULTS.l2,
  relevanceL2 = VERIFY_EVAL_DEFAULTS.relevanceL2,
): JudgeFit {
  const groupOf = (pair: EvalPair) => (isEvidence(pair) ? 'evidence' : pair.kind);
  const relevant = relevanceTrainingPairs(pairs);
  const relevance = fitLogistic(
    relevant.map((p) => p.relevance),
    relevant.map((p) => (isEvidence(p) ? 1 : 0)),
    balanced(relevant.map(groupOf)),
    relevanceL2,
  );
  const evidence = pairs.filter(isEvidence);
  const stance = fitLogistic(
    evidence.map((p) => p.stance),
    evidence.map((p) => (p.kind === 'contradict' ? 1 : 0)),
    balanced(evidence.map((p) => p.kind)),
    l2,
    STANCE_INPUTS.map((name) => STANCE_PRIOR[name as keyof typeof STANCE_PRIOR] ?? 0),
  );
  // Thresholds that maximize macro F1 over the real citations (evidence and cited without evidence).
  const cited = pairs.filter((p) => p.kind !== 'random');
  const predictions = cited.map((p) => predict({ relevance, stance, thresholds: { relevant: 0, contradicted: 0 } }, p));
  const truth = cited.map((p) => truthOf(p.kind));
  let best = { relevant: 0.5, contradicted: 0.5, f1: -1 };
  for (const relevant of GRID) {
    for (const contradicted of GRID) {
      const f1 = macroF1(
        truth,
        predictions.map((p) => stanceOf(p, { relevant, contradicted })),
      );
      if (f1 > best.f1 + 1e-12) best = { relevant, contradicted, f1 };
    }
  }
  return { relevance, stance, thresholds: { relevant: best.relevant, contradicted: best.contradicted } };
}

function tfidfThreshold(pairs: readonly EvalPair[]): number {
  const cited = pairs.filter((p) => p.kind !== 'random');
  const truth = cited.map((p) => truthOf(p.kind));
  let best = { threshold: 0, f1: -1 };
  for (const threshold of GRID.map((g) => g / 2)) {
    const f1 = macroF1(
      truth,
      cited.map((p) => (p.baseline >= threshold ? 'supports' : 'neither')),
    );
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best.threshold;
}

function majorityOf(pairs: readonly EvalPair[]): Stance {
  const counts = new Map<Stance, number>();
  for (const p of pairs) if (p.kind !== 'random') counts.set(truthOf(p.kind), (counts.get(truthOf(p.kind)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'neither';
}

/** The judge's figures, the TF-IDF baseline's and the majority class's on held-out pairs, given training pairs. */
export function heldOutFigures(
  training: readonly EvalPair[],
  heldOut: readonly EvalPair[],
  l2 = VERIFY_EVAL_DEFAULTS.l2,
  relevanceL2 = VERIFY_EVAL_DEFAULTS.relevanceL2,
): { judge: Figures; baseline: Figures; majority: number } {
  const fit = fitJudge(training, l2, relevanceL2);
  const predictions = heldOut.map((p) => predict(fit, p));
  const figures = (
    relevance: (i: number) => number,
    signed: (i: number) => number,
    stance: (i: number) => Stance,
    quoted: (quote: QuoteCheck) => boolean,
  ) =>
    figuresOf(
      heldOut.map((p, i) => ({
        kind: p.kind,
        relevance: relevance(i),
        signed: signed(i),
        stance: stance(i),
        ...(p.quoted ? { quoted: quoted(p.quoted) } : {}),
      })),
    );
  const threshold = tfidfThreshold(training);
  const majority = majorityOf(training);
  const cited = heldOut.filter((p) => p.kind !== 'random');
  return {
    judge: figures(
      (i) => predictions[i]!.relevance,
      (i) => predictions[i]!.support - predictions[i]!.contradiction,
      (i) => stanceOf(predictions[i]!, fit.thresholds),
      (quote) => quote.judge,
    ),
    baseline: figures(
      (i) => heldOut[i]!.baseline,
      (i) => heldOut[i]!.baseline,
      (i) => (heldOut[i]!.baseline >= threshold ? 'supports' : 'neither'),
      (quote) => quote.baseline,
    ),
    majority: macroF1(
      cited.map((p) => truthOf(p.kind)),
      cited.map(() => majority),
    ),
  };
}

export type SetReport = {
  name: string;
  folder: string;
  claims: number;
  pairs: Record<PairKind, number>;
  folds: number;
  judge: SpreadFigures;
  baseline: SpreadFigures;
  majorityMacroF1: Spread;
  /** Fitted on the other collections given, measured on this one (absent with one collection). */
  leftOut?: { judge: Figures; baseline: Figures; majority: number };
  /** Inputs the collection repeats with different labels, and the figures no judge can beat because of them. */
  ceilings: LabelCeilings;
};

/** Assigns claim groups to folds in a seeded random order. */
export function foldOf(pairs: readonly EvalPair[], folds: number, seed: number): Map<string, number> {
  const groups = [...new Set(pairs.map((p) => p.group))].sort();
  const random = createSeededRandom(seed).uniform;
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  return new Map(groups.map((group, i) => [group, i % folds]));
}

/** K-fold figures for each collection, and leave-one-collection-out figures when there are several. */
export function evaluateSets(
  sets: ReadonlyArray<{ set: VerifySet; pairs: readonly EvalPair[] }>,
  options: Partial<typeof VERIFY_EVAL_DEFAULTS> = {},
): SetReport[] {
  const { folds, seed, l2, relevanceL2 } = { ...VERIFY_EVAL_DEFAULTS, ...options };
  return sets.map(({ set, pairs }, index) => {
    const fold = foldOf(pairs, folds, seed);
    const results = Array.from({ length: folds }, (_, k) =>
      heldOutFigures(
        pairs.filter((p) => fold.get(p.group) !== k),
        pairs.filter((p) => fold.get(p.group) === k),
        l2,
        relevanceL2,
      ),
    );
    const counts = { support: 0, contradict: 0, cited: 0, random: 0 } satisfies Record<PairKind, number>;
    for (const p of pairs) counts[p.kind]++;
    const others = sets.filter((_, i) => i !== index).flatMap((s) => s.pairs);
    return {
      name: set.name,
      folder: set.folder,
      claims: new Set(pairs.map((p) => p.group)).size,
      pairs: counts,
      folds,
      judge: spreadFigures(results.map((r) => r.judge)),
      baseline: spreadFigures(results.map((r) => r.baseline)),
      majorityMacroF1: spreadOf(results.map((r) => r.majority)),
      ceilings: labelCeilingsOf(set),
      ...(others.length > 0 ? { leftOut: heldOutFigures(others, pairs, l2, relevanceL2) } : {}),
    };
  });
}
