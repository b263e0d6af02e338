// Document frequencies of concept forms (words with plural, possessive and regular verb endings
// removed, never stemmed) over a library, so a question's key concepts weigh by how rare the word
// itself is: "transformer" stays rare in a library that only says "transformational". Computed once
// per index generation and cached with the reader.
import type { IndexReader } from '../../indexer/index.ts';
import type { TermStatistics } from '../verify/term-statistics.ts';
import { conceptForms } from './question-concepts.ts';

/** Concept-form statistics of a list of texts (one document each). */
export function conceptStatisticsOfTexts(texts: Iterable<string>): TermStatistics {
  const frequency = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    for (const form of conceptForms(text)) frequency.set(form, (frequency.get(form) ?? 0) + 1);
  }
  return { documents, documentFrequency: (form) => frequency.get(form) ?? 0 };
}

const cache = new WeakMap<IndexReader, TermStatistics>();

/** Concept-form statistics of the papers (title and abstract) in an index; computed on first use per reader. */
export function conceptStatisticsOfIndex(reader: IndexReader): TermStatistics {
  let statistics = cache.get(reader);
  if (!statistics) {
    statistics = conceptStatisticsOfTexts(
      (function* () {
        for (const { paper } of reader.papers.all()) yield `${paper.title}\n${paper.abstract}`;
      })(),
    );
    cache.set(reader, statistics);
  }
  return statistics;
}
