// Eigendecomposition of a small dense symmetric matrix by cyclic Jacobi rotations: accurate,
// deterministic and short, which is all the latent semantic model needs for its (k+p)² problems.

/** Eigenvalues in descending order, with the matching unit eigenvectors as rows of a flat n×n matrix. */
export type SymmetricEigen = {
  values: Float64Array;
  /** Row i (entries i·n … i·n+n−1) is the eigenvector of values[i]. */
  vectors: Float64Array;
};

const MAX_SWEEPS = 100;

/**
 * Decomposes the symmetric n×n matrix (flat, row-major; only the upper triangle is read).
 * The input is not modified.
 */
export function symmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  if (matrix.length !== n * n) throw new RangeError(`symmetricEigen: expected ${n * n} entries, got ${matrix.length}`);
  const a = Float64Array.from(matrix);
  // Rows of vt are the eigenvector estimates; rotating rows keeps memory access contiguous.
  const vt = new Float64Array(n * n);
  const diagonal = new Float64Array(n);
  const base = new Float64Array(n);
  const drift = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    vt[i * n + i] = 1;
    diagonal[i] = a[i * n + i]!;
    base[i] = diagonal[i]!;
  }

  for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) offDiagonal += Math.abs(a[p * n + q]!);
    if (offDiagonal === 0) break;
    // Early sweeps only rotate large entries (Rutishauser's threshold), which saves work.
    const threshold = sweep < 4 ? (0.2 * offDiagonal) / (n * n) : 0;

    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        const guard = 100 * Math.abs(apq);
        const dp = diagonal[p]!;
        const dq = diagonal[q]!;
        if (sweep > 4 && Math.abs(dp) + guard === Math.abs(dp) && Math.abs(dq) + guard === Math.abs(dq)) {
          a[p * n + q] = 0;
          continue;
        }
        if (Math.abs(apq) <= threshold) continue;

        const gap = dq - dp;
        let t: number;
        if (Math.abs(gap) + guard === Math.abs(gap)) {
          t = apq / gap;
        } else {
          const theta = (0.5 * gap) / apq;
          t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
          if (theta < 0) t = -t;
        }
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        const tau = s / (1 + c);
        const shift = t * apq;
        drift[p] = drift[p]! - shift;
        drift[q] = drift[q]! + shift;
        diagonal[p] = dp - shift;
        diagonal[q] = dq + shift;
        a[p * n + q] = 0;

        for (let j = 0; j < p; j++) rotate(a, j * n + p, j * n + q, s, tau);
        for (let j = p + 1; j < q; j++) rotate(a, p * n + j, j * n + q, s, tau);
        for (let j = q + 1; j < n; j++) rotate(a, p * n + j, q * n + j, s, tau);
        const rowP = p * n;
        const rowQ = q * n;
        for (let j = 0; j < n; j++) rotate(vt, rowP + j, rowQ + j, s, tau);
      }
    }
    for (let i = 0; i < n; i++) {
      base[i] = base[i]! + drift[i]!;
      diagonal[i] = base[i]!;
      drift[i] = 0;
    }
  }

  return sortDescending(diagonal, vt, n);
}

function rotate(m: Float64Array, i: number, k: number, s: number, tau: number): void {
  const g = m[i]!;
  const h = m[k]!;
  m[i] = g - s * (h + g * tau);
  m[k] = h + s * (g - h * tau);
}

function sortDescending(values: Float64Array, vt: Float64Array, n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => values[y]! - values[x]! || x - y);
  const sortedValues = new Float64Array(n);
  const sortedVectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    sortedValues[to] = values[from]!;
    sortedVectors.set(vt.subarray(from * n, from * n + n), to * n);
  });
  return { values: sortedValues, vectors: sortedVectors };
}
