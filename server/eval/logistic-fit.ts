// Weighted, L2-regularized logistic regression by Newton's method (a dozen steps for the dozen
// features the judge weighs), and the ROC AUC it is measured with.

export type LogisticFit = { bias: number; weights: number[] };

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = a[row]![col]! / p;
      for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/**
 * Fits P(y = 1 | x) = σ(b + w·x). `weight` balances classes or groups; `l2` penalizes the distance of
 * the weights (not the bias) from `prior` (zero by default) per unit of total sample weight, so a
 * feature the data rarely shows keeps its prior weight.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  weight: readonly number[],
  l2 = 0.01,
  prior: readonly number[] = [],
  steps = 25,
): LogisticFit {
  const d = (x[0]?.length ?? 0) + 1;
  const theta = [0, ...Array.from({ length: d - 1 }, (_, j) => prior[j] ?? 0)];
  const total = weight.reduce((s, w) => s + w, 0) || 1;
  for (let step = 0; step < steps; step++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      const xi = [1, ...x[i]!];
      let z = 0;
      for (let j = 0; j < d; j++) z += theta[j]! * xi[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = weight[i]! / total;
      const g = (p - y[i]!) * w;
      const h = p * (1 - p) * w;
      for (let j = 0; j < d; j++) {
        gradient[j]! += g * xi[j]!;
        for (let k = 0; k <= j; k++) hessian[j]![k]! += h * xi[j]! * xi[k]!;
      }
    }
    for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) hessian[j]![k] = hessian[k]![j]!;
    for (let j = 1; j < d; j++) {
      gradient[j]! += l2 * (theta[j]! - (prior[j - 1] ?? 0));
      hessian[j]![j]! += l2;
    }
    hessian[0]![0]! += 1e-9;
    const delta = solve(hessian, gradient);
    let change = 0;
    for (let j = 0; j < d; j++) {
      theta[j] = theta[j]! - delta[j]!;
      change = Math.max(change, Math.abs(delta[j]!));
    }
    if (change < 1e-6) break;
  }
  return { bias: theta[0]!, weights: theta.slice(1) };
}

export function logisticScore(fit: LogisticFit, x: readonly number[]): number {
  let z = fit.bias;
  for (let j = 0; j < x.length; j++) z += fit.weights[j]! * x[j]!;
  return 1 / (1 + Math.exp(-z));
}

/** ROC AUC: the chance that a positive scores above a negative (ties count half). */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort(
    (a, b) => a.s - b.s,
  );
  // Rank-sum (Mann–Whitney U) with average ranks for ties.
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.s === all[i]!.s) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.p === 1) rankSum += averageRank;
    i = j;
  }
  const n1 = positives.length;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * negatives.length);
}

/** Macro F1 over the classes that occur in `truth`. */
export function macroF1<T>(truth: readonly T[], predicted: readonly T[]): number {
  const classes = [...new Set(truth)];
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    truth.forEach((t, i) => {
      const p = predicted[i];
      if (p === c && t === c) tp++;
      else if (p === c) fp++;
      else if (t === c) fn++;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return classes.length ? sum / classes.length : Number.NaN;
}
