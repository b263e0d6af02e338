// Work done on a generation before or as it is served, so that the first requests do not pay for
// it: a few searches before a reload swaps it in, and the counts a question needs as it starts serving.
import type { IndexReader } from '../../indexer/index.ts';
import { conceptStatisticsOfIndex } from '../answer/concept-statistics.ts';
import { warmEnglishWords } from '../english/english-words.ts';
import { searchPapers } from '../search/index.ts';

/**
 * Searched on a newly published generation before it replaces the served one: the first searches
 * of a reader are several times slower (statements not prepared, pages not read), and under load
 * the requests queued behind them would wait for that. (At start, `startServer` warms up instead.)
 */
export const WARM_UP_QUERIES = ['attention heads in transformer layers', 'graph neural networks', 'retrieval evidence'];

/** Runs WARM_UP_QUERIES on `reader`; never rejects. */
export async function warmUpSearches(reader: IndexReader): Promise<void> {
  try {
    for (const query of WARM_UP_QUERIES) await searchPapers(reader, { query, mode: 'hybrid', k: 10 });
  } catch {
    // A generation that cannot answer these says so to the first real request, with its error.
  }
}

/**
 * Starts, without waiting for it, what the first question on `reader` would otherwise stall on:
 * counting the library's concept forms (seconds at 100k papers, done in steps) and reading the
 * English words (once a process; a list that cannot be read is reported to `onNotice`).
 */
export function warmServedGeneration(reader: IndexReader, onNotice: (message: string) => void): void {
  void conceptStatisticsOfIndex(reader).catch(() => {});
  void warmEnglishWords(onNotice);
}
