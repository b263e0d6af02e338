// The term side of the latent semantic model: which analyzer terms it knows (pruned by document
// frequency), their smoothed idf, their global weight (log-entropy), and the weights of a text over
// that vocabulary.

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
  /** Smoothed idf per term: ln((1 + N) / (1 + df)) + 1 (how much of a text's weight a term is, for coverage). */
  idf: Float32Array;
  /** The global weight a term's local tf weight is multiplied by in the model (entropyWeights; idf in older models). */
  weight: Float32Array;
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

/** A vocabulary from stored terms, idf and global weights (each the same length; the weight defaults to idf). */
export function vocabularyFrom(terms: readonly string[], idf: Float32Array, weight: Float32Array = idf): Vocabulary {
  const index = new Map(terms.map((term, i) => [term, i]));
  return { terms, index, idf, weight };
}

/**
 * The log-entropy global weight of each vocabulary term (Dumais 1991): 1 + Σ_d p·ln p / ln N, where
 * p = the term's count in document d / its count in all N documents. A term concentrated in few
 * documents weighs near 1; one spread evenly over many weighs near 0, however often it occurs. Unlike
 * idf it also sees how a term's occurrences are spread, not only how many documents hold it. With
 * fewer than two documents every weight is 1.
 */
export function entropyWeights(documents: readonly (readonly string[])[], vocabulary: Vocabulary): Float32Array {
  const size = vocabulary.terms.length;
  const weights = new Float32Array(size).fill(1);
  if (documents.length < 2) return weights;
  const perDocument = documents.map((document) => {
    const counts = new Map<number, number>();
    for (const term of document) {
      const row = vocabulary.index.get(term);
      if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    return counts;
  });
  const total = new Float64Array(size);
  for (const counts of perDocument) for (const [row, count] of counts) total[row]! += count;
  const entropy = new Float64Array(size);
  for (const counts of perDocument) {
    for (const [row, count] of counts) {
      const p = count / total[row]!;
      entropy[row]! += p * Math.log(p);
    }
  }
  const logDocuments = Math.log(documents.length);
  for (let row = 0; row < size; row++) weights[row] = Math.max(0, 1 + entropy[row]! / logDocuments);
  return weights;
}

/** Local × global weight of a text's terms; unknown terms are ignored. Sublinear tf is 1 + ln(tf). */
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
    values.push(termFrequencyWeight(count, sublinearTf) * vocabulary.weight[row]!);
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
