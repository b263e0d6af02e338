// Document frequencies of concept forms (words with plural, possessive and regular verb endings
// removed, never stemmed) over a library, so a question's key concepts weigh by how rare the word
// itself is: "transformer" stays rare in a library that only says "transformational". The same count
// keeps the library's words as written (its vocabulary), so a misspelt word of a question can be read
// as the library word it is one or two letters from. Counted once per index generation, a step at a
// time, and cached with the reader.
import type { IndexReader } from '../../indexer/index.ts';
import { statisticsOfTexts, type TermStatistics } from '../verify/term-statistics.ts';
import {
  isVocabularyWord,
  type LibraryVocabulary,
  SHORTEST_VOCABULARY_WORD,
  vocabularyOf,
} from './library-vocabulary.ts';
import { conceptForms } from './question-concepts.ts';

/** Concept-form statistics with the library's vocabulary, counted from the same texts. */
export type ConceptStatistics = TermStatistics & { vocabulary: LibraryVocabulary };

// Counts concept forms and vocabulary words, one document at a time.
class ConceptCounter {
  readonly forms = new Map<string, number>();
  private readonly words = new Map<string, number>();
  // A word as written → its vocabulary key ('' when it is none): most words recur from paper to paper.
  private readonly keys = new Map<string, string>();
  documents = 0;

  add(text: string): void {
    this.documents++;
    const written = new Set<string>();
    const forms = conceptForms(text, { into: written, minLength: SHORTEST_VOCABULARY_WORD });
    for (const form of forms) this.forms.set(form, (this.forms.get(form) ?? 0) + 1);
    const keys = new Set<string>();
    for (const word of written) {
      let key = this.keys.get(word);
      if (key === undefined) {
        const lower = word.toLowerCase();
        key = isVocabularyWord(lower) ? lower : '';
        if (this.keys.size > 500_000) this.keys.clear();
        this.keys.set(word, key);
      }
      if (key) keys.add(key);
    }
    for (const key of keys) this.words.set(key, (this.words.get(key) ?? 0) + 1);
  }

  vocabulary(): LibraryVocabulary {
    return vocabularyOf(this.words);
  }
}

/** Concept-form statistics of a list of texts (one document each). */
export function conceptStatisticsOfTexts(texts: Iterable<string>): ConceptStatistics {
  const list = [...texts];
  const counter = new ConceptCounter();
  for (const text of list) counter.add(text);
  // The mean length is the analyzer's, as for the keyword statistics.
  const { averageLength } = statisticsOfTexts(list);
  return {
    documents: counter.documents,
    documentFrequency: (term) => counter.forms.get(term) ?? 0,
    ...(averageLength !== undefined ? { averageLength } : {}),
    vocabulary: counter.vocabulary(),
  };
}

/** Papers counted per step; between steps other requests get the event loop (about 40 ms of work each). */
export const CONCEPT_STATISTICS_CHUNK = 500;

const ofIndex = new WeakMap<IndexReader, Promise<ConceptStatistics>>();

/**
 * Concept-form statistics of the papers (title and abstract) in an index, counted once per reader
 * in steps that yield to other work (at 100k papers the count takes seconds): the server starts it
 * when it serves a generation, and a question asked sooner waits for it.
 */
export function conceptStatisticsOfIndex(reader: IndexReader): Promise<ConceptStatistics> {
  let statistics = ofIndex.get(reader);
  if (!statistics) {
    statistics = countConceptForms(reader, CONCEPT_STATISTICS_CHUNK);
    // A reader closed mid-count (a newer generation replaced it) leaves nothing cached.
    statistics.catch(() => ofIndex.delete(reader));
    ofIndex.set(reader, statistics);
  }
  return statistics;
}

/** Counts the concept forms and words of every paper in `reader`, `chunk` papers a step. */
export async function countConceptForms(reader: IndexReader, chunk: number): Promise<ConceptStatistics> {
  const counter = new ConceptCounter();
  for (let after = 0; ; ) {
    const papers = reader.papers.textsAfter(after, chunk);
    for (const { title, abstract } of papers) counter.add(`${title}\n${abstract}`);
    if (papers.length < chunk) break;
    after = papers[papers.length - 1]!.doc;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    documents: counter.documents,
    documentFrequency: (term) => counter.forms.get(term) ?? 0,
    vocabulary: counter.vocabulary(),
  };
}
