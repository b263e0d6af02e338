import { describe, expect, it } from 'vitest';
import { maxScoreDifference, sameRanking } from '../../../bench/measure/ranking-agreement.ts';

const ranking = (...pairs: Array<[number, number]>) => pairs.map(([doc, score]) => ({ doc, score }));

describe('ranking-agreement', () => {
  it('accepts the same docs in the same order', () => {
    expect(sameRanking(ranking([4, 3], [9, 2], [1, 1]), ranking([4, 3], [9, 2], [1, 1]), 10)).toBe(true);
  });

  it('rejects the same docs in another order when their scores differ', () => {
    expect(sameRanking(ranking([4, 3], [9, 2]), ranking([9, 3], [4, 2]), 10)).toBe(false);
  });

  it('accepts docs with exactly equal scores in either order', () => {
    expect(sameRanking(ranking([4, 3], [9, 2], [7, 2], [1, 1]), ranking([4, 3], [7, 2], [9, 2], [1, 1]), 10)).toBe(
      true,
    );
  });

  it('rejects a tie run that holds other docs before the cut', () => {
    expect(sameRanking(ranking([4, 3], [9, 2], [7, 2], [1, 1]), ranking([4, 3], [9, 2], [8, 2], [1, 1]), 10)).toBe(
      false,
    );
  });

  it('accepts other tied docs at the cut of a full list, where the cut chose among ties', () => {
    expect(sameRanking(ranking([4, 3], [9, 2], [7, 2]), ranking([4, 3], [7, 2], [8, 2]), 3)).toBe(true);
  });

  it('rejects other docs at the cut when the list is not full or their scores differ', () => {
    expect(sameRanking(ranking([4, 3], [9, 2], [7, 2]), ranking([4, 3], [7, 2], [8, 2]), 10)).toBe(false);
    expect(sameRanking(ranking([4, 3], [9, 2]), ranking([4, 3], [8, 1.5]), 2)).toBe(false);
  });

  it('rejects lists of different lengths and ties that span other positions', () => {
    expect(sameRanking(ranking([4, 3], [9, 2]), ranking([4, 3]), 10)).toBe(false);
    expect(sameRanking(ranking([4, 3], [9, 3], [7, 1]), ranking([4, 3], [9, 2], [7, 1]), 10)).toBe(false);
  });

  it('gives the largest score difference over the docs both lists hold', () => {
    expect(maxScoreDifference(ranking([4, 3], [9, 2], [5, 1]), ranking([9, 2.5], [4, 3], [6, 9]))).toBe(0.5);
    expect(maxScoreDifference(ranking([4, 3]), ranking([6, 3]))).toBe(0);
  });
});
