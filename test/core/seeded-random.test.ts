import { describe, expect, it } from 'vitest';
import { createSeededRandom, zipfSampler } from '../../core/seeded-random.ts';

describe('seeded-random', () => {
  it('repeats its sequence for the same seed', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.uniform())).toEqual(Array.from({ length: 5 }, () => b.uniform()));
  });

  it('draws Zipf ranks within the vocabulary, each about 1 / (rank + 1) as often as the first', () => {
    const sample = zipfSampler(10);
    const random = createSeededRandom(7);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 40_000; i++) counts[sample(random)]!++;
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(counts[0]! / counts[1]!).toBeCloseTo(2, 0);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(8);
    expect(counts[0]! / counts[9]!).toBeLessThan(12);
  });
});
