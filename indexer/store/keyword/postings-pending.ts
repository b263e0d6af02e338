// The keyword index's changes since the last flush: papers added and removed, counted per term in compact
// typed arrays, and handed out term by term (in name order) with their docs ascending for the merge.
import { AppError } from '../../../core/errors.ts';

/** Marks packed counts of a pair too large to pack (title·256 + body needs both below 255); see `overflow`. */
export const PACKED_OVERFLOW = 0xffff;

/**
 * New postings of a range of terms (by rank): rank `from + i` has postings [offsets[i], offsets[i + 1]),
 * docs ascending, counts packed title·256 + body unless PACKED_OVERFLOW, whose pair is in `overflow`.
 */
export type AddedPostings = {
  offsets: Int32Array;
  docs: Int32Array;
  counts: Uint16Array;
  overflow: Map<number, [number, number]>;
};

/** Called once per changed term: its removed docs (ascending) and its additions at `index` of `added`. */
export type VisitChange = (term: string, removals: Int32Array, added: AddedPostings, index: number) => void;

/** A growable typed array (a plain array of numbers would cost 2–4 times the memory). */
class Growable<T extends Int32Array | Uint16Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (capacity: number) => T,
  ) {}

  /** Makes room for `extra` more values and returns the (possibly new) array. */
  reserve(extra: number): T {
    if (this.length + extra > this.data.length) {
      const bigger = this.make(Math.max(1024, Math.ceil((this.length + extra) * 1.5)));
      bigger.set(this.data);
      this.data = bigger;
    }
    return this.data;
  }

  push(value: number): void {
    this.reserve(1)[this.length++] = value;
  }
}

const int32s = () => new Growable(new Int32Array(1024), (n) => new Int32Array(n));
const uint16s = () => new Growable(new Uint16Array(1024), (n) => new Uint16Array(n));

/** Pending additions and removals; postings cost 6 bytes each (term id and packed counts). Use once per flush. */
export class PendingPostings {
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  // Per-term counts of the paper being added or removed, with the terms it touched (never more than the terms known).
  private scratchTitle = new Uint32Array(1024);
  private scratchBody = new Uint32Array(1024);
  private scratchTouched = new Int32Array(1024);
  private touchedCount = 0;
  // Pending additions: postings (term id, packed counts) in call order, and per addition its doc, first posting and length.
  private readonly addTerm = int32s();
  private readonly addCounts = uint16s();
  private readonly overflow = new Map<number, [number, number]>();
  private readonly addDoc = int32s();
  private readonly addStart = int32s();
  private readonly addLength = int32s();
  private readonly liveAdds = new Map<number, number>();
  // Pending removals of stored papers: (term id, doc) pairs and each doc's expected length.
  private readonly removeTerm = int32s();
  private readonly removeDoc = int32s();
  private readonly removedLengths = new Map<number, number>();

  /** Records a paper's terms (in text order, repeats included) for the title and body columns. */
  add(doc: number, titleTerms: readonly string[], bodyTerms: readonly string[]): void {
    if (this.liveAdds.has(doc)) {
      throw new AppError('INTERNAL', `PostingsWriter.add: doc ${doc} was already added since the last flush.`);
    }
    const length = this.countTerms(titleTerms, bodyTerms);
    this.liveAdds.set(doc, this.addDoc.length);
    this.addDoc.push(doc);
    this.addStart.push(this.addTerm.length);
    this.addLength.push(length);
    const touched = this.scratchTouched;
    const terms = this.addTerm.reserve(this.touchedCount);
    const counts = this.addCounts.reserve(this.touchedCount);
    let at = this.addTerm.length;
    for (let i = 0; i < this.touchedCount; i++) {
      const id = touched[i]!;
      const title = this.scratchTitle[id]!;
      const body = this.scratchBody[id]!;
      terms[at] = id;
      if (title < 0xff && body < 0xff) {
        counts[at] = (title << 8) | body;
      } else {
        counts[at] = PACKED_OVERFLOW;
        this.overflow.set(at, [title, body]);
      }
      at++;
      this.scratchTitle[id] = 0;
      this.scratchBody[id] = 0;
    }
    this.addTerm.length = at;
    this.addCounts.length = at;
    this.touchedCount = 0;
  }

  /** Records a paper's removal; an addition since the last flush is dropped instead (with the same length). */
  remove(doc: number, titleTerms: readonly string[], bodyTerms: readonly string[]): void {
    const length = this.countTerms(titleTerms, bodyTerms);
    const touched = this.scratchTouched.subarray(0, this.touchedCount);
    this.touchedCount = 0;
    for (const id of touched) {
      this.scratchTitle[id] = 0;
      this.scratchBody[id] = 0;
    }
    const pending = this.liveAdds.get(doc);
    if (pending !== undefined) {
      // Added since the last flush: the addition is dropped (its postings are skipped).
      if (this.addLength.data[pending] !== length) {
        throw new AppError(
          'INTERNAL',
          `PostingsWriter.remove: doc ${doc} was added with ${this.addLength.data[pending]} terms but removed with ${length}.`,
        );
      }
      this.liveAdds.delete(doc);
    } else {
      if (this.removedLengths.has(doc)) {
        throw new AppError('INTERNAL', `PostingsWriter.remove: doc ${doc} was already removed since the last flush.`);
      }
      this.removedLengths.set(doc, length);
      for (const id of touched) {
        this.removeTerm.push(id);
        this.removeDoc.push(doc);
      }
    }
  }

  /** Removed stored papers with the length each was removed with. */
  removedDocs(): ReadonlyMap<number, number> {
    return this.removedLengths;
  }

  /** Added papers (those not removed again) with their lengths, in the order they were added. */
  *addedDocs(): Generator<[doc: number, length: number]> {
    for (const [doc, add] of this.liveAdds) yield [doc, this.addLength.data[add]!];
  }

  /**
   * Visits every term with pending changes in name order (so rows go into the table's b-tree in key order),
   * grouping the additions of a range of terms in one pass of at most `passPostings` postings.
   */
  forEachChange(passPostings: number, visit: VisitChange): void {
    const names = this.termNames;
    const order = Int32Array.from(names.keys()).sort((a, b) =>
      names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0,
    );
    const rank = new Int32Array(names.length);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    const removals = this.groupRemovals(rank);
    // Live additions in doc order, so each term's new docs come out ascending.
    const adds = Int32Array.from(this.liveAdds.keys())
      .sort()
      .map((doc) => this.liveAdds.get(doc)!);
    const perTerm = new Int32Array(names.length);
    for (const add of adds)
      for (let p = this.addStart.data[add]!; p < this.addEnd(add); p++) perTerm[rank[this.addTerm.data[p]!]!]!++;

    for (let from = 0; from < names.length; ) {
      let to = from;
      let size = 0;
      while (to < names.length && (to === from || size + perTerm[to]! <= passPostings)) size += perTerm[to++]!;
      const added = this.groupAdditions(adds, rank, perTerm, from, to, size);
      for (let r = from; r < to; r++) {
        const removeFrom = removals.offsets[r]!;
        const removeTo = removals.offsets[r + 1]!;
        if (perTerm[r] === 0 && removeFrom === removeTo) continue;
        visit(names[order[r]!]!, removals.docs.subarray(removeFrom, removeTo), added, r - from);
      }
      from = to;
    }
  }

  /** Fills the scratch counts for a paper's terms and returns its length in tokens (empty terms are not tokens). */
  private countTerms(titleTerms: readonly string[], bodyTerms: readonly string[]): number {
    let length = 0;
    for (const term of titleTerms) {
      if (term.length === 0) continue;
      const id = this.intern(term);
      if (this.scratchTitle[id] === 0 && this.scratchBody[id] === 0) this.scratchTouched[this.touchedCount++] = id;
      this.scratchTitle[id]!++;
      length++;
    }
    for (const term of bodyTerms) {
      if (term.length === 0) continue;
      const id = this.intern(term);
      if (this.scratchTitle[id] === 0 && this.scratchBody[id] === 0) this.scratchTouched[this.touchedCount++] = id;
      this.scratchBody[id]!++;
      length++;
    }
    return length;
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      if (id === this.scratchTitle.length) {
        const title = new Uint32Array(id * 2);
        title.set(this.scratchTitle);
        this.scratchTitle = title;
        const body = new Uint32Array(id * 2);
        body.set(this.scratchBody);
        this.scratchBody = body;
        const touched = new Int32Array(id * 2);
        touched.set(this.scratchTouched);
        this.scratchTouched = touched;
      }
    }
    return id;
  }

  private addEnd(add: number): number {
    return add + 1 < this.addStart.length ? this.addStart.data[add + 1]! : this.addTerm.length;
  }

  // Counting sort of the additions' postings for term ranks [from, to); visiting adds in doc order keeps docs ascending.
  private groupAdditions(
    adds: Int32Array,
    rank: Int32Array,
    perTerm: Int32Array,
    from: number,
    to: number,
    size: number,
  ): AddedPostings {
    const offsets = new Int32Array(to - from + 1);
    for (let r = from; r < to; r++) offsets[r - from + 1] = offsets[r - from]! + perTerm[r]!;
    const cursor = offsets.slice(0, to - from);
    const docs = new Int32Array(size);
    const counts = new Uint16Array(size);
    const overflow = new Map<number, [number, number]>();
    const terms = this.addTerm.data;
    const packed = this.addCounts.data;
    for (const add of adds) {
      const doc = this.addDoc.data[add]!;
      const end = this.addEnd(add);
      for (let p = this.addStart.data[add]!; p < end; p++) {
        const r = rank[terms[p]!]!;
        if (r < from || r >= to) continue;
        const at = cursor[r - from]!++;
        docs[at] = doc;
        counts[at] = packed[p]!;
        if (packed[p] === PACKED_OVERFLOW) overflow.set(at, this.overflow.get(p)!);
      }
    }
    return { offsets, docs, counts, overflow };
  }

  private groupRemovals(rank: Int32Array): { offsets: Int32Array; docs: Int32Array } {
    const offsets = new Int32Array(rank.length + 1);
    const terms = this.removeTerm.data;
    const count = this.removeTerm.length;
    for (let i = 0; i < count; i++) offsets[rank[terms[i]!]! + 1]!++;
    for (let r = 0; r < rank.length; r++) offsets[r + 1]! += offsets[r]!;
    const cursor = offsets.slice(0, rank.length);
    const docs = new Int32Array(count);
    for (let i = 0; i < count; i++) docs[cursor[rank[terms[i]!]!]!++] = this.removeDoc.data[i]!;
    for (let r = 0; r < rank.length; r++)
      if (offsets[r + 1]! - offsets[r]! > 1) docs.subarray(offsets[r]!, offsets[r + 1]!).sort();
    return { offsets, docs };
  }
}
