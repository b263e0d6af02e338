// Merges one term's stored posting list with its pending removals and additions into the new list,
// checking that every removed doc was listed and no added doc already is.
import { AppError } from '../../../core/errors.ts';
import {
  type CountArray,
  countArrayType,
  decodeCounts,
  decodeDocs,
  encodePosting,
  type PostingRow,
} from './postings-codec.ts';
import { type AddedPostings, PACKED_OVERFLOW } from './postings-pending.ts';

const NO_DOCS = new Int32Array(0);
const NO_COUNTS = new Uint8Array(0);

/** Merge options. */
export type PostingMergeOptions = {
  /**
   * Whether a run whose added docs all follow the stored list's last doc (as new doc numbers only grow) takes
   * the append path, which copies the stored runs between removed docs in bulk. Turned off only to compare paths.
   */
  appendPath?: boolean;
};

const MERGE_DEFAULTS = { appendPath: true } satisfies PostingMergeOptions;

/** How a run merged: `append` copied the kept runs of the stored list in bulk, `general` went doc by doc. */
export type MergePath = 'append' | 'general';

/** Merges one term's list at a time into reused output arrays. */
export class PostingMerge {
  /** Docs in the merged list (0: the term's row is to be deleted). */
  length = 0;
  /** The path the last run took. */
  path: MergePath = 'general';
  private readonly appendPath: boolean;
  private docs = new Int32Array(1024);
  private title = new Uint32Array(1024);
  private body = new Uint32Array(1024);
  // The append path's tf blob, in `width` bytes per count.
  private countBytes = new ArrayBuffer(8 * 1024);
  private width = 1;

  constructor(options: PostingMergeOptions = {}) {
    this.appendPath = { ...MERGE_DEFAULTS, ...options }.appendPath;
  }

  /** Merges for `term`, whose additions are at `index` of `added` (`stored` is its row, if any). */
  run(term: string, stored: PostingRow | undefined, removals: Int32Array, added: AddedPostings, index: number): void {
    const df = stored?.[0] ?? 0;
    const oldCounts = stored ? decodeCounts(stored[2], df, term) : NO_COUNTS;
    const oldDocs = stored ? decodeDocs(stored[1], df, term) : NO_DOCS;
    const addFrom = added.offsets[index]!;
    const addTo = added.offsets[index + 1]!;
    this.reserve(df + addTo - addFrom);
    const appends = addFrom === addTo || df === 0 || added.docs[addFrom]! > oldDocs[df - 1]!;
    if (this.appendPath && appends) {
      this.path = 'append';
      this.append(term, oldDocs, oldCounts, removals, added, addFrom, addTo);
    } else {
      this.path = 'general';
      this.merge(term, oldDocs, oldCounts, removals, added, addFrom, addTo);
    }
  }

  /**
   * The docs and tf blobs of the merged list. They may be views over reused memory: bind them before the
   * next run.
   */
  blobs(): [docs: Buffer, tf: Buffer] {
    if (this.path === 'general') return encodePosting(this.docs, this.title, this.body, this.length);
    return [
      Buffer.from(this.docs.buffer, 0, 4 * this.length),
      Buffer.from(this.countBytes, 0, 2 * this.width * this.length),
    ];
  }

  // Every added doc follows the stored ones: the kept runs between removed docs are copied whole, then the
  // additions appended, in the narrowest count width as the general path would choose.
  private append(
    term: string,
    oldDocs: Int32Array,
    oldCounts: CountArray,
    removals: Int32Array,
    added: AddedPostings,
    addFrom: number,
    addTo: number,
  ): void {
    const removed = locateRemovals(term, oldDocs, removals);
    const kept = oldDocs.length - removed.length;
    this.length = kept + addTo - addFrom;

    copyKept(this.docs, oldDocs, removed, 1);
    let addedMax = 0;
    for (let a = addFrom; a < addTo; a++) {
      const j = a - addFrom;
      this.docs[kept + j] = added.docs[a]!;
      const packed = added.counts[a]!;
      let title = packed >>> 8;
      let body = packed & 0xff;
      if (packed === PACKED_OVERFLOW) [title, body] = added.overflow.get(a)!;
      this.title[j] = title;
      this.body[j] = body;
      if (title > addedMax) addedMax = title;
      if (body > addedMax) addedMax = body;
    }

    const Type = countArrayType(Math.max(keptWidthBound(oldCounts, removed), addedMax));
    this.width = Type.BYTES_PER_ELEMENT;
    // The stored counts are copied whole before the gaps close, so the view holds the longer of both lists.
    const values = 2 * Math.max(oldDocs.length, this.length);
    if (this.countBytes.byteLength < this.width * values) {
      this.countBytes = new ArrayBuffer(Math.max(this.width * values, 2 * this.countBytes.byteLength));
    }
    const counts = new Type(this.countBytes, 0, values);
    copyKept(counts, oldCounts, removed, 2);
    for (let j = 0; j < addTo - addFrom; j++) {
      counts[2 * (kept + j)] = this.title[j]!;
      counts[2 * (kept + j) + 1] = this.body[j]!;
    }
  }

  // Walks the stored list and the additions together, one posting at a time.
  private merge(
    term: string,
    oldDocs: Int32Array,
    oldCounts: CountArray,
    removals: Int32Array,
    added: AddedPostings,
    addFrom: number,
    addTo: number,
  ): void {
    const df = oldDocs.length;
    let a = addFrom;
    this.length = 0;
    let r = 0;
    for (let i = 0; i < df; i++) {
      const doc = oldDocs[i]!;
      if (r < removals.length && removals[r]! <= doc) {
        if (removals[r] !== doc) break;
        r++;
        continue;
      }
      while (a < addTo && added.docs[a]! < doc) this.pushAdded(added, a++);
      if (a < addTo && added.docs[a] === doc) {
        throw new AppError(
          'INDEX_CORRUPT',
          `The keyword index cannot add doc ${doc}: term "${term}" already lists it.`,
        );
      }
      this.push(doc, oldCounts[2 * i]!, oldCounts[2 * i + 1]!);
    }
    if (r < removals.length) throw notListed(term, removals[r]!);
    while (a < addTo) this.pushAdded(added, a++);
  }

  private pushAdded(added: AddedPostings, at: number): void {
    const packed = added.counts[at]!;
    if (packed === PACKED_OVERFLOW) {
      const [title, body] = added.overflow.get(at)!;
      this.push(added.docs[at]!, title, body);
    } else {
      this.push(added.docs[at]!, packed >>> 8, packed & 0xff);
    }
  }

  private push(doc: number, title: number, body: number): void {
    this.docs[this.length] = doc;
    this.title[this.length] = title;
    this.body[this.length] = body;
    this.length++;
  }

  private reserve(capacity: number): void {
    if (capacity <= this.docs.length) return;
    const size = Math.max(capacity, this.docs.length * 2);
    this.docs = new Int32Array(size);
    this.title = new Uint32Array(size);
    this.body = new Uint32Array(size);
  }
}

function notListed(term: string, doc: number): AppError {
  return new AppError(
    'INDEX_CORRUPT',
    `The keyword index cannot remove doc ${doc} from term "${term}": the term does not list it.`,
  );
}

// Copies `source` whole to `target` (converting each value if their widths differ), then closes the gaps of the
// removed docs (`stride` values each) in place: copyWithin moves a run without making a view of it.
function copyKept(
  target: Int32Array | CountArray,
  source: Int32Array | CountArray,
  removed: Int32Array,
  stride: number,
): void {
  target.set(source);
  let out = removed.length > 0 ? stride * removed[0]! : source.length;
  for (let r = 0; r < removed.length; r++) {
    const from = stride * (removed[r]! + 1);
    const to = r + 1 < removed.length ? stride * removed[r + 1]! : source.length;
    target.copyWithin(out, from, to);
    out += to - from;
  }
}

// Positions of the removed docs in the stored list. Removals ascend, so each is searched for past the previous
// one: galloping to bracket it, then binary search. The first removal not listed is reported, as the general
// path does.
function locateRemovals(term: string, docs: Int32Array, removals: Int32Array): Int32Array {
  const positions = new Int32Array(removals.length);
  let low = 0;
  for (let r = 0; r < removals.length; r++) {
    const doc = removals[r]!;
    let high = low;
    for (let step = 1; high < docs.length && docs[high]! < doc; step *= 2) {
      low = high + 1;
      high += step;
    }
    high = Math.min(high, docs.length);
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (docs[mid]! < doc) low = mid + 1;
      else high = mid;
    }
    if (low === docs.length || docs[low] !== doc) throw notListed(term, doc);
    positions[r] = low++;
  }
  return positions;
}

// A count needing the same width as the largest count kept after removing the docs at `removed`. A stored list
// is in the narrowest width for its largest count, so unless a removed doc held a count beyond the next narrower
// width, some kept doc still needs the stored width, and the kept counts are not read.
function keptWidthBound(counts: CountArray, removed: Int32Array): number {
  if (counts.BYTES_PER_ELEMENT === 1) return 0;
  const narrower = counts.BYTES_PER_ELEMENT === 4 ? 0xffff : 0xff;
  if (!removed.some((at) => counts[2 * at]! > narrower || counts[2 * at + 1]! > narrower)) return narrower + 1;
  let max = 0;
  let r = 0;
  for (let i = 0; i < counts.length >> 1; i++) {
    if (r < removed.length && removed[r] === i) {
      r++;
      continue;
    }
    max = Math.max(max, counts[2 * i]!, counts[2 * i + 1]!);
  }
  return max;
}
