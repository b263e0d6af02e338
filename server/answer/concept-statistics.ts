// Document frequencies of concept forms (words with plural, possessive and regular verb endings
// removed, never stemmed) over a library, so a question's key concepts weigh by how rare the word
// itself is: "transformer" stays rare in a library that only says "transformational". Counted once
// per index generation, a step at a time, and cached with the reader.
import type { IndexReader } from '../../indexer/index.ts';
import { statisticsOfTexts, type TermStatistics } from '../verify/term-statistics.ts';
import { conceptForms } from './question-concepts.ts';

/** Concept-form statistics of a list of texts (one document each). */
export function conceptStatisticsOfTexts(texts: Iterable<string>): TermStatistics {
  return statisticsOfTexts(texts, conceptForms);
}

/** Papers counted per step; between steps other requests get the event loop (about 40 ms of work each). */
export const CONCEPT_STATISTICS_CHUNK = 500;

const ofIndex = new WeakMap<IndexReader, Promise<TermStatistics>>();

/**
 * Concept-form statistics of the papers (title and abstract) in an index, counted once per reader
 * in steps that yield to other work (at 100k papers the count takes seconds): the server starts it
 * when it serves a generation, and a question asked sooner waits for it.
 */
export function conceptStatisticsOfIndex(reader: IndexReader): Promise<TermStatistics> {
  let statistics = ofIndex.get(reader);
  if (!statistics) {
    statistics = countConceptForms(reader, CONCEPT_STATISTICS_CHUNK);
    // A reader closed mid-count (a newer generation replaced it) leaves nothing cached.
    statistics.catch(() => ofIndex.delete(reader));
    ofIndex.set(reader, statistics);
  }
  return statistics;
}

/** Counts the concept forms of every paper in `reader`, `chunk` papers a step. */
export async function countConceptForms(reader: IndexReader, chunk: number): Promise<TermStatistics> {
  const frequency = new Map<string, number>();
  let documents = 0;
  for (let after = 0; ; ) {
    const papers = reader.papers.textsAfter(after, chunk);
    for (const { title, abstract } of papers) {
      documents++;
      for (const form of conceptForms(`${title}\n${abstract}`)) frequency.set(form, (frequency.get(form) ?? 0) + 1);
    }
    if (papers.length < chunk) break;
    after = papers[papers.length - 1]!.doc;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { documents, documentFrequency: (term) => frequency.get(term) ?? 0 };
}
