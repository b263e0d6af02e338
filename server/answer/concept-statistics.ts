// Document frequencies of concept forms (words with plural, possessive and regular verb endings
// removed, never stemmed) over a library, so a question's key concepts weigh by how rare the word
// itself is: "transformer" stays rare in a library that only says "transformational". Computed once
// per index generation and cached with the reader.
import type { IndexReader } from '../../indexer/index.ts';
import { statisticsOfIndex, statisticsOfTexts, type TermStatistics } from '../verify/term-statistics.ts';
import { conceptForms } from './question-concepts.ts';

/** Concept-form statistics of a list of texts (one document each). */
export function conceptStatisticsOfTexts(texts: Iterable<string>): TermStatistics {
  return statisticsOfTexts(texts, conceptForms);
}

/** Concept-form statistics of the papers (title and abstract) in an index; computed on first use per reader. */
export function conceptStatisticsOfIndex(reader: IndexReader): TermStatistics {
  return statisticsOfIndex(reader, conceptForms);
}
