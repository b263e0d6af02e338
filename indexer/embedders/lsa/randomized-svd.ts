// Truncated SVD of a sparse matrix by the randomized range finder of Halko, Martinsson & Tropp
// (2011): a seeded Gaussian sketch, power iterations with re-orthonormalization, then a small
// dense eigenproblem. Deterministic for a given seed.

import { createSeededRandom } from '../../../core/seeded-random.ts';
import { gram, multiplyDense } from './dense-matrix.ts';
import { multiply, type SparseMatrix, transpose } from './sparse-matrix.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

export type RandomizedSvdOptions = {
  /** Extra sketch columns beyond rank; more is more accurate and slower. */
  oversampling: number;
  /** Power iterations; each sharpens the spectrum the sketch sees. */
  powerIterations: number;
  seed: number;
};

/** The top singular triplets' values and right singular vectors. */
export type TruncatedSvd = {
  rank: number;
  /** Descending; directions the matrix does not have come out as 0. */
  singularValues: Float64Array;
  /** columns×rank, row-major: row c holds column c's coordinates on each right singular vector. */
  rightVectors: Float64Array;
};

// Directions whose energy falls below this fraction of the largest are treated as absent (rank deficiency).
const RELATIVE_TOLERANCE = 1e-12;

/** Approximates the `rank` largest singular values and right singular vectors of `matrix`. */
export function randomizedSvd(matrix: SparseMatrix, rank: number, options: RandomizedSvdOptions): TruncatedSvd {
  const width = Math.min(rank + options.oversampling, matrix.rows, matrix.columns);
  const random = createSeededRandom(options.seed);
  const sketch = new Float64Array(matrix.rows * width);
  for (let i = 0; i < sketch.length; i++) sketch[i] = random.gaussian();

  const transposed = transpose(matrix);
  // Q spans (an approximation of) the row space: columns × width.
  let q = orthonormalize(multiply(transposed, sketch, width), matrix.columns, width);
  // Re-orthonormalizing after each MᵀM step keeps the basis well conditioned (cond grows by (σ₁/σₗ)² a step).
  for (let i = 0; i < options.powerIterations; i++) {
    q = orthonormalize(multiply(transposed, multiply(matrix, q, width), width), matrix.columns, width);
  }

  // B = M·Q (rows × width); the eigenvectors of BᵀB rotate Q onto the right singular vectors.
  const b = multiply(matrix, q, width);
  const eigen = symmetricEigen(gram(b, matrix.rows, width), width);
  const largest = Math.max(eigen.values[0] ?? 0, 0);
  const singularValues = new Float64Array(rank);
  const rotation = new Float64Array(width * rank);
  for (let k = 0; k < Math.min(rank, width); k++) {
    const value = eigen.values[k]!;
    if (!(value > largest * RELATIVE_TOLERANCE) || value <= 0) continue;
    singularValues[k] = Math.sqrt(value);
    for (let i = 0; i < width; i++) rotation[i * rank + k] = eigen.vectors[k * width + i]!;
  }
  const rightVectors = multiplyDense(q, matrix.columns, width, rotation, rank);
  fixSigns(rightVectors, matrix.columns, rank);
  return { rank, singularValues, rightVectors };
}

/**
 * An orthonormal basis for the columns of Y (rows×width), via the eigenvectors of YᵀY:
 * Q = Y·E·Λ^(−1/2). Directions Y lacks become zero columns, so rank-deficient input is harmless.
 */
function orthonormalize(y: Float64Array, rows: number, width: number): Float64Array {
  const eigen = symmetricEigen(gram(y, rows, width), width);
  const largest = Math.max(eigen.values[0] ?? 0, 0);
  const transform = new Float64Array(width * width);
  for (let k = 0; k < width; k++) {
    const value = eigen.values[k]!;
    if (!(value > largest * RELATIVE_TOLERANCE) || value <= 0) continue;
    const scale = 1 / Math.sqrt(value);
    for (let i = 0; i < width; i++) transform[i * width + k] = eigen.vectors[k * width + i]! * scale;
  }
  return multiplyDense(y, rows, width, transform, width);
}

// Singular vectors are defined up to sign; making each one's largest entry positive keeps fits comparable.
function fixSigns(vectors: Float64Array, rows: number, rank: number): void {
  for (let k = 0; k < rank; k++) {
    let largest = 0;
    for (let r = 0; r < rows; r++) {
      const value = vectors[r * rank + k]!;
      if (Math.abs(value) > Math.abs(largest)) largest = value;
    }
    if (largest < 0) for (let r = 0; r < rows; r++) vectors[r * rank + k] = -vectors[r * rank + k]!;
  }
}
