// A compressed sparse row matrix, its transpose, and its product with a dense row-major matrix,
// written so the inner loops run over contiguous memory and use each loaded value four times.

/** Rows × columns matrix in CSR form: row r holds columnIndex/values[rowStart[r] … rowStart[r+1]−1]. */
export type SparseMatrix = {
  rows: number;
  columns: number;
  rowStart: Uint32Array;
  columnIndex: Uint32Array;
  values: Float64Array;
};

/** Builds a CSR matrix from per-row (column, value) lists. */
export function sparseFromRows(
  rows: readonly { columns: ArrayLike<number>; values: ArrayLike<number> }[],
  columns: number,
): SparseMatrix {
  let nonZeros = 0;
  for (const row of rows) nonZeros += row.columns.length;
  const rowStart = new Uint32Array(rows.length + 1);
  const columnIndex = new Uint32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  let at = 0;
  rows.forEach((row, r) => {
    for (let i = 0; i < row.columns.length; i++) {
      columnIndex[at] = row.columns[i]!;
      values[at] = row.values[i]!;
      at++;
    }
    rowStart[r + 1] = at;
  });
  return { rows: rows.length, columns, rowStart, columnIndex, values };
}

/** The transpose, in CSR form (so Sᵀ·D is also a row-by-row gather). */
export function transpose(s: SparseMatrix): SparseMatrix {
  const rowStart = new Uint32Array(s.columns + 1);
  for (let i = 0; i < s.columnIndex.length; i++) rowStart[s.columnIndex[i]! + 1]!++;
  for (let c = 0; c < s.columns; c++) rowStart[c + 1] = rowStart[c + 1]! + rowStart[c]!;
  const next = rowStart.slice(0, s.columns);
  const columnIndex = new Uint32Array(s.columnIndex.length);
  const values = new Float64Array(s.values.length);
  for (let r = 0; r < s.rows; r++) {
    for (let i = s.rowStart[r]!; i < s.rowStart[r + 1]!; i++) {
      const at = next[s.columnIndex[i]!]!++;
      columnIndex[at] = r;
      values[at] = s.values[i]!;
    }
  }
  return { rows: s.columns, columns: s.rows, rowStart, columnIndex, values };
}

/** S · D, where D is columns×width (row-major); the result is rows×width (row-major). */
export function multiply(s: SparseMatrix, dense: Float64Array, width: number): Float64Array {
  const out = new Float64Array(s.rows * width);
  const { rowStart, columnIndex, values } = s;
  for (let r = 0; r < s.rows; r++) {
    const target = r * width;
    const end = rowStart[r + 1]!;
    let i = rowStart[r]!;
    for (; i + 3 < end; i += 4) {
      const a = columnIndex[i]! * width;
      const b = columnIndex[i + 1]! * width;
      const c = columnIndex[i + 2]! * width;
      const d = columnIndex[i + 3]! * width;
      const va = values[i]!;
      const vb = values[i + 1]!;
      const vc = values[i + 2]!;
      const vd = values[i + 3]!;
      for (let j = 0; j < width; j++) {
        out[target + j] =
          out[target + j]! + va * dense[a + j]! + vb * dense[b + j]! + vc * dense[c + j]! + vd * dense[d + j]!;
      }
    }
    for (; i < end; i++) {
      const a = columnIndex[i]! * width;
      const va = values[i]!;
      for (let j = 0; j < width; j++) out[target + j] = out[target + j]! + va * dense[a + j]!;
    }
  }
  return out;
}
