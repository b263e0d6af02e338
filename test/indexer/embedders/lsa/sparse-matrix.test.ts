import { describe, expect, it } from 'vitest';
import { multiply, sparseFromRows, transpose } from '../../../../indexer/embedders/lsa/sparse-matrix.ts';

// 3×6: row 0 has five entries (a block of four plus one), row 1 none, row 2 one.
const M = sparseFromRows(
  [
    { columns: [0, 1, 2, 4, 5], values: [1, 2, 3, 4, 5] },
    { columns: [], values: [] },
    { columns: [2], values: [6] },
  ],
  6,
);

describe('sparse-matrix', () => {
  it('multiplies by a dense row-major matrix', () => {
    // D is 6×2 with rows [c, 10c].
    const dense = Float64Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? i / 2 : (10 * (i - 1)) / 2));
    const expectedRow0 = 1 * 0 + 2 * 1 + 3 * 2 + 4 * 4 + 5 * 5;
    expect(Array.from(multiply(M, dense, 2))).toEqual([expectedRow0, 10 * expectedRow0, 0, 0, 12, 120]);
  });

  it('transposes into CSR form', () => {
    const t = transpose(M);
    expect([t.rows, t.columns]).toEqual([6, 3]);
    expect(Array.from(t.rowStart)).toEqual([0, 1, 2, 4, 4, 5, 6]);
    expect(Array.from(t.columnIndex)).toEqual([0, 0, 0, 2, 0, 0]);
    expect(Array.from(t.values)).toEqual([1, 2, 3, 6, 4, 5]);
  });
});
