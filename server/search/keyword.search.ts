// Keyword ranking: BM25 (k1 1.2, b 0.75) over whole papers (title + abstract), where a term the
// query repeats counts again, as in Lucene. Paper-level BM25 ranked better than passage-level BM25
// on Cranfield, CISI and SciFact (see the eval README), so papers are ranked whole.
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import type { RankedDoc } from './ranking.ts';

export const KEYWORD_DEFAULTS = {
  /** Weight of a title match relative to an abstract match (1 = one field, like the Lucene reference). */
  titleWeight: 1,
} satisfies Record<string, number>;

/** The `depth` best papers for the query terms by BM25 (fewer when fewer match). */
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
