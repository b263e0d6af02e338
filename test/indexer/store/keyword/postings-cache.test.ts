import { describe, expect, it } from 'vitest';
import { CACHE_MIN_DOCS, PostingCache } from '../../../../indexer/store/keyword/postings-cache.ts';
import type { Posting } from '../../../../indexer/store/keyword/postings-codec.ts';

/** A list of `df` docs with one-byte counts: 6 bytes per doc. */
function list(df: number): Posting {
  return { df, docs: new Int32Array(df), counts: new Uint8Array(2 * df) };
}

/** A cache over fixed lists that records every read. */
function cacheOf(budgetBytes: number, lists: Record<string, Posting>) {
  const reads: string[] = [];
  const cache = new PostingCache(budgetBytes, (term) => {
    reads.push(term);
    return lists[term] ?? null;
  });
  return { cache, reads };
}

const LONG = CACHE_MIN_DOCS;
const LONG_BYTES = 6 * LONG;

describe('posting-cache', () => {
  it('reads a long list once and answers later lookups from memory', () => {
    const lists = { wa: list(LONG) };
    const { cache, reads } = cacheOf(10 * LONG_BYTES, lists);
    expect(cache.get('wa')).toBe(lists.wa);
    expect(cache.get('wa')).toBe(lists.wa);
    expect(reads).toEqual(['wa']);
    expect(cache.usage()).toEqual({ lists: 1, bytes: LONG_BYTES });
  });

  it('reads short lists and unknown terms every time without keeping them', () => {
    const { cache, reads } = cacheOf(10 * LONG_BYTES, { wshort: list(LONG - 1) });
    cache.get('wshort');
    cache.get('wshort');
    expect(cache.get('wnone')).toBeNull();
    expect(cache.get('wnone')).toBeNull();
    expect(reads).toEqual(['wshort', 'wshort', 'wnone', 'wnone']);
    expect(cache.usage()).toEqual({ lists: 0, bytes: 0 });
  });

  it('evicts the least recently used lists to stay within its budget', () => {
    const { cache, reads } = cacheOf(2 * LONG_BYTES, { wa: list(LONG), wb: list(LONG), wc: list(LONG) });
    cache.get('wa');
    cache.get('wb');
    cache.get('wa');
    cache.get('wc');
    expect(cache.usage()).toEqual({ lists: 2, bytes: 2 * LONG_BYTES });
    reads.length = 0;
    cache.get('wa');
    cache.get('wc');
    cache.get('wb');
    expect(reads).toEqual(['wb']);
  });

  it('keeps nothing with a budget of 0 or a list larger than the budget', () => {
    for (const budget of [0, LONG_BYTES - 1]) {
      const { cache, reads } = cacheOf(budget, { wa: list(LONG) });
      cache.get('wa');
      cache.get('wa');
      expect(reads).toEqual(['wa', 'wa']);
      expect(cache.usage()).toEqual({ lists: 0, bytes: 0 });
    }
  });
});
