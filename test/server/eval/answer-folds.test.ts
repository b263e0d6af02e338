import { describe, expect, it } from 'vitest';
import { assignFolds, fitBottomLine, majorityFigure } from '../../../server/eval/answer-folds.ts';
import type { InDomainQuestion, Outcome } from '../../../server/eval/answer-outcomes.ts';

const outcome: Outcome = {
  score: 1,
  forced: false,
  citesSource: true,
  sentences: 1,
  sentencesCitingSource: 1,
  f1: 1,
  decision: 'maybe',
  balance: null,
};
const decided = (decision: string): InDomainQuestion => ({
  id: decision,
  decision,
  system: outcome,
  baseline: outcome,
});

describe('answer-folds', () => {
  it('deals questions into folds that differ in size by at most one, the same for the same seed', () => {
    const folds = assignFolds(17, 5, 13);
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(sizes.toSorted()).toEqual([3, 3, 3, 4, 4]);
    expect(assignFolds(17, 5, 13)).toEqual(folds);
    expect(assignFolds(17, 5, 14)).not.toEqual(folds);
  });

  it('fits the bottom line to commit only where the findings are right more often than wrong', () => {
    const question = (net: number, decision: string) => ({
      decision,
      outcome: { decision: 'maybe', balance: { net, yes: net > 0 ? [1] : [], no: net < 0 ? [1] : [] } },
    });
    const repeat = (n: number, make: () => ReturnType<typeof question>) => Array.from({ length: n }, make);
    // One finding for: right 7 times in 10; one against: right 4 times in 10; two against: right 3 in 4.
    const train = [
      ...repeat(7, () => question(1, 'yes')),
      ...repeat(3, () => question(1, 'no')),
      ...repeat(4, () => question(-1, 'no')),
      ...repeat(6, () => question(-1, 'yes')),
      ...repeat(3, () => question(-2, 'no')),
      ...repeat(1, () => question(-2, 'maybe')),
      ...repeat(5, () => question(0, 'yes')),
    ];
    expect(fitBottomLine(train)).toEqual({ minNetFor: 1, minNetAgainst: 2 });
    // When one finding for is wrong more often than right, yes needs two.
    const doubtful = [
      ...repeat(4, () => question(1, 'yes')),
      ...repeat(6, () => question(1, 'no')),
      ...repeat(3, () => question(2, 'yes')),
    ];
    expect(fitBottomLine(doubtful).minNetFor).toBe(2);
  });

  it("scores each held-out fold by the training folds' majority decision", () => {
    // Fold 0 (no, yes, yes) is trained on fold 1 (yes, yes): 2 right of 3. Fold 1 (yes, yes) is
    // trained on fold 0, whose majority is yes: 2 of 2.
    const questions = ['no', 'yes', 'yes', 'yes', 'yes'].map(decided);
    const figure = majorityFigure(2, [0, 0, 0, 1, 1], questions);
    expect(figure.mean).toBeCloseTo(5 / 6);
    expect(figure.sd).toBeCloseTo(1 / 6);
  });
});
