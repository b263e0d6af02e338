// Papers like a given one: its vector neighbours fused with the papers that share its most
// distinctive terms (its keyword profile), each with the key terms it shares, so a person sees why.
import { AppError, paperNotFound } from '../../core/errors.ts';
import type { IndexReader, Paper } from '../../indexer/index.ts';
import { tokenize } from '../../indexer/index.ts';
import { agreement, fuseScores } from './fuse.ts';
import { isGeneralWord } from './general-words.ts';
import { denseWeightOf, HYBRID_DEFAULTS, peakOf } from './hybrid.search.ts';
import { keywordRanking } from './keyword.search.ts';
import type { RankedDoc } from './ranking.ts';
import { SEARCH_LIMITS, type SimilarResponse } from './search.schema.ts';
import { cosines, isZeroVector } from './semantic.search.ts';

export const SIMILAR_DEFAULTS = {
  /** Distinctive terms that make up a paper's keyword profile. */
  profileTerms: 12,
  /** Papers taken from each side before fusion (and the window their scores are normalized over). */
  window: 50,
  /**
   * Shared terms are listed only when at most this share of the library's papers hold them (or two
   * papers, in a library under ten): a term of every fifth paper ("llm" in a library of LLM papers)
   * helps rank but says nothing of why two papers are alike.
   */
  sharedTermMaxShare: 0.2,
} satisfies Record<string, number>;

/**
 * One term of a paper's keyword profile: the analyzer term, a word of the paper it stands for, its
 * weight, and how many papers of the library hold it.
 */
export type ProfileTerm = { term: string; word: string; weight: number; papers: number };

/** A paper's terms as it uses them for its topic (not as words of any abstract), with their counts. */
function topicTerms(paper: Paper): Map<string, { count: number; word: string }> {
  const counts = new Map<string, { count: number; word: string }>();
  for (const token of tokenize(`${paper.title}. ${paper.abstract}`)) {
    if (token.term === null || isGeneralWord(token.word, token.term)) continue;
    const seen = counts.get(token.term);
    if (seen) seen.count++;
    else counts.set(token.term, { count: 1, word: token.word });
  }
  return counts;
}

/**
 * A paper's most distinctive terms: by (1 + ln tf) · ln(1 + N / df) over its title and abstract.
 * Terms no other paper holds are left out, as they cannot make two papers alike, and so are words
 * of any abstract ("how", "shows", "authors", "run", "designed"), which make papers alike only in how
 * they are written.
 */
export function keywordProfile(
  reader: IndexReader,
  paper: Paper,
  size: number = SIMILAR_DEFAULTS.profileTerms,
): ProfileTerm[] {
  const library = Math.max(1, reader.manifest.papers);
  const profile: ProfileTerm[] = [];
  for (const [term, { count, word }] of topicTerms(paper)) {
    const papers = reader.postings.documentFrequency(term);
    if (papers < 2) continue;
    profile.push({ term, word, papers, weight: (1 + Math.log(count)) * Math.log(1 + library / papers) });
  }
  profile.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  return profile.slice(0, size);
}

/** The profile terms that can say why two papers are alike: those few papers hold, most distinctive first. */
export function explainingTerms(reader: IndexReader, profile: readonly ProfileTerm[]): ProfileTerm[] {
  const most = Math.max(2, SIMILAR_DEFAULTS.sharedTermMaxShare * reader.manifest.papers);
  return profile.filter((p) => p.papers <= most);
}

/**
 * The `k` papers most like paper `paperId` (PAPER_NOT_FOUND when there is no such paper), itself
 * excluded. BM25 ranks papers by the paper's keyword profile; the vector index by its paper vector;
 * the two are fused as hybrid search fuses them, with the dense weight read from the same evidence
 * (how peaked each side is, how far they agree, how much of the paper the embedder knows).
 */
export function similarPapers(reader: IndexReader, paperId: string, k: number): SimilarResponse {
  const began = performance.now();
  if (!Number.isInteger(k) || k < 1 || k > SEARCH_LIMITS.maxK) {
    throw new AppError(
      'INVALID_INPUT',
      `Invalid request: k must be a whole number from 1 to ${SEARCH_LIMITS.maxK} (got ${k}).`,
      { field: 'k' },
    );
  }
  const found = reader.getPaper(paperId);
  if (!found) throw paperNotFound(paperId);
  const { doc, paper } = found;
  const window = Math.max(SIMILAR_DEFAULTS.window, k);
  const notItself = (r: RankedDoc) => r.doc !== doc;

  const profile = keywordProfile(reader, paper);
  const keyword = keywordRanking(
    reader,
    profile.map((p) => p.term),
    window + 1,
  ).filter(notItself);
  const vector = reader.papers.vector(doc);
  // A paper with no word the embedder knows has no direction, so nothing is near it by meaning.
  const hasDirection = vector !== undefined && !isZeroVector(vector);
  const dense: RankedDoc[] = hasDirection
    ? reader
        .searchPapersDense(vector, window, { filter: (label) => label !== doc })
        .map((hit) => ({ doc: hit.label, score: hit.score }))
    : [];
  const denseWeight =
    keyword.length === 0
      ? 1
      : hasDirection
        ? denseWeightOf({
            keywordPeak: peakOf(keyword, HYBRID_DEFAULTS.peakDepth),
            densePeak: peakOf(dense, HYBRID_DEFAULTS.peakDepth),
            agreement: agreement(keyword, dense, HYBRID_DEFAULTS.agreementDepth, reader.manifest.papers),
            coverage: reader.embedder.coverage?.(`${paper.title}. ${paper.abstract}`) ?? 1,
          })
        : 0;
  const exact = hasDirection
    ? cosines(
        reader,
        vector,
        keyword.map((r) => r.doc),
      )
    : new Map<number, number>();
  const fused = fuseScores(keyword, dense, exact, denseWeight, window).slice(0, k);

  const explaining = explainingTerms(reader, profile);
  const results: SimilarResponse['results'] = [];
  for (const { doc: other, score } of fused) {
    const neighbour = reader.getPaperByDoc(other);
    if (!neighbour) continue;
    const theirs = topicTerms(neighbour);
    results.push({
      paper: neighbour,
      score,
      sharedTerms: explaining.filter((p) => theirs.has(p.term)).map((p) => p.word),
    });
  }
  return { paperId, results, tookMs: performance.now() - began };
}
