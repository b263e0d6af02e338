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
  /**
   * Distinct terms a long query keeps (an abstract has 100–200): the ones weighing most by
   * qtf·idf. CISI's longest queries rank the same kept at 48 (see README's eval section).
   */
  maxQueryTerms: 48,
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
  const weighted = weightedTerms(reader, queryTerms);
  if (papers < KEYWORD_DEFAULTS.pruneFromPapers) return weighted;
  const kept = weighted.filter((term) => 2 * paperFrequency(reader, term) < papers);
  return kept.length > 0 ? kept : weighted;
}

/**
 * A long query (an abstract) as its weighted terms rather than a thousand-term OR: the
 * KEYWORD_DEFAULTS.maxQueryTerms distinct terms with the largest qtf·idf, each kept as often as the
 * query repeats it (BM25 weighs a repeated term by its count). Terms no paper holds weigh nothing.
 * A query with fewer distinct terms is returned as it is.
 */
export function weightedTerms(reader: IndexReader, queryTerms: readonly string[]): readonly string[] {
  const counts = new Map<string, number>();
  for (const term of queryTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
  if (counts.size <= KEYWORD_DEFAULTS.maxQueryTerms) return queryTerms;
  const papers = Math.max(1, reader.manifest.papers);
  const weight = new Map<string, number>();
  for (const [term, count] of counts) {
    const df = paperFrequency(reader, term);
    weight.set(term, df === 0 ? 0 : count * Math.log(1 + papers / df));
  }
  const kept = new Set(
    [...weight]
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, KEYWORD_DEFAULTS.maxQueryTerms)
      .map(([term]) => term),
  );
  return queryTerms.filter((term) => kept.has(term));
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
