import { describe, expect, it } from 'vitest';
import { agreement, fuseScores, minMaxNormalizer, rocchio } from '../../../server/search/fuse.ts';

const ranked = (...docs: Array<[number, number]>) => docs.map(([doc, score]) => ({ doc, score }));

describe('fuse', () => {
  it('moves the query vector toward the weighted centroid of the feedback vectors, keeping unit length', () => {
    const query = Float32Array.from([1, 0, 0]);
    // Centroid = (3·(0,1,0) + 1·(0,0,1)) / 4 = (0, 0.75, 0.25); q + centroid = (1, 0.75, 0.25), |·| = 1.274755
    const moved = rocchio(
      query,
      [
        { vector: Float32Array.from([0, 1, 0]), weight: 3 },
        { vector: Float32Array.from([0, 0, 1]), weight: 1 },
      ],
      1,
    );
    expect([...moved].map((v) => Number(v.toFixed(5)))).toEqual([0.78446, 0.58835, 0.19612]);
    expect(query[0]).toBe(1);
  });

  it('leaves the query as it is without feedback', () => {
    expect([...rocchio(Float32Array.from([0.6, 0.8]), [], 1)]).toEqual([0.6000000238418579, 0.800000011920929]);
  });

  it('measures agreement as the share of one top list found in the other', () => {
    const a = ranked([1, 9], [2, 8], [3, 7], [4, 6]);
    const b = ranked([3, 1], [9, 1], [1, 1], [8, 1]);
    expect(agreement(a, b, 4)).toBe(0.5);
    expect(agreement(a, b, 2)).toBe(0);
    expect(agreement(a, [], 4)).toBe(0);
    // Over the shorter list: one keyword hit that the dense list also has is full agreement.
    expect(agreement(ranked([3, 1]), b, 4)).toBe(1);
  });

  it('maps the top score to 1 and the window-th score to 0, clamping below', () => {
    const norm = minMaxNormalizer(ranked([1, 10], [2, 6], [3, 2], [4, 1]), 3);
    expect([10, 6, 2, 1].map(norm)).toEqual([1, 0.5, 0, 0]);
    expect(minMaxNormalizer(ranked([1, 5], [2, 5]), 10)(5)).toBe(1);
  });

  it('fuses normalized scores convexly, scoring a missing side as 0', () => {
    const keyword = ranked([1, 10], [2, 5], [3, 0]);
    const dense = ranked([2, 0.9], [4, 0.5], [3, 0.1]);
    // keyword norm: 1 → 1, 2 → 0.5, 3 → 0; dense norm: 2 → 1, 4 → 0.5, 3 → 0, and doc 1's exact cosine 0.5 → 0.5.
    const fused = fuseScores(keyword, dense, new Map([[1, 0.5]]), 0.5, 100);
    expect(fused).toEqual(ranked([1, 0.75], [2, 0.75], [4, 0.25], [3, 0]));
  });

  it('keeps the keyword order when the dense weight is 0', () => {
    const keyword = ranked([5, 3], [6, 2], [7, 1]);
    const fused = fuseScores(keyword, ranked([7, 0.9], [8, 0.8]), new Map(), 0, 100);
    expect(fused.slice(0, 3).map((r) => r.doc)).toEqual([5, 6, 7]);
  });
});
