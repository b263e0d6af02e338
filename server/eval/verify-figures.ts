// The figures a judge is measured by, from judged pairs: support vs contradiction, evidence vs cited
// without evidence and vs random (ROC AUC), macro F1 of the three classes, and how often the quoted
// sentence is one the annotators marked; and their mean and spread over folds.
import { macroF1, rocAuc } from './logistic-fit.ts';

/** What a pair is: the claim with evidence that supports or contradicts it, a cited document without evidence, or a random one. */
export type PairKind = 'support' | 'contradict' | 'cited' | 'random';
/** The three classes a verdict is scored on: supported or partially supported, contradicted, neither. */
export type Stance = 'supports' | 'contradicts' | 'neither';

/** The class a pair should get. */
export const truthOf = (kind: PairKind): Stance =>
  kind === 'support' ? 'supports' : kind === 'contradict' ? 'contradicts' : 'neither';
/** The figures of one held-out part. */
export type Figures = {
  /** ROC AUC of support against contradicting evidence, by the signed score support − contradiction. */
  supportVsContradict: number;
  /** ROC AUC of evidence (either way) against cited documents without evidence, by the relevance score. */
  evidenceVsCited: number;
  evidenceVsRandom: number;
  /** Macro F1 of supports / contradicts / neither over real citations (evidence and cited without evidence). */
  macroF1: number;
  /** Of the evidence with annotated sentences, the share whose quoted sentence is one of them; a verdict of neither quotes nothing (NaN: none annotated). */
  quotedAnnotated: number;
};

/**
 * One judged pair: its kind, its relevance score, its signed score (support − contradiction), its
 * class, and for annotated evidence whether the quoted sentence is an annotated one.
 */
export type JudgedPair = { kind: PairKind; relevance: number; signed: number; stance: Stance; quoted?: boolean };

const shareTrue = (values: readonly boolean[]) =>
  values.length ? values.filter(Boolean).length / values.length : Number.NaN;

/** The four figures of some judged pairs. */
export function figuresOf(rows: readonly JudgedPair[]): Figures {
  const of = (score: (row: JudgedPair) => number, ...kinds: PairKind[]) =>
    rows.filter((row) => kinds.includes(row.kind)).map(score);
  const cited = rows.filter((row) => row.kind !== 'random');
  return {
    supportVsContradict: rocAuc(
      of((r) => r.signed, 'support'),
      of((r) => r.signed, 'contradict'),
    ),
    evidenceVsCited: rocAuc(
      of((r) => r.relevance, 'support', 'contradict'),
      of((r) => r.relevance, 'cited'),
    ),
    evidenceVsRandom: rocAuc(
      of((r) => r.relevance, 'support', 'contradict'),
      of((r) => r.relevance, 'random'),
    ),
    macroF1: macroF1(
      cited.map((row) => truthOf(row.kind)),
      cited.map((row) => row.stance),
    ),
    quotedAnnotated: shareTrue(rows.flatMap((row) => (row.quoted === undefined ? [] : [row.quoted]))),
  };
}

/** Mean and standard deviation over folds. */
export type Spread = { mean: number; sd: number };
/** Mean and standard deviation of the finite values (NaN when there are none). */
export const spreadOf = (values: readonly number[]): Spread => {
  const finite = values.filter(Number.isFinite);
  const mean = finite.reduce((s, v) => s + v, 0) / (finite.length || 1);
  const sd = Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, finite.length - 1));
  return finite.length ? { mean, sd } : { mean: Number.NaN, sd: Number.NaN };
};
export type SpreadFigures = Record<keyof Figures, Spread>;
/** Each figure's mean and spread over folds. */
export const spreadFigures = (all: readonly Figures[]): SpreadFigures =>
  Object.fromEntries(
    (['supportVsContradict', 'evidenceVsCited', 'evidenceVsRandom', 'macroF1', 'quotedAnnotated'] as const).map((k) => [
      k,
      spreadOf(all.map((f) => f[k])),
    ]),
  ) as SpreadFigures;
