// Subword knowledge for the latent semantic model: a word it was not fitted on ("empathetic", a new
// variant, a typo) borrows the rows of the fitted words it shares character trigrams with ("empathi").

/** Settings of the trigram match (measured on the tests' words and on the tuning collections' queries). */
export const SUBWORD_DEFAULTS = {
  /** Shortest term looked up by its pieces: shorter ones share trigrams with too many words by chance. */
  minTermChars: 4,
  /** Least Jaccard similarity of two terms' trigram sets for one to stand in for the other. */
  minSimilarity: 0.4,
  /** Most fitted words one unknown word borrows from. */
  maxNeighbours: 3,
  /** Unknown words remembered with their neighbours before the memory is cleared. */
  maxCachedTerms: 10_000,
} satisfies Record<string, number>;

/** A fitted word standing in for an unknown one: its row and how alike the two are (0–1]. */
export type SubwordNeighbour = { row: number; similarity: number };

/** The character trigrams of a term with its boundaries marked: "<em", "emp", …, "hy>". */
export function trigramsOf(term: string): Set<string> {
  const marked = `<${term}>`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= marked.length; i++) grams.add(marked.slice(i, i + 3));
  return grams;
}

/**
 * Fitted words by their trigrams, built on the first unknown word (a model whose queries use only
 * known words never pays for it). Lookups are cached: a library's queries repeat their words.
 */
export class SubwordIndex {
  private postings: Map<string, number[]> | undefined;
  private sizes: Uint16Array | undefined;
  private readonly cache = new Map<string, SubwordNeighbour[]>();

  constructor(
    private readonly terms: readonly string[],
    private readonly options: typeof SUBWORD_DEFAULTS = SUBWORD_DEFAULTS,
  ) {}

  private build(): { postings: Map<string, number[]>; sizes: Uint16Array } {
    if (this.postings && this.sizes) return { postings: this.postings, sizes: this.sizes };
    const postings = new Map<string, number[]>();
    const sizes = new Uint16Array(this.terms.length);
    this.terms.forEach((term, row) => {
      const grams = trigramsOf(term);
      sizes[row] = Math.min(65_535, grams.size);
      for (const gram of grams) {
        const list = postings.get(gram);
        if (list) list.push(row);
        else postings.set(gram, [row]);
      }
    });
    this.postings = postings;
    this.sizes = sizes;
    return { postings, sizes };
  }

  /** The fitted words most alike an unknown term by trigrams, most alike first (none for short terms). */
  neighbours(term: string): SubwordNeighbour[] {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const found = this.lookUp(term);
    if (this.cache.size >= this.options.maxCachedTerms) this.cache.clear();
    this.cache.set(term, found);
    return found;
  }

  private lookUp(term: string): SubwordNeighbour[] {
    if (term.length < this.options.minTermChars || this.terms.length === 0) return [];
    const { postings, sizes } = this.build();
    const grams = trigramsOf(term);
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const row of postings.get(gram) ?? []) shared.set(row, (shared.get(row) ?? 0) + 1);
    }
    const found: SubwordNeighbour[] = [];
    for (const [row, count] of shared) {
      const similarity = count / (grams.size + sizes[row]! - count);
      if (similarity >= this.options.minSimilarity) found.push({ row, similarity });
    }
    found.sort((a, b) => b.similarity - a.similarity || a.row - b.row);
    return found.slice(0, this.options.maxNeighbours);
  }
}
