// The term side of the latent semantic model: which analyzer terms it knows (pruned by document
// frequency), their smoothed idf, and the TF-IDF weights of a text over that vocabulary.

export type VocabularyOptions = {
  /** Terms in fewer documents than this carry no co-occurrence signal and are dropped. */
  minDocumentFrequency: number;
  /** Terms in more than this fraction of documents are dropped as near stop words. */
  maxDocumentFraction: number;
  /** At most this many terms are kept, the most frequent first. */
  maxTerms: number;
};

export type Vocabulary = {
  terms: readonly string[];
  /** Term → its row in the model. */
  index: ReadonlyMap<string, number>;
  /** Smoothed idf per term: ln((1 + N) / (1 + df)) + 1. */
  idf: Float32Array;
};

/** Sparse weights of one text: parallel lists of vocabulary rows and TF-IDF values. */
export type TermWeights = { columns: number[]; values: number[] };

/** Chooses the vocabulary from analyzed documents (each a list of terms) and computes idf. */
export function buildVocabulary(documents: readonly (readonly string[])[], options: VocabularyOptions): Vocabulary {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of new Set(document)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const maxFrequency = Math.max(1, Math.floor(options.maxDocumentFraction * documents.length));
  let kept = [...documentFrequency].filter(([, df]) => df >= options.minDocumentFrequency && df <= maxFrequency);
  // A tiny corpus can have no term in two documents; keeping every term still gives a usable model.
  if (kept.length === 0) kept = [...documentFrequency];
  kept.sort(([termA, dfA], [termB, dfB]) => dfB - dfA || (termA < termB ? -1 : termA > termB ? 1 : 0));
  kept = kept.slice(0, options.maxTerms);

  const idf = new Float32Array(kept.length);
  kept.forEach(([, df], i) => {
    idf[i] = Math.log((1 + documents.length) / (1 + df)) + 1;
  });
  return vocabularyFrom(
    kept.map(([term]) => term),
    idf,
  );
}

/** A vocabulary from stored terms and idf (which must be the same length). */
export function vocabularyFrom(terms: readonly string[], idf: Float32Array): Vocabulary {
  const index = new Map(terms.map((term, i) => [term, i]));
  return { terms, index, idf };
}

/** TF-IDF of a text's terms; unknown terms are ignored. Sublinear tf is 1 + ln(tf). */
export function termWeights(textTerms: readonly string[], vocabulary: Vocabulary, sublinearTf: boolean): TermWeights {
  const counts = new Map<number, number>();
  for (const term of textTerms) {
    const row = vocabulary.index.get(term);
    if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + 1);
  }
  const columns: number[] = [];
  const values: number[] = [];
  for (const [row, count] of counts) {
    columns.push(row);
    values.push(termFrequencyWeight(count, sublinearTf) * vocabulary.idf[row]!);
  }
  return { columns, values };
}

/** How much `count` repetitions of a term in one text weigh before idf. */
export function termFrequencyWeight(count: number, sublinearTf: boolean): number {
  return sublinearTf ? 1 + Math.log(count) : count;
}

/** Scales weights to unit Euclidean length in place (no-op for an empty text). */
export function normalizeWeights(weights: TermWeights): TermWeights {
  let sum = 0;
  for (const value of weights.values) sum += value * value;
  if (sum > 0) {
    const scale = 1 / Math.sqrt(sum);
    for (let i = 0; i < weights.values.length; i++) weights.values[i] = weights.values[i]! * scale;
  }
  return weights;
}
