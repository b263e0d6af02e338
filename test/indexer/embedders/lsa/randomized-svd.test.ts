import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../../core/seeded-random.ts';
import { randomizedSvd } from '../../../../indexer/embedders/lsa/randomized-svd.ts';
import { type SparseMatrix, sparseFromRows } from '../../../../indexer/embedders/lsa/sparse-matrix.ts';

const OPTIONS = { oversampling: 10, powerIterations: 2, seed: 7 };

/** A rows×columns sparse matrix of exact rank `rank`: each row mixes `rank` fixed sparse patterns. */
function lowRankMatrix(rows: number, columns: number, rank: number): SparseMatrix {
  const random = createSeededRandom(3);
  const patterns = Array.from({ length: rank }, (_, p) =>
    Array.from({ length: columns }, (_, c) => (c % rank === p ? 1 + random.uniform() : 0)),
  );
  return sparseFromRows(
    Array.from({ length: rows }, () => {
      const weights = patterns.map(() => random.gaussian());
      const dense = Array.from({ length: columns }, (_, c) =>
        patterns.reduce((sum, p, i) => sum + weights[i]! * p[c]!, 0),
      );
      const cols = dense.flatMap((value, c) => (value === 0 ? [] : [c]));
      return { columns: cols, values: cols.map((c) => dense[c]!) };
    }),
    columns,
  );
}

/** ‖M·v‖ for a dense vector v over the columns. */
function normOfProduct(m: SparseMatrix, v: (c: number) => number): number {
  let sum = 0;
  for (let r = 0; r < m.rows; r++) {
    let dot = 0;
    for (let i = m.rowStart[r]!; i < m.rowStart[r + 1]!; i++) dot += m.values[i]! * v(m.columnIndex[i]!);
    sum += dot * dot;
  }
  return Math.sqrt(sum);
}

describe('randomized-svd', () => {
  it('recovers the singular values and orthonormal right singular vectors of a low-rank matrix', () => {
    const m = lowRankMatrix(200, 60, 6);
    const svd = randomizedSvd(m, 6, OPTIONS);
    for (let k = 0; k < 6; k++) {
      const v = (c: number) => svd.rightVectors[c * 6 + k]!;
      // For a right singular vector, ‖M·v‖ equals its singular value.
      expect(normOfProduct(m, v)).toBeCloseTo(svd.singularValues[k]!, 6);
      for (let other = 0; other < 6; other++) {
        let dot = 0;
        for (let c = 0; c < 60; c++) dot += v(c) * svd.rightVectors[c * 6 + other]!;
        expect(dot).toBeCloseTo(k === other ? 1 : 0, 8);
      }
      if (k > 0) expect(svd.singularValues[k]!).toBeLessThanOrEqual(svd.singularValues[k - 1]!);
    }
  });

  it('returns zero singular values and vectors for directions a rank-deficient matrix lacks', () => {
    const rows = Array.from({ length: 50 }, () => ({ columns: [1, 3], values: [3, 4] }));
    const svd = randomizedSvd(sparseFromRows(rows, 5), 3, OPTIONS);
    expect(svd.singularValues[0]).toBeCloseTo(Math.sqrt(50) * 5, 10);
    expect(Array.from(svd.singularValues.subarray(1))).toEqual([0, 0]);
    expect(svd.rightVectors[1 * 3]).toBeCloseTo(0.6, 10);
    expect(svd.rightVectors[3 * 3]).toBeCloseTo(0.8, 10);
    expect(svd.rightVectors.filter((_, i) => i % 3 !== 0).every((value) => value === 0)).toBe(true);
  });

  it('gives identical results for the same seed', () => {
    const m = lowRankMatrix(80, 40, 5);
    expect(randomizedSvd(m, 4, OPTIONS)).toEqual(randomizedSvd(m, 4, OPTIONS));
  });
});
