// Papers like a given one: nearest neighbours of its paper vector, itself excluded.
import { AppError } from '../../core/errors.ts';
import type { IndexReader } from '../../indexer/index.ts';
import { SEARCH_LIMITS, type SimilarResponse } from './search.schema.ts';
import { isZeroVector } from './semantic.search.ts';

/** The `k` papers nearest in meaning to paper `paperId` (PAPER_NOT_FOUND when there is no such paper). */
export function similarPapers(reader: IndexReader, paperId: string, k: number): SimilarResponse {
  const began = performance.now();
  if (!Number.isInteger(k) || k < 1 || k > SEARCH_LIMITS.maxK) {
    throw new AppError(
      'INVALID_INPUT',
      `Invalid request: k must be a whole number from 1 to ${SEARCH_LIMITS.maxK} (got ${k}).`,
      {
        field: 'k',
      },
    );
  }
  const found = reader.getPaper(paperId);
  if (!found)
    throw new AppError('PAPER_NOT_FOUND', `There is no paper with id "${paperId}" in the index.`, { paperId });
  const vector = reader.papers.vector(found.doc);
  // A paper with no word the embedder knows has no direction, so nothing is near it.
  const hits =
    vector && !isZeroVector(vector)
      ? reader.searchPapersDense(vector, k, { filter: (label) => label !== found.doc })
      : [];
  const results: SimilarResponse['results'] = [];
  for (const hit of hits) {
    const paper = reader.getPaperByDoc(hit.label);
    if (paper) results.push({ paper, score: hit.score });
  }
  return { paperId, results, tookMs: performance.now() - began };
}
