// Keyword ranking: BM25 (k1 1.2, b 0.75) over whole papers, title and abstract as one field, where
// a term the query repeats counts again, as in Lucene's bag-of-words query.
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import type { RankedDoc } from './ranking.ts';

export const KEYWORD_DEFAULTS = {
  /** Weight of a title match relative to an abstract match (1 = one field, like the Lucene reference). */
  titleWeight: 1,
} satisfies Record<string, number>;

/**
 * The `depth` best papers for the query terms by BM25 (fewer when fewer match). Whole papers rank
 * better than their best passage on Cranfield, CISI and SciFact, so papers_fts is used, not passages_fts.
 */
export function keywordRanking(
  reader: IndexReader,
  queryTerms: readonly string[],
  depth: number,
  allowed?: AllowedDocs,
): RankedDoc[] {
  if (queryTerms.length === 0 || depth <= 0 || allowed?.docs.length === 0) return [];
  const hits = reader.passages.bm25Counted('papers', queryTerms, depth, {
    titleWeight: KEYWORD_DEFAULTS.titleWeight,
    ...(allowed ? { allowedDocs: allowed.docs } : {}),
  });
  return hits.map((hit) => ({ doc: hit.label, score: hit.score }));
}
