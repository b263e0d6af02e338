// Keyword ranking: BM25 (k1 1.2, b 0.75) over whole papers, title and abstract as one field, where
// a term the query repeats counts again, as in Lucene's bag-of-words query.
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import type { RankedDoc } from './ranking.ts';

export const KEYWORD_DEFAULTS = {
  /** Weight of a title match relative to an abstract match (1 = one field, like the Lucene reference). */
  titleWeight: 1,
  /** From this many papers on, terms in half of them or more are left out of the query (see informativeTerms). */
  pruneFromPapers: 10_000,
  /** Document frequencies remembered per index before the memory is cleared. */
  maxCachedTerms: 100_000,
} satisfies Record<string, number>;

const frequencies = new WeakMap<IndexReader, Map<string, number>>();

function paperFrequency(reader: IndexReader, term: string): number {
  let cache = frequencies.get(reader);
  if (!cache || cache.size >= KEYWORD_DEFAULTS.maxCachedTerms) {
    cache = new Map();
    frequencies.set(reader, cache);
  }
  let frequency = cache.get(term);
  if (frequency === undefined) {
    frequency = reader.postings.documentFrequency(term);
    cache.set(term, frequency);
  }
  return frequency;
}

/**
 * The query terms worth matching. BM25 here (as FTS5's) clamps the idf of a term found in half the
 * papers or more to 1e-6, so such a term adds nothing to any ranking, yet its long posting list
 * dominates query time in a large index: it is left out, unless nothing else would be left. Small indexes keep every
 * term (speed does not matter there, and a paper matching only common words still shows up).
 */
export function informativeTerms(reader: IndexReader, queryTerms: readonly string[]): readonly string[] {
  const papers = reader.manifest.papers;
  if (papers < KEYWORD_DEFAULTS.pruneFromPapers) return queryTerms;
  const kept = queryTerms.filter((term) => 2 * paperFrequency(reader, term) < papers);
  return kept.length > 0 ? kept : queryTerms;
}

/**
 * The `depth` best papers for the query terms by BM25 (fewer when fewer match). Whole papers rank
 * better than their best passage on Cranfield, CISI and SciFact, so the keyword index holds papers.
 */
export function keywordRanking(
  reader: IndexReader,
  queryTerms: readonly string[],
  depth: number,
  allowed?: AllowedDocs,
): RankedDoc[] {
  if (queryTerms.length === 0 || depth <= 0 || allowed?.docs.length === 0) return [];
  const hits = reader.searchKeyword(informativeTerms(reader, queryTerms), depth, {
    titleWeight: KEYWORD_DEFAULTS.titleWeight,
    ...(allowed ? { allowedDocs: allowed.docs } : {}),
  });
  return hits.map((hit) => ({ doc: hit.label, score: hit.score }));
}
