// Merges one term's stored posting list with its pending removals and additions into the new list,
// checking that every removed doc was listed and no added doc already is.
import { AppError } from '../../core/errors.ts';
import { type AddedPostings, PACKED_OVERFLOW } from './pending-postings.ts';
import { decodeCounts, decodeDocs, encodePosting, type PostingRow } from './postings-codec.ts';

const NO_DOCS = new Int32Array(0);
const NO_COUNTS = new Uint8Array(0);

/** Merges one term's list at a time into reused output arrays. */
export class PostingMerge {
  /** Docs in the merged list (0: the term's row is to be deleted). */
  length = 0;
  private docs = new Int32Array(1024);
  private title = new Uint32Array(1024);
  private body = new Uint32Array(1024);

  /** Merges for `term`, whose additions are at `index` of `added` (`stored` is its row, if any). */
  run(term: string, stored: PostingRow | undefined, removals: Int32Array, added: AddedPostings, index: number): void {
    const df = stored?.[0] ?? 0;
    const oldCounts = stored ? decodeCounts(stored[2], df, term) : NO_COUNTS;
    const oldDocs = stored ? decodeDocs(stored[1], df, term) : NO_DOCS;
    const addTo = added.offsets[index + 1]!;
    let a = added.offsets[index]!;
    this.reserve(df + addTo - a);
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
    if (r < removals.length) {
      throw new AppError(
        'INDEX_CORRUPT',
        `The keyword index cannot remove doc ${removals[r]} from term "${term}": the term does not list it.`,
      );
    }
    while (a < addTo) this.pushAdded(added, a++);
  }

  /** The docs and tf blobs of the merged list (docs is a view over reused memory: bind it before the next run). */
  blobs(): [docs: Buffer, tf: Buffer] {
    return encodePosting(this.docs, this.title, this.body, this.length);
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
