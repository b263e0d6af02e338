// Document frequencies of analyzer terms over a library, for weighting words by how rare they
// are (IDF). Computed once per index generation and cached with the reader.
import type { IndexReader } from '../../indexer/index.ts';
import { terms } from '../../indexer/text/analyze.ts';

/** How many documents a library has and in how many of them each term occurs. */
export type TermStatistics = {
  documents: number;
  documentFrequency(term: string): number;
  /** Mean number of counted terms per document (BM25's length normalization); absent, lengths are not normalized. */
  averageLength?: number;
};

/** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1; an unseen term weighs the most. */
export function inverseDocumentFrequency(statistics: TermStatistics, term: string): number {
  return Math.log((1 + statistics.documents) / (1 + statistics.documentFrequency(term))) + 1;
}

/** The distinct terms of a text that statistics count; the analyzer's terms unless given. */
export type DistinctTerms = (text: string) => ReadonlySet<string>;

const analyzerTerms: DistinctTerms = (text) => new Set(terms(text));

/** Term statistics of a list of texts (one document each). */
export function statisticsOfTexts(
  texts: Iterable<string>,
  distinctTerms: DistinctTerms = analyzerTerms,
): TermStatistics {
  const frequency = new Map<string, number>();
  let documents = 0;
  let length = 0;
  for (const text of texts) {
    documents++;
    const list = terms(text);
    length += list.length;
    const distinct = distinctTerms === analyzerTerms ? new Set(list) : distinctTerms(text);
    for (const term of distinct) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return {
    documents,
    documentFrequency: (term) => frequency.get(term) ?? 0,
    ...(documents > 0 ? { averageLength: length / documents } : {}),
  };
}

/** One cache per way of counting terms (a module-level function), each keyed by index generation. */
const caches = new WeakMap<DistinctTerms, WeakMap<IndexReader, TermStatistics>>();

/** Term statistics of the papers (title and abstract) in an index; computed on first use per reader. */
export function statisticsOfIndex(reader: IndexReader, distinctTerms: DistinctTerms = analyzerTerms): TermStatistics {
  let cache = caches.get(distinctTerms);
  if (!cache) {
    cache = new WeakMap();
    caches.set(distinctTerms, cache);
  }
  let statistics = cache.get(reader);
  if (!statistics) {
    statistics = statisticsOfTexts(
      (function* () {
        for (const { paper } of reader.papers.all()) yield `${paper.title}\n${paper.abstract}`;
      })(),
      distinctTerms,
    );
    cache.set(reader, statistics);
  }
  return statistics;
}
