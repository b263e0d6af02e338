import { describe, expect, it } from 'vitest';
import {
  decodeCounts,
  decodeDocs,
  decodePosting,
  encodePosting,
} from '../../../../indexer/store/keyword/postings-codec.ts';
import { caughtAppError } from '../../../support/app-error.ts';

/** Encodes (doc, title, body) triples through the codec's arrays. */
function encode(rows: Array<[number, number, number]>): [Buffer, Buffer] {
  return encodePosting(
    Int32Array.from(rows.map(([doc]) => doc)),
    Uint32Array.from(rows.map(([, title]) => title)),
    Uint32Array.from(rows.map(([, , body]) => body)),
    rows.length,
  );
}

/** The same bytes at an odd offset of a larger buffer, as SQLite may hand a blob over. */
function unaligned(blob: Buffer): Buffer {
  const backing = Buffer.alloc(blob.byteLength + 1);
  blob.copy(backing, 1);
  return backing.subarray(1);
}

describe('postings-codec', () => {
  it('stores counts in the narrowest width that holds the largest one', () => {
    expect(encode([[1, 3, 254]])[1].byteLength).toBe(2);
    expect(encode([[1, 256, 0]])[1].byteLength).toBe(4);
    expect(encode([[1, 0, 70_000]])[1].byteLength).toBe(8);
  });

  it('decodes what it encodes at every width, from aligned and unaligned blobs', () => {
    for (const largest of [255, 65_535, 4_000_000]) {
      const rows: Array<[number, number, number]> = [
        [2, 1, 0],
        [5, 0, largest],
        [0x7fffffff, largest, 7],
      ];
      const [docs, tf] = encode(rows);
      for (const row of [
        [rows.length, docs, tf],
        [rows.length, unaligned(docs), unaligned(tf)],
      ] as const) {
        const posting = decodePosting('wterm', [...row]);
        expect(posting.df).toBe(3);
        expect([...posting.docs]).toEqual(rows.map(([doc]) => doc));
        expect([...posting.counts]).toEqual(rows.flatMap(([, title, body]) => [title, body]));
      }
    }
  });

  it('encodes only the first length entries of larger arrays', () => {
    const [docs, tf] = encodePosting(Int32Array.of(4, 9, 11), Uint32Array.of(1, 2, 900), Uint32Array.of(3, 4, 5), 2);
    expect([...decodeDocs(docs, 2, 'wterm')]).toEqual([4, 9]);
    expect([...decodeCounts(tf, 2, 'wterm')]).toEqual([1, 3, 2, 4]);
  });

  it('refuses a docs blob that does not hold df docs, naming the term', () => {
    const [docs] = encode([
      [1, 1, 1],
      [2, 1, 1],
    ]);
    const error = caughtAppError(() => decodeDocs(docs, 3, 'wshort'));
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(error.message).toMatch(/term "wshort" holds 2 docs, not 3/);
  });

  it('refuses a tf blob whose length fits no count width, naming the term', () => {
    const error = caughtAppError(() => decodeCounts(Buffer.alloc(6), 2, 'wodd'));
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(error.message).toMatch(/term "wodd" has 6 count bytes for 2 docs/);
  });
});
