// Document frequencies of analyzer terms over a library, for weighting words by how rare they
// are (IDF): over a list of texts, or an index's keyword postings.
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

const ofIndex = new WeakMap<IndexReader, TermStatistics>();

/**
 * Term statistics of the papers (title and abstract) in an index: the keyword postings' own
 * document frequencies, remembered per term and per reader, and their mean length, so nothing is
 * counted at first use.
 */
export function statisticsOfIndex(reader: IndexReader): TermStatistics {
  let statistics = ofIndex.get(reader);
  if (!statistics) {
    const known = new Map<string, number>();
    const averageLength = reader.postings.averageLength();
    statistics = {
      documents: reader.manifest.papers,
      ...(averageLength > 0 ? { averageLength } : {}),
      documentFrequency(term) {
        let df = known.get(term);
        if (df === undefined) {
          df = reader.postings.documentFrequency(term);
          known.set(term, df);
        }
        return df;
      },
    };
    ofIndex.set(reader, statistics);
  }
  return statistics;
}
