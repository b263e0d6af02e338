// Which of a search's candidates match its query, so `total` counts papers a researcher would call
// matches rather than every paper the semantic side gives a cosine: a paper matches when it holds a
// query word (keyword search finds it) or its semantic score clears the relevance floor (match-floor.ts).
import type { IndexReader } from '../../indexer/index.ts';
import type { AllowedDocs } from './filters.ts';
import { informativeTerms } from './keyword.search.ts';
import { clearsMatchFloor } from './match-floor.ts';
import type { AnalyzedQuery } from './query.ts';
import type { RankedDoc } from './ranking.ts';
import type { SearchMode } from './search.schema.ts';
import { cosines, denseRanking } from './semantic.search.ts';

/** What a ranking tells about matches: the query, its vector, the mode whose scores it holds, semantic search's best score and the papers it ranked among. */
export type MatchEvidence = {
  query: AnalyzedQuery;
  /** Null when the ranking is by words alone (keyword mode, a pasted identifier): every paper it ranks matches. */
  queryVector: Float32Array | null;
  mode: SearchMode;
  /** Semantic search's top score over the whole library, filters aside (librarySemanticBest): the floor is a share of it. */
  semanticBest: number;
  /** The papers the ranking chose among (filters and exclusions applied); undefined for the whole library. */
  allowed: AllowedDocs | undefined;
};

export type SearchMatches = {
  /** The candidates that match. */
  docs: ReadonlySet<number>;
  /** Whether papers ranked past the candidates may match too, so that their count is a lower bound. */
  moreMayMatch: boolean;
};

/** Whether the ascending list holds the doc (binary search). */
function holds(docs: Int32Array, doc: number): boolean {
  let [low, high] = [0, docs.length - 1];
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = docs[middle]!;
    if (at === doc) return true;
    if (at < doc) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Whether more than `count` papers within `allowed` hold one of the terms, reading no further than that. */
function moreHoldThan(lists: readonly Int32Array[], count: number, allowed: AllowedDocs | undefined): boolean {
  if (!allowed && lists.some((docs) => docs.length > count)) return true;
  const seen = new Set<number>();
  for (const docs of lists) {
    for (const doc of docs) {
      if (allowed && !allowed.set.has(doc)) continue;
      seen.add(doc);
      if (seen.size > count) return true;
    }
  }
  return false;
}

/**
 * The matching papers among `candidates` (best first, by the ranking's score). A query word is a
 * term keyword search would look for (informativeTerms), so a paper keyword search finds matches.
 * `rankedPast` says the ranking holds papers past the candidates: more may match when the weakest
 * candidate still matches (papers past it score lower) or when papers holding a query word are not
 * all candidates. The floor is a share of semantic search's top score over the whole library, so a
 * paper matches by meaning in hybrid mode exactly when it would in semantic mode, and a filter only
 * narrows the matches: it never makes the best paper it keeps a match.
 */
export function matchingPapers(
  reader: IndexReader,
  evidence: MatchEvidence,
  candidates: readonly RankedDoc[],
  rankedPast: boolean,
): SearchMatches {
  const docs = candidates.map((c) => c.doc);
  if (evidence.queryVector === null) return { docs: new Set(docs), moreMayMatch: rankedPast };
  const lists = [...new Set(informativeTerms(reader, evidence.query.terms))].map((term) =>
    reader.postings.docsOf(term),
  );
  const withWords = docs.filter((doc) => lists.some((list) => holds(list, doc)));
  const matched = new Set(withWords);
  const without = candidates.filter((c) => !matched.has(c.doc));
  // Semantic mode ranks by the cosine itself; hybrid's scores are fused, so its cosines are read (for those without a word only).
  const semantic =
    evidence.mode === 'semantic'
      ? without.map(({ doc, score }) => [doc, score] as const)
      : [
          ...cosines(
            reader,
            evidence.queryVector,
            without.map((c) => c.doc),
          ),
        ];
  for (const [doc, score] of semantic) if (clearsMatchFloor(score, evidence.semanticBest)) matched.add(doc);
  if (!rankedPast) return { docs: matched, moreMayMatch: false };
  const weakest = candidates.at(-1);
  const weakestMatches = weakest !== undefined && matched.has(weakest.doc);
  return { docs: matched, moreMayMatch: weakestMatches || moreHoldThan(lists, withWords.length, evidence.allowed) };
}

/**
 * Semantic search's top score over the whole library, which the floor is a share of: the ranking's
 * own `semanticBest` when it ranked the whole library, else (filters or exclusions set) one more
 * nearest-paper lookup, k = 1 with no filter. The filtered set's best counts too, in case the
 * graph's approximate walk missed it, so the floor is never below what the filtered ranking saw.
 */
export function librarySemanticBest(
  reader: IndexReader,
  ranking: { queryVector: Float32Array | null; semanticBest: number; allowed: AllowedDocs | undefined },
  ef?: number,
): number {
  if (ranking.queryVector === null || ranking.allowed === undefined) return ranking.semanticBest;
  const best = denseRanking(reader, ranking.queryVector, 1, undefined, ef)[0]?.score ?? 0;
  return Math.max(best, ranking.semanticBest);
}
