// Latency statistics: percentiles of timed samples, and a loop that times a query function over
// a query set after a warm-up.

export type LatencyStats = {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
};

/** The q-quantile (0..1) of sorted samples, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

/** Mean, p50, p95, p99 and max of samples in milliseconds. */
export function latencyStats(samples: readonly number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, x) => total + x, 0);
  return {
    count: sorted.length,
    meanMs: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/**
 * Runs `run` once per item for `warmup` items (untimed), then times it over `rounds` passes of
 * every item and returns the latency statistics.
 */
export async function timeEach<T>(
  items: readonly T[],
  run: (item: T) => unknown,
  options: { warmup?: number; rounds?: number } = {},
): Promise<LatencyStats> {
  const warmup = Math.min(options.warmup ?? 20, items.length);
  for (let i = 0; i < warmup; i++) await run(items[i]!);
  const samples: number[] = [];
  for (let round = 0; round < (options.rounds ?? 1); round++) {
    for (const item of items) {
      const start = performance.now();
      await run(item);
      samples.push(performance.now() - start);
    }
  }
  return latencyStats(samples);
}
