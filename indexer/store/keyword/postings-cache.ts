// Keeps decoded long posting lists between queries within a byte budget, least recently used first out:
// the lists of common terms are most of what a query reads.
import type { Posting } from './postings-codec.ts';

/** Lists shorter than this are read again each time (cheap to read, and there are many of them). */
export const CACHE_MIN_DOCS = 1024;

/** An LRU cache of posting lists by term, in front of a function that reads one list. */
export class PostingCache {
  private readonly lists = new Map<string, Posting>();
  private bytes = 0;

  /** `budgetBytes` bounds the decoded docs and counts kept (0 keeps nothing); `read` returns null for an unknown term. */
  constructor(
    private readonly budgetBytes: number,
    private readonly read: (term: string) => Posting | null,
  ) {}

  /** The term's list, from the cache or read (and then kept if it is long enough and fits). */
  get(term: string): Posting | null {
    const cached = this.lists.get(term);
    if (cached) {
      // A Map iterates in insertion order: re-inserting keeps the least recently used first.
      this.lists.delete(term);
      this.lists.set(term, cached);
      return cached;
    }
    const posting = this.read(term);
    if (posting && posting.df >= CACHE_MIN_DOCS) {
      const bytes = sizeOf(posting);
      if (bytes <= this.budgetBytes) {
        this.lists.set(term, posting);
        this.bytes += bytes;
        for (const [oldest, evicted] of this.lists) {
          if (this.bytes <= this.budgetBytes) break;
          this.lists.delete(oldest);
          this.bytes -= sizeOf(evicted);
        }
      }
    }
    return posting;
  }

  /** The lists held and their bytes (for diagnostics). */
  usage(): { lists: number; bytes: number } {
    return { lists: this.lists.size, bytes: this.bytes };
  }
}

const sizeOf = (posting: Posting) => posting.docs.byteLength + posting.counts.byteLength;
