import { describe, expect, it } from 'vitest';
import { heldOutFigures } from '../../../server/eval/held-out-figures.ts';
import type { PairReading } from '../../../server/eval/product-verdicts.ts';
import type { EvalPair } from '../../../server/eval/verify-pairs.ts';

// Pairs with one relevance input and one stance input: evidence is relevant (+2, cited and random
// papers −2) and contradicting evidence leans to contradiction (+2, supporting evidence −2).
const RELEVANT = [2];
const IRRELEVANT = [-2];
const SUPPORTING = [-2];
const CONTRADICTING = [2];

const plainReading = (overrides: Partial<PairReading> = {}): PairReading => ({
  scored: true,
  evidence: { field: 'abstract', start: 0, end: 10, text: 'A finding.' },
  conflicts: [],
  unaddressed: { words: [], share: 0, claimTerms: 4 },
  ...overrides,
});

function pair(group: string, kind: EvalPair['kind'], overrides: Partial<EvalPair> = {}): EvalPair {
  const evidence = kind === 'support' || kind === 'contradict';
  return {
    group,
    kind,
    docId: `${group}-${kind}`,
    relevance: evidence ? RELEVANT : IRRELEVANT,
    stance: kind === 'contradict' ? CONTRADICTING : SUPPORTING,
    reading: plainReading(kind === 'contradict' ? { conflicts: ['direction'] } : {}),
    baseline: evidence ? 0.4 : 0.05,
    ...overrides,
  };
}

// Twenty claims, each with supporting and contradicting evidence, a cited paper without evidence and a random one.
const training = Array.from({ length: 20 }, (_, i) =>
  (['support', 'contradict', 'cited', 'random'] as const).map((kind) => pair(`g${i}`, kind)),
).flat();

describe('held-out-figures', () => {
  it('scores a claim whose specific words the paper never mentions as not supported, as the product does', () => {
    const unmentioned = plainReading({ unaddressed: { words: ['Taobao'], share: 0.8, claimTerms: 5 } });
    // A cited paper the fitted models find relevant and supporting, but that never names the claim's setting.
    const heldOut = [pair('h', 'cited', { relevance: RELEVANT, reading: unmentioned }), pair('h', 'support')];
    expect(heldOutFigures(training, heldOut).judge.macroF1).toBe(1);
  });

  it('counts a citation as contradicted only when the judge names a conflict', () => {
    // Supporting evidence the stance model leans against, with no cue that shows where: not contradicted.
    const heldOut = [pair('h', 'support', { stance: CONTRADICTING }), pair('h', 'contradict')];
    expect(heldOutFigures(training, heldOut).judge.macroF1).toBe(1);
  });

  it('counts no quote for a verdict that shows none, for the judge and the baseline alike', () => {
    const quoted = { judge: true, baseline: true };
    const unmentioned = plainReading({ unaddressed: { words: ['Taobao'], share: 0.8, claimTerms: 5 } });
    const heldOut = [
      pair('h', 'support', { quoted }),
      pair('h', 'support', { quoted, reading: unmentioned }),
      pair('i', 'support', { quoted, baseline: 0 }),
    ];
    const { judge, baseline } = heldOutFigures(training, heldOut);
    expect(judge.quotedAnnotated).toBeCloseTo(2 / 3, 10);
    expect(baseline.quotedAnnotated).toBeCloseTo(2 / 3, 10);
  });

  it('gives a pair the scorer found nothing to weigh a score of 0, as the product does', () => {
    const unscored = plainReading({ scored: false, evidence: null });
    const heldOut = [pair('h', 'support'), pair('h', 'random', { relevance: RELEVANT, reading: unscored })];
    expect(heldOutFigures(training, heldOut).judge.evidenceVsRandom).toBe(1);
  });
});
