import { describe, expect, it } from 'vitest';
import { fitLogistic, logisticScore, macroF1, rocAuc } from '../../../server/eval/logistic-fit.ts';

describe('logistic-fit', () => {
  it('learns a positive weight for a feature that predicts the label and none for noise', () => {
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const signal = i % 2;
      x.push([signal + (i % 7 === 0 ? 1 - 2 * signal : 0), (i * 37) % 11 > 5 ? 1 : 0]);
      y.push(signal);
    }
    const fit = fitLogistic(x, y, new Array(200).fill(1), 0.001);
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(0.5);
    expect(logisticScore(fit, [1, 0])).toBeGreaterThan(logisticScore(fit, [0, 0]));
  });

  it('keeps the prior weight of a feature the data never shows', () => {
    const fit = fitLogistic(
      [
        [1, 0],
        [0, 0],
        [1, 0],
        [0, 0],
      ],
      [1, 0, 1, 0],
      [1, 1, 1, 1],
      0.1,
      [0, 3],
    );
    expect(fit.weights[1]).toBeCloseTo(3, 6);
  });

  it('computes ROC AUC with ties counted half, and macro F1 over the classes present', () => {
    expect(rocAuc([3, 2], [1, 0])).toBe(1);
    expect(rocAuc([1], [1])).toBe(0.5);
    expect(rocAuc([], [1])).toBeNaN();
    expect(macroF1(['a', 'a', 'b'], ['a', 'a', 'b'])).toBe(1);
    expect(macroF1(['a', 'b'], ['a', 'a'])).toBeCloseTo((2 / 3 + 0) / 2, 10);
  });
});
