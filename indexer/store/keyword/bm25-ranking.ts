// BM25 term at a time over decoded posting lists, exactly as FTS5's bm25() scores an OR query: partial
// scores with pruning of docs that cannot reach the top k, then exact scores of the survivors.
import type { KeywordHit } from './postings.repo.ts';
import type { Posting } from './postings-codec.ts';
import { kthLargest, topK } from './top-k.ts';

// FTS5's constants; k1 + 1 is computed as FTS5 computes it so scores agree to the last bit.
const K1 = 1.2;
const B = 0.75;
const K1_PLUS_ONE = K1 + 1.0;
const MIN_IDF = 1e-6;
// Relative allowance for rounding when partial scores, summed in another order, are compared with bounds.
const SLACK = 1e-9;

/** A distinct query term: its list, idf, and how many times the query asks for it. */
export type QueryTerm = { posting: Posting; idf: number; weight: number };

/** A query: its non-empty phrases in query order, each distinct one's term (null if not in the index), and those found. */
export type Bm25Query = {
  phrases: readonly string[];
  byTerm: ReadonlyMap<string, QueryTerm | null>;
  terms: readonly QueryTerm[];
};

/** The per-doc arrays a query works in, sized by the highest doc number. */
type Workspace = { norms: Float64Array; scores: Float64Array; seen: Uint8Array; mask: Uint8Array };

/** One term's pass over the per-doc arrays: partial scores and the list of docs touched so far. */
type Accumulation = Workspace & { touched: Int32Array; useMask: boolean; titleWeight: number };

/** FTS5's idf for a term in `df` of `n` docs, with `logarithm` as the natural log (see sqliteLogarithm). */
export function bm25Idf(n: number, df: number, logarithm: (x: number) => number): number {
  const idf = logarithm((n - df + 0.5) / (df + 0.5));
  return idf <= 0 ? MIN_IDF : idf;
}

/** Groups non-empty phrases by term, looking each distinct term up once: a term asked twice weighs twice. */
export function weighQuery(
  phrases: readonly string[],
  find: (term: string) => Posting | null,
  idf: (df: number) => number,
): Bm25Query {
  const byTerm = new Map<string, QueryTerm | null>();
  for (const term of phrases) {
    const known = byTerm.get(term);
    if (known) known.weight++;
    else if (known === undefined) {
      const posting = find(term);
      byTerm.set(term, posting && { posting, idf: idf(posting.df), weight: 1 });
    }
  }
  const terms = [...byTerm.values()].filter((term) => term !== null);
  return { phrases, byTerm, terms };
}

/**
 * Ranks queries against fixed doc lengths. Terms are read rarest first into reused per-doc arrays; once the
 * k-th best partial score is out of reach of everything the remaining terms could add, no new doc is admitted,
 * and the surviving candidates are scored exactly in query order (as FTS5 sums them).
 */
export class Bm25Ranker {
  private readonly space: Workspace;
  private touched = new Int32Array(1024);
  private candidates = new Int32Array(1024);

  /** `docs[i]` has `lengths[i]` tokens; `averageLength` is the mean over every doc. */
  constructor(docs: readonly number[], lengths: readonly number[], averageLength: number) {
    const maxDoc = docs.reduce((max, doc) => Math.max(max, doc), 0);
    // k1·(1 − b + b·D/avgdl) per doc, in FTS5's order of operations.
    const norms = new Float64Array(maxDoc + 1);
    for (let i = 0; i < docs.length; i++) norms[docs[i]!] = K1 * (1 - B + (B * lengths[i]!) / averageLength);
    this.space = {
      norms,
      scores: new Float64Array(maxDoc + 1),
      seen: new Uint8Array(maxDoc + 1),
      mask: new Uint8Array(maxDoc + 1),
    };
  }

  /** The top `limit` (≥ 1) docs, among `allowedDocs` if given, for a query with at least one term found. */
  rank(
    { phrases, byTerm, terms: found }: Bm25Query,
    limit: number,
    { titleWeight, allowedDocs }: { titleWeight: number; allowedDocs?: readonly number[] | undefined },
  ): KeywordHit[] {
    // Each asked occurrence adds less than idf·(k1 + 1) to a doc's score; the rarest terms can add most.
    const bound = (term: QueryTerm) => term.idf * term.weight * K1_PLUS_ONE;
    const terms = [...found].sort((a, b) => bound(b) - bound(a));
    const after = new Float64Array(terms.length);
    for (let j = terms.length - 2; j >= 0; j--) after[j] = after[j + 1]! + bound(terms[j + 1]!);

    const space = this.space;
    const maxDoc = space.norms.length - 1;
    if (allowedDocs) for (const doc of allowedDocs) if (doc >= 1 && doc <= maxDoc) space.mask[doc] = 1;
    const run: Accumulation = { ...space, touched: this.touched, useMask: allowedDocs !== undefined, titleWeight };
    let count = 0;
    try {
      // Partial scores, term at a time, until docs not yet seen can no longer reach the top `limit`.
      let read = 0;
      let unread = terms.reduce((sum, term) => sum + term.posting.df, 0);
      let candidates = -1;
      for (let j = 0; j < terms.length; j++) {
        const { posting, idf, weight } = terms[j]!;
        if (this.touched.length < count + posting.df) this.growTouched(count + posting.df);
        run.touched = this.touched;
        count = accumulate(run, posting, idf * weight, count);
        read += bound(terms[j]!);
        unread -= posting.df;
        const rest = after[j]! * (1 + SLACK);
        // The k-th best partial score is at most the bound of the terms read; below `rest` it cannot win.
        if (j === terms.length - 1 || count < limit || read <= rest) continue;
        const kth = kthLargest(space.scores, this.touched, count, limit) * (1 - SLACK);
        if (rest >= kth) continue;
        // Docs below kth − rest cannot reach the k-th score even with every remaining term.
        const kept = this.collectCandidates(count, kth - rest);
        // Scoring the candidates exactly looks each one up in every list; reading the next list is often cheaper.
        if (kept * terms.length * 3 < unread) {
          candidates = kept;
          break;
        }
      }
      if (candidates < 0) {
        const cutoff = count > limit ? kthLargest(space.scores, this.touched, count, limit) * (1 - SLACK) : 0;
        candidates = this.collectCandidates(count, cutoff);
      }
      const chosen = this.candidates.subarray(0, candidates).sort();
      exactScores(chosen, phrases, byTerm, space, titleWeight);
      return topK(space.scores, chosen, candidates, limit);
    } finally {
      for (let i = 0; i < count; i++) space.seen[this.touched[i]!] = 0;
      if (allowedDocs) for (const doc of allowedDocs) if (doc >= 1 && doc <= maxDoc) space.mask[doc] = 0;
    }
  }

  /** Copies the touched docs whose partial score is at least `cutoff` to `this.candidates`; returns how many. */
  private collectCandidates(count: number, cutoff: number): number {
    if (this.candidates.length < count) this.candidates = new Int32Array(Math.max(count, this.candidates.length * 2));
    const { scores } = this.space;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const doc = this.touched[i]!;
      if (scores[doc]! >= cutoff) this.candidates[kept++] = doc;
    }
    return kept;
  }

  private growTouched(capacity: number): void {
    const bigger = new Int32Array(Math.max(capacity, this.touched.length * 2));
    bigger.set(this.touched);
    this.touched = bigger;
  }
}

/** FTS5's phrase frequency: the column weight added once per instance, title instances first. */
function frequency(titleWeight: number, title: number, body: number): number {
  // For a whole weight the product equals that sum exactly.
  if (Number.isInteger(titleWeight)) return titleWeight * title + body;
  let f = 0;
  for (let i = 0; i < title; i++) f += titleWeight;
  for (let i = 0; i < body; i++) f += 1.0;
  return f;
}

function accumulate(run: Accumulation, { docs, counts }: Posting, idf: number, count: number): number {
  return counts instanceof Uint8Array
    ? accumulateBytes(run, docs, counts, idf, count)
    : accumulateWide(run, docs, counts, idf, count);
}

// Two copies of one loop, so each sees a single array type (almost every list has one-byte counts).
function accumulateBytes(run: Accumulation, docs: Int32Array, counts: Uint8Array, idf: number, start: number) {
  const { norms, scores, seen, mask, touched, useMask, titleWeight } = run;
  let count = start;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (useMask && mask[doc] === 0) continue;
    const f = frequency(titleWeight, counts[2 * i]!, counts[2 * i + 1]!);
    const score = idf * ((f * K1_PLUS_ONE) / (f + norms[doc]!));
    if (seen[doc] === 0) {
      seen[doc] = 1;
      touched[count++] = doc;
      scores[doc] = score;
    } else {
      scores[doc]! += score;
    }
  }
  return count;
}

function accumulateWide(
  run: Accumulation,
  docs: Int32Array,
  counts: Uint16Array | Uint32Array,
  idf: number,
  start: number,
) {
  const { norms, scores, seen, mask, touched, useMask, titleWeight } = run;
  let count = start;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (useMask && mask[doc] === 0) continue;
    const f = frequency(titleWeight, counts[2 * i]!, counts[2 * i + 1]!);
    const score = idf * ((f * K1_PLUS_ONE) / (f + norms[doc]!));
    if (seen[doc] === 0) {
      seen[doc] = 1;
      touched[count++] = doc;
      scores[doc] = score;
    } else {
      scores[doc]! += score;
    }
  }
  return count;
}

/**
 * Writes each candidate's exact score to `scores`: FTS5's expression per phrase, summed in query order.
 * Candidates are ascending, so each term's list is searched forward from the previous find (galloping).
 */
function exactScores(
  candidates: Int32Array,
  phrases: readonly string[],
  byTerm: ReadonlyMap<string, QueryTerm | null>,
  { norms, scores }: Workspace,
  titleWeight: number,
): void {
  const parts = new Map<QueryTerm, Float64Array>();
  for (const term of byTerm.values()) {
    if (!term) continue;
    const { docs, counts } = term.posting;
    const part = new Float64Array(candidates.length);
    let at = 0;
    for (let c = 0; c < candidates.length; c++) {
      const doc = candidates[c]!;
      let low = at;
      let high = at;
      for (let step = 1; high < docs.length && docs[high]! < doc; step *= 2) {
        low = high + 1;
        high = low + step;
      }
      high = Math.min(high, docs.length);
      while (low < high) {
        const middle = (low + high) >> 1;
        if (docs[middle]! < doc) low = middle + 1;
        else high = middle;
      }
      at = low;
      if (at === docs.length || docs[at] !== doc) continue;
      const f = frequency(titleWeight, counts[2 * at]!, counts[2 * at + 1]!);
      part[c] = term.idf * ((f * K1_PLUS_ONE) / (f + norms[doc]!));
    }
    parts.set(term, part);
  }
  const sums = new Float64Array(candidates.length);
  for (const phrase of phrases) {
    const part = parts.get(byTerm.get(phrase)!);
    if (part) for (let c = 0; c < candidates.length; c++) sums[c]! += part[c]!;
  }
  for (let c = 0; c < candidates.length; c++) scores[candidates[c]!] = sums[c]!;
}
