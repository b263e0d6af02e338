// Dense row-major matrix kernels for the randomized SVD. They handle four rows per pass so each
// loaded value is used four times, which makes them several times faster than the plain loops.

/** (rows×inner) · (inner×outer), both flat row-major; returns rows×outer. */
export function multiplyDense(
  left: Float64Array,
  rows: number,
  inner: number,
  right: Float64Array,
  outer: number,
): Float64Array {
  const out = new Float64Array(rows * outer);
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const a = r * inner;
    const b = a + inner;
    const c = b + inner;
    const d = c + inner;
    const ta = r * outer;
    const tb = ta + outer;
    const tc = tb + outer;
    const td = tc + outer;
    for (let i = 0; i < inner; i++) {
      const va = left[a + i]!;
      const vb = left[b + i]!;
      const vc = left[c + i]!;
      const vd = left[d + i]!;
      const s = i * outer;
      for (let j = 0; j < outer; j++) {
        const w = right[s + j]!;
        out[ta + j] = out[ta + j]! + va * w;
        out[tb + j] = out[tb + j]! + vb * w;
        out[tc + j] = out[tc + j]! + vc * w;
        out[td + j] = out[td + j]! + vd * w;
      }
    }
  }
  for (; r < rows; r++) {
    const a = r * inner;
    const ta = r * outer;
    for (let i = 0; i < inner; i++) {
      const va = left[a + i]!;
      const s = i * outer;
      for (let j = 0; j < outer; j++) out[ta + j] = out[ta + j]! + va * right[s + j]!;
    }
  }
  return out;
}

/** YᵀY for a rows×width row-major Y; returns the full symmetric width×width matrix. */
export function gram(y: Float64Array, rows: number, width: number): Float64Array {
  const g = new Float64Array(width * width);
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const a = r * width;
    const b = a + width;
    const c = b + width;
    const d = c + width;
    for (let i = 0; i < width; i++) {
      const ai = y[a + i]!;
      const bi = y[b + i]!;
      const ci = y[c + i]!;
      const di = y[d + i]!;
      const t = i * width;
      for (let j = i; j < width; j++) {
        g[t + j] = g[t + j]! + ai * y[a + j]! + bi * y[b + j]! + ci * y[c + j]! + di * y[d + j]!;
      }
    }
  }
  for (; r < rows; r++) {
    const a = r * width;
    for (let i = 0; i < width; i++) {
      const ai = y[a + i]!;
      const t = i * width;
      for (let j = i; j < width; j++) g[t + j] = g[t + j]! + ai * y[a + j]!;
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) g[i * width + j] = g[j * width + i]!;
  return g;
}
