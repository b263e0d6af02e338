import { describe, expect, it } from 'vitest';
import { gram, multiplyDense } from '../../../../indexer/embedders/lsa/dense-matrix.ts';

// Five rows, so the kernels' four-row blocks and their remainder both run.
const Y = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);

describe('dense-matrix', () => {
  it('multiplies row-major matrices', () => {
    const right = Float64Array.from([1, 0, 0, 1, 1, 1]); // 3×2
    expect(Array.from(multiplyDense(Y, 5, 3, right, 2))).toEqual([4, 5, 10, 11, 16, 17, 22, 23, 28, 29]);
  });

  it('computes the full symmetric Gram matrix YᵀY', () => {
    const expected = [0, 1, 2].flatMap((i) =>
      [0, 1, 2].map((j) => [0, 1, 2, 3, 4].reduce((sum, r) => sum + Y[r * 3 + i]! * Y[r * 3 + j]!, 0)),
    );
    expect(Array.from(gram(Y, 5, 3))).toEqual(expected);
  });
});
