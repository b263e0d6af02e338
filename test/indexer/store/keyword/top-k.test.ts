import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../../core/seeded-random.ts';
import { kthLargest, topK } from '../../../../indexer/store/keyword/top-k.ts';

/** Scores for docs 0..size-1 drawn from a few values, so ties are common. */
function tiedScores(seed: number, size: number): Float64Array {
  const random = createSeededRandom(seed);
  return Float64Array.from({ length: size }, () => Math.floor(random.uniform() * 12) / 4);
}

/** `count` distinct docs in a shuffled order. */
function shuffledDocs(seed: number, size: number, count: number): Int32Array {
  const random = createSeededRandom(seed);
  const docs = Int32Array.from({ length: size }, (_, doc) => doc);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    [docs[i], docs[j]] = [docs[j]!, docs[i]!];
  }
  return docs.subarray(0, count);
}

describe('top-k', () => {
  it('returns the best docs by score descending, ties by doc ascending, as a full sort would', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const scores = tiedScores(seed, 300);
      const count = 1 + ((seed * 37) % 300);
      const docs = shuffledDocs(seed + 100, 300, count);
      const expected = [...docs]
        .sort((a, b) => scores[b]! - scores[a]! || a - b)
        .map((doc) => ({ label: doc, score: scores[doc]! }));
      for (const limit of [1, 5, 64, 1000]) {
        expect(topK(scores, docs, count, limit), `seed ${seed} limit ${limit}`).toEqual(expected.slice(0, limit));
      }
    }
  });

  it('looks only at the first count docs', () => {
    const scores = Float64Array.of(1, 9, 5, 7);
    expect(topK(scores, Int32Array.of(0, 2, 1, 3), 2, 10)).toEqual([
      { label: 2, score: 5 },
      { label: 0, score: 1 },
    ]);
  });

  it('finds the k-th largest score among the touched docs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const scores = tiedScores(seed, 200);
      const count = 1 + ((seed * 53) % 200);
      const touched = shuffledDocs(seed + 200, 200, count);
      const sorted = [...touched].map((doc) => scores[doc]!).sort((a, b) => b - a);
      for (const k of [1, 2, Math.ceil(count / 2), count]) {
        expect(kthLargest(scores, touched, count, k), `seed ${seed} k ${k}`).toBe(sorted[k - 1]);
      }
    }
  });
});
