// Selection over per-doc scores with bounded min-heaps: the k-th largest score (for pruning) and the
// best k docs, score descending and then doc ascending.
import type { KeywordHit } from './postings.repo.ts';

/** The k-th largest score among the first `count` touched docs (1 ≤ k ≤ count), through a bounded min-heap. */
export function kthLargest(scores: Float64Array, touched: Int32Array, count: number, k: number): number {
  const heap = new Float64Array(k);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= k) return;
      const child = left + 1 < k && heap[left + 1]! < heap[left]! ? left + 1 : left;
      if (heap[child]! >= heap[i]!) return;
      const swap = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = swap;
      i = child;
    }
  };
  for (let i = 0; i < k; i++) heap[i] = scores[touched[i]!]!;
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let i = k; i < count; i++) {
    const score = scores[touched[i]!]!;
    if (score <= heap[0]!) continue;
    heap[0] = score;
    siftDown(0);
  }
  return heap[0]!;
}

/** The best `limit` of the first `count` docs by score descending, then doc ascending, through a bounded min-heap. */
export function topK(scores: Float64Array, docs: Int32Array, count: number, limit: number): KeywordHit[] {
  const size = Math.min(limit, count);
  const heap = new Int32Array(size);
  // a is worse than b: lower score, or the same score and a higher doc.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (from: number, length: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= length) return;
      const right = left + 1;
      const child = right < length && worse(heap[right]!, heap[left]!) ? right : left;
      if (!worse(heap[child]!, heap[i]!)) return;
      const swap = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = swap;
      i = child;
    }
  };
  for (let i = 0; i < size; i++) heap[i] = docs[i]!;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i, size);
  for (let i = size; i < count; i++) {
    const doc = docs[i]!;
    const score = scores[doc]!;
    const root = heap[0]!;
    const rootScore = scores[root]!;
    // Most docs lose to the root on score alone; only an equal score needs the doc comparison.
    if (score < rootScore || (score === rootScore && doc > root)) continue;
    heap[0] = doc;
    siftDown(0, size);
  }
  const hits: KeywordHit[] = [];
  for (let length = size; length > 0; length--) {
    hits.push({ label: heap[0]!, score: scores[heap[0]!]! });
    heap[0] = heap[length - 1]!;
    siftDown(0, length - 1);
  }
  return hits.reverse();
}
