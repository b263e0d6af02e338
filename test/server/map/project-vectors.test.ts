import { describe, expect, it } from 'vitest';
import { fitUnitSquare, projectVectors } from '../../../server/map/project-vectors.ts';

// Two well-separated groups of unit-ish vectors in 16 dimensions.
function twoGroups(perGroup: number): Float32Array[] {
  let state = 7;
  const noise = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state / 2 ** 31 - 0.5) * 0.1;
  };
  return Array.from({ length: perGroup * 2 }, (_, i) =>
    Float32Array.from({ length: 16 }, (_, d) => (d < 8 === i < perGroup ? 1 : 0) + noise()),
  );
}

describe('project-vectors', () => {
  it('gives the same points for the same vectors every run', async () => {
    const vectors = twoGroups(10);
    const first = await projectVectors(vectors);
    const second = await projectVectors(vectors);
    expect(second).toEqual(first);
  });

  it('places every point inside the unit square, touching both ends of each axis', async () => {
    const points = await projectVectors(twoGroups(8));
    expect(points).toHaveLength(16);
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(1);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(1);
    }
    expect(Math.min(...points.map((p) => p.x))).toBe(0);
    expect(Math.max(...points.map((p) => p.y))).toBe(1);
  });

  it('keeps similar vectors closer to each other than to the other group', async () => {
    const points = await projectVectors(twoGroups(10));
    const mean = (group: typeof points) => ({
      x: group.reduce((s, p) => s + p.x, 0) / group.length,
      y: group.reduce((s, p) => s + p.y, 0) / group.length,
    });
    const [a, b] = [mean(points.slice(0, 10)), mean(points.slice(10))];
    const within = points.slice(0, 10).reduce((s, p) => s + Math.hypot(p.x - a.x, p.y - a.y), 0) / 10;
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(2 * within);
  });

  it('handles libraries of zero, one and two papers without running UMAP', async () => {
    expect(await projectVectors([])).toEqual([]);
    expect(await projectVectors([new Float32Array(4)])).toEqual([{ x: 0.5, y: 0.5 }]);
    expect(await projectVectors([new Float32Array(4), new Float32Array(4)])).toEqual([
      { x: 0.25, y: 0.5 },
      { x: 0.75, y: 0.5 },
    ]);
  });

  it('centres an axis whose points all share one value', () => {
    expect(
      fitUnitSquare([
        [3, 1],
        [5, 1],
      ]),
    ).toEqual([
      { x: 0, y: 0.5 },
      { x: 1, y: 0.5 },
    ]);
  });
});

describe('project-vectors, a library larger than the sample', () => {
  const options = { sampleSize: 12, placeAmong: 3 };

  it('lays out the sample and places every other paper near its group, the same way every run', async () => {
    const vectors = twoGroups(20);
    const points = await projectVectors(vectors, options);
    expect(points).toHaveLength(40);
    expect(await projectVectors(vectors, options)).toEqual(points);
    const centre = (group: typeof points) => ({
      x: group.reduce((s, p) => s + p.x, 0) / group.length,
      y: group.reduce((s, p) => s + p.y, 0) / group.length,
    });
    const [a, b] = [centre(points.slice(0, 20)), centre(points.slice(20))];
    const apart = Math.hypot(a.x - b.x, a.y - b.y);
    // Every paper, sampled or placed, lies nearer its own group's centre than the other's.
    points.forEach((p, i) => {
      const [own, other] = i < 20 ? [a, b] : [b, a];
      expect(Math.hypot(p.x - own.x, p.y - own.y), `point ${i}`).toBeLessThan(Math.hypot(p.x - other.x, p.y - other.y));
    });
    expect(apart).toBeGreaterThan(0.3);
    for (const p of points) expect([p.x, p.y].every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});
