import { describe, expect, it } from 'vitest';
import { clusterCount, clusterPoints } from '../../../server/map/cluster-points.ts';

const blob = (cx: number, cy: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ x: cx + ((i % 3) - 1) * 0.01, y: cy + (Math.floor(i / 3) % 3) * 0.01 }));

describe('cluster-points', () => {
  it('finds well-separated blobs and numbers them by falling size', () => {
    const points = [...blob(0.1, 0.1, 6), ...blob(0.9, 0.9, 12), ...blob(0.1, 0.9, 9)];
    const ids = clusterPoints(points, { maxClusters: 3 });
    expect(new Set(ids.slice(0, 6))).toEqual(new Set([2]));
    expect(new Set(ids.slice(6, 18))).toEqual(new Set([0]));
    expect(new Set(ids.slice(18))).toEqual(new Set([1]));
  });

  it('gives the same ids every run', () => {
    const points = Array.from({ length: 60 }, (_, i) => ({
      x: Math.sin(i * 12.9898) ** 2,
      y: Math.cos(i * 78.233) ** 2,
    }));
    expect(clusterPoints(points)).toEqual(clusterPoints(points));
  });

  it('chooses about the square root of half the points, between one and the cap', () => {
    expect(clusterCount(0)).toBe(0);
    expect(clusterCount(1)).toBe(1);
    expect(clusterCount(50)).toBe(5);
    expect(clusterCount(10_000)).toBe(8);
  });

  it('puts every point of a tiny library in cluster 0', () => {
    expect(clusterPoints([{ x: 0.5, y: 0.5 }])).toEqual([0]);
    expect(clusterPoints([])).toEqual([]);
  });
});
