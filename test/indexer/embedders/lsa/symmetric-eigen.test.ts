import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../../core/seeded-random.ts';
import { symmetricEigen } from '../../../../indexer/embedders/lsa/symmetric-eigen.ts';

function randomSymmetric(n: number, seed: number): Float64Array {
  const random = createSeededRandom(seed);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value = random.gaussian();
      m[i * n + j] = value;
      m[j * n + i] = value;
    }
  }
  return m;
}

describe('symmetric-eigen', () => {
  it('returns eigenpairs that satisfy M·v = λ·v, with orthonormal vectors and descending values', () => {
    const n = 30;
    const m = randomSymmetric(n, 5);
    const { values, vectors } = symmetricEigen(m, n);
    for (let k = 0; k < n; k++) {
      if (k > 0) expect(values[k]!).toBeLessThanOrEqual(values[k - 1]!);
      for (let i = 0; i < n; i++) {
        let product = 0;
        for (let j = 0; j < n; j++) product += m[i * n + j]! * vectors[k * n + j]!;
        expect(product).toBeCloseTo(values[k]! * vectors[k * n + i]!, 10);
      }
      for (let other = 0; other < n; other++) {
        let dot = 0;
        for (let j = 0; j < n; j++) dot += vectors[k * n + j]! * vectors[other * n + j]!;
        expect(dot).toBeCloseTo(k === other ? 1 : 0, 10);
      }
    }
  });

  it('handles diagonal, zero and empty matrices', () => {
    expect(Array.from(symmetricEigen(Float64Array.from([1, 0, 0, 3]), 2).values)).toEqual([3, 1]);
    expect(Array.from(symmetricEigen(new Float64Array(4), 2).values)).toEqual([0, 0]);
    expect(symmetricEigen(new Float64Array(0), 0).values).toHaveLength(0);
  });

  it('leaves its input unchanged and rejects a matrix of the wrong size', () => {
    const m = randomSymmetric(4, 1);
    const copy = Float64Array.from(m);
    symmetricEigen(m, 4);
    expect(m).toEqual(copy);
    expect(() => symmetricEigen(m, 3)).toThrow(/expected 9 entries, got 16/);
  });
});
