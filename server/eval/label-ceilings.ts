// What no judge can beat on a collection: pairs whose input (claim text and document) is the same
// but whose labels differ. Check-COVID repeats every unverifiable claim, word for word, against the
// abstract that supports or refutes its sibling, so a judge that sees only the text must score both
// alike and evidence vs cited-without-evidence cannot rise above chance there.
import { rocAuc } from './logistic-fit.ts';
import type { CitedLabel, VerifySet } from './verify-sets.ts';

export type LabelCeilings = {
  /** Cited-without-evidence pairs whose claim and document are those of an evidence pair. */
  repeatedCited: number;
  /** Contradicting pairs whose claim and document are those of a supporting pair. */
  repeatedContradicting: number;
  /** The highest ROC AUC any scoring of the text can reach: evidence vs cited without evidence. */
  evidenceVsCited: number;
  /** The same for support vs contradiction. */
  supportVsContradict: number;
};

type Counts = Record<CitedLabel, number>;

// The best AUC when equal inputs must get equal scores: inputs ranked by their share of positives,
// positives and negatives of one input tied.
function bestAuc(inputs: ReadonlyArray<{ positives: number; negatives: number }>): number {
  const ranked = inputs
    .filter((c) => c.positives + c.negatives > 0)
    .sort((a, b) => b.positives / (b.positives + b.negatives) - a.positives / (a.positives + a.negatives));
  const positives: number[] = [];
  const negatives: number[] = [];
  ranked.forEach((input, rank) => {
    for (let i = 0; i < input.positives; i++) positives.push(-rank);
    for (let i = 0; i < input.negatives; i++) negatives.push(-rank);
  });
  return rocAuc(positives, negatives);
}

/** The repeated inputs of a collection and the ceilings they put on its figures. */
export function labelCeilingsOf(set: VerifySet): LabelCeilings {
  const byInput = new Map<string, Counts>();
  for (const claim of set.claims) {
    // A clause read in another sentence is another input.
    const text = [claim.claim, claim.context ?? ''].map((t) => t.trim().replace(/\s+/gu, ' ')).join('\u0000');
    for (const { docId, label } of claim.cited) {
      if (!set.documents.has(docId)) continue;
      const key = `${docId}\u0000${text}`;
      const counts = byInput.get(key) ?? { support: 0, contradict: 0, cited: 0 };
      counts[label]++;
      byInput.set(key, counts);
    }
  }
  const inputs = [...byInput.values()];
  return {
    repeatedCited: inputs.reduce((n, c) => n + (c.support + c.contradict > 0 ? c.cited : 0), 0),
    repeatedContradicting: inputs.reduce((n, c) => n + (c.support > 0 ? c.contradict : 0), 0),
    evidenceVsCited: bestAuc(inputs.map((c) => ({ positives: c.support + c.contradict, negatives: c.cited }))),
    supportVsContradict: bestAuc(inputs.map((c) => ({ positives: c.support, negatives: c.contradict }))),
  };
}
