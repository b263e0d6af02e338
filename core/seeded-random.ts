// Seeded pseudo-random numbers (mulberry32 uniform, Box–Muller normal): the same seed gives the
// same sequence everywhere, so fits, samples, maps and generated test data are reproducible.

/** A deterministic source of random numbers. */
export type SeededRandom = {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (mean 0, variance 1). */
  gaussian(): number;
};

/** Creates a generator whose sequence depends only on the 32-bit seed. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  let spare: number | null = null;

  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const gaussian = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 - uniform() is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  return { uniform, gaussian };
}

/**
 * A sampler of ranks in [0, size) with probability proportional to 1 / (rank + 1) (Zipf's law, as
 * word frequencies roughly follow); each draw takes one uniform number from the given generator.
 */
export function zipfSampler(size: number): (random: SeededRandom) => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1);
  return (random) => {
    const target = random.uniform() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
