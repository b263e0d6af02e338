import { describe, expect, it } from 'vitest';
import { createSeededRandom, type SeededRandom } from '../../../../core/seeded-random.ts';
import { decodePosting, encodePosting, type PostingRow } from '../../../../indexer/store/keyword/postings-codec.ts';
import { type MergePath, PostingMerge } from '../../../../indexer/store/keyword/postings-merge.ts';
import { type AddedPostings, PACKED_OVERFLOW } from '../../../../indexer/store/keyword/postings-pending.ts';
import { caughtAppError } from '../../../support/app-error.ts';

/** A posting as (doc, title count, body count). */
type Entry = [doc: number, title: number, body: number];

type Merged = { path: MergePath; length: number; docs: Buffer; tf: Buffer };

/** A stored row holding `entries` (docs ascending), as the table hands it over: its own buffers. */
function storedRow(entries: Entry[]): PostingRow | undefined {
  if (entries.length === 0) return undefined;
  const [docs, tf] = encodePosting(
    Int32Array.from(entries, ([doc]) => doc),
    Uint32Array.from(entries, ([, title]) => title),
    Uint32Array.from(entries, ([, , body]) => body),
    entries.length,
  );
  return [entries.length, Buffer.from(docs), Buffer.from(tf)];
}

/** Additions of three terms, the tested term's `entries` at index 1, packed as PendingPostings packs them. */
function addedPostings(entries: Entry[]): AddedPostings {
  const all: Entry[] = [[3, 1, 1], ...entries, [5, 2, 2]];
  const overflow = new Map<number, [number, number]>();
  const counts = Uint16Array.from(all, ([, title, body], at) => {
    if (title < 0xff && body < 0xff) return (title << 8) | body;
    overflow.set(at, [title, body]);
    return PACKED_OVERFLOW;
  });
  return {
    offsets: Int32Array.of(0, 1, 1 + entries.length, all.length),
    docs: Int32Array.from(all, ([doc]) => doc),
    counts,
    overflow,
  };
}

/** Merges with or without the append path, copying the blobs out of the merge's reused memory. */
function merge(appendPath: boolean, stored: Entry[], removals: number[], added: Entry[], term = 'wterm'): Merged {
  const merger = new PostingMerge({ appendPath });
  merger.run(term, storedRow(stored), Int32Array.from(removals), addedPostings(added), 1);
  if (merger.length === 0) return { path: merger.path, length: 0, docs: Buffer.alloc(0), tf: Buffer.alloc(0) };
  const [docs, tf] = merger.blobs();
  return { path: merger.path, length: merger.length, docs: Buffer.from(docs), tf: Buffer.from(tf) };
}

/** The merged list decoded back into entries. */
function entriesOf({ length, docs, tf }: Merged): Entry[] {
  if (length === 0) return [];
  const posting = decodePosting('wterm', [length, docs, tf]);
  return Array.from(posting.docs, (doc, i): Entry => [doc, posting.counts[2 * i]!, posting.counts[2 * i + 1]!]);
}

/** The bytes per count of a merged list. */
function widthOf({ length, tf }: Merged): number {
  return tf.byteLength / (2 * length);
}

/** A count up to 255, 65,535 or 4,000,000. */
function count(random: SeededRandom, largest: number): number {
  return Math.floor(random.uniform() * (largest + 1));
}

/** Ascending docs from `after + 1` with random gaps, each with counts mostly small and now and then up to `largest`. */
function randomEntries(random: SeededRandom, length: number, after: number, largest: number): Entry[] {
  const entries: Entry[] = [];
  let doc = after;
  for (let i = 0; i < length; i++) {
    doc += 1 + Math.floor(random.uniform() * 5);
    const wide = random.uniform() < 0.05;
    entries.push([doc, count(random, wide ? largest : 3), count(random, wide ? largest : 40)]);
  }
  return entries;
}

describe('posting-merge', () => {
  it('takes the append path when every added doc follows the stored list, and the general path otherwise', () => {
    const stored: Entry[] = [
      [2, 1, 1],
      [6, 0, 2],
    ];
    expect(merge(true, stored, [2], [[7, 1, 0]]).path).toBe('append');
    expect(merge(true, stored, [6], []).path).toBe('append');
    expect(merge(true, [], [], [[1, 1, 1]]).path).toBe('append');
    expect(merge(true, stored, [], [[4, 1, 0]]).path).toBe('general');
    expect(merge(false, stored, [2], [[7, 1, 0]]).path).toBe('general');
  });

  it('merges seeded random appends to the same bytes as the general path, and to the expected list', () => {
    const random = createSeededRandom(20_240_611);
    const widths = new Set<string>();
    for (let round = 0; round < 400; round++) {
      const largest = [0xff, 0xffff, 4_000_000][Math.floor(random.uniform() * 3)]!;
      const stored = randomEntries(random, Math.floor(random.uniform() * 300), 0, largest);
      // Removal rates from none to everything; the first and last docs are often among them.
      const rate = [0, 0.01, 0.2, 0.7, 1][Math.floor(random.uniform() * 5)]!;
      const removed = stored.filter(
        (_, i) => random.uniform() < rate || ((i === 0 || i === stored.length - 1) && random.uniform() < 0.3),
      );
      // Wide counts are sometimes removed on purpose, so the kept list could fit a narrower width.
      const dropWide = random.uniform() < 0.3;
      const removals = stored
        .filter((entry) => removed.includes(entry) || (dropWide && Math.max(entry[1], entry[2]) > 0xff))
        .map(([doc]) => doc);
      const addedLargest = [0xff, 0xffff, 4_000_000][Math.floor(random.uniform() * 3)]!;
      const last = stored.at(-1)?.[0] ?? 0;
      const added = randomEntries(random, Math.floor(random.uniform() * 30), last, addedLargest);

      const fast = merge(true, stored, removals, added);
      const slow = merge(false, stored, removals, added);
      const expected = [...stored.filter(([doc]) => !removals.includes(doc)), ...added];
      expect(fast.path).toBe('append');
      expect(fast.length).toBe(expected.length);
      expect(entriesOf(fast)).toEqual(expected);
      expect(fast.docs.equals(slow.docs)).toBe(true);
      expect(fast.tf.equals(slow.tf)).toBe(true);
      const row = storedRow(stored);
      if (row && expected.length > 0) widths.add(`${row[2].byteLength / (2 * row[0])}→${widthOf(fast)}`);
    }
    // The rounds changed width in every direction, not only kept it.
    expect([...widths].sort()).toEqual(['1→1', '1→2', '1→4', '2→1', '2→2', '2→4', '4→1', '4→2', '4→4']);
  });

  it('widens the counts when an addition does not fit the stored width', () => {
    const stored: Entry[] = [
      [1, 2, 3],
      [4, 0, 9],
    ];
    const twoBytes = merge(true, stored, [1], [[8, 300, 1]]);
    expect(widthOf(twoBytes)).toBe(2);
    expect(entriesOf(twoBytes)).toEqual([
      [4, 0, 9],
      [8, 300, 1],
    ]);
    const fourBytes = merge(true, stored, [], [[8, 1, 70_000]]);
    expect(widthOf(fourBytes)).toBe(4);
    expect(entriesOf(fourBytes)).toEqual([...stored, [8, 1, 70_000]]);
  });

  it('narrows the counts when the removed doc held the only wide count', () => {
    const stored: Entry[] = [
      [1, 2, 3],
      [4, 0, 70_000],
      [5, 300, 9],
      [7, 1, 1],
    ];
    const narrowed = merge(true, stored, [4, 5], [[9, 0, 254]]);
    expect(widthOf(narrowed)).toBe(1);
    expect(entriesOf(narrowed)).toEqual([
      [1, 2, 3],
      [7, 1, 1],
      [9, 0, 254],
    ]);
    expect(widthOf(merge(true, stored, [4], []))).toBe(2);
    const titleOnly = merge(true, stored.slice(2), [5], []);
    expect(widthOf(titleOnly)).toBe(1);
    expect(entriesOf(titleOnly)).toEqual([[7, 1, 1]]);
  });

  it('removes the first and the last doc, and every doc, of a list', () => {
    const stored: Entry[] = [
      [3, 1, 0],
      [10, 0, 2],
      [11, 4, 4],
    ];
    expect(entriesOf(merge(true, stored, [3, 11], []))).toEqual([[10, 0, 2]]);
    expect(merge(true, stored, [3, 10, 11], []).length).toBe(0);
    expect(entriesOf(merge(true, stored, [3, 10, 11], [[12, 7, 7]]))).toEqual([[12, 7, 7]]);
  });

  it('refuses to remove a doc the term does not list, on both paths, naming the first such doc', () => {
    const stored: Entry[] = [
      [3, 1, 0],
      [10, 0, 2],
    ];
    const cases: Array<[stored: Entry[], removals: number[], missing: number]> = [
      [stored, [1], 1],
      [stored, [3, 5, 7], 5],
      [stored, [10, 12], 12],
      [stored, [3, 3], 3],
      [[], [4], 4],
    ];
    for (const [list, removals, missing] of cases) {
      for (const appendPath of [true, false]) {
        const error = caughtAppError(() => merge(appendPath, list, removals, [[20, 1, 1]], 'wgone'));
        expect(error.code).toBe('INDEX_CORRUPT');
        expect(error.message).toBe(
          `The keyword index cannot remove doc ${missing} from term "wgone": the term does not list it.`,
        );
      }
    }
  });

  it('refuses to add a doc the term already lists, as the last doc or among the others', () => {
    const stored: Entry[] = [
      [3, 1, 0],
      [10, 0, 2],
    ];
    for (const [added, listed] of [
      [[[10, 1, 1]], 10],
      [
        [
          [3, 1, 1],
          [12, 1, 1],
        ],
        3,
      ],
    ] as Array<[Entry[], number]>) {
      const error = caughtAppError(() => merge(true, stored, [], added, 'wtwice'));
      expect(error.code).toBe('INDEX_CORRUPT');
      expect(error.message).toBe(`The keyword index cannot add doc ${listed}: term "wtwice" already lists it.`);
    }
  });
});
