// Search over an open index: validates a request, ranks papers in its mode within its filters, and
// returns a page of papers with their best passages, or the passages cited answers are built from.
import { AppError } from '../../core/errors.ts';
import { type IndexReader, type Paper, type Passage, tokenize } from '../../indexer/index.ts';
import type { PaperFacetFields } from '../../indexer/store/paper-rows.ts';
import { bestPassages, type ScoredPassage } from './best-passages.ts';
import { facetsOf } from './facets.ts';
import { type AllowedDocs, resolveFilters } from './filters.ts';
import { hybridRanking } from './hybrid.search.ts';
import { identifierNotice, paperNamedBy } from './identifier-query.ts';
import { keywordRanking } from './keyword.search.ts';
import { resultSummary } from './match-summary.ts';
import { librarySemanticBest, matchingPapers } from './matching.ts';
import { OPERATOR_LIMITS, operatorFilter } from './operator-filter.ts';
import { type AnalyzedQuery, analyzeQuery } from './query.ts';
import { parseQuerySyntax } from './query-syntax.ts';
import type { RankedDoc } from './ranking.ts';
import {
  checkSearchBounds,
  type ParsedSearchRequest,
  type PassageHit,
  SEARCH_LIMITS,
  type SearchRequest,
  type SearchResponse,
  zSearchRequest,
} from './search.schema.ts';
import { denseRanking } from './semantic.search.ts';

/** A ranking of papers for a request, deep enough for its page and one more (to tell if more exist). */
export type PaperRanking = {
  query: AnalyzedQuery;
  /** The raw query vector (null in keyword mode, which does not embed the query). */
  queryVector: Float32Array | null;
  ranked: RankedDoc[];
  /** Share of meaning in the scores: 0 keyword, 1 semantic, per query for hybrid. */
  denseWeight: number;
  /** Semantic search's top score (the query vector's best cosine) among the allowed papers; 0 in keyword mode. */
  semanticBest: number;
  /** Whether the operators' checks stopped at a bound (texts read, ranking depth) with papers left unchecked, so more may pass. */
  truncated: boolean;
  /** The papers ranked among (filters and exclusions applied); undefined for the whole library. */
  allowed: AllowedDocs | undefined;
};

/** A passage retrieved for a question, with its paper and score (higher is better). */
export type RetrievedPassage = { passage: Passage; paper: Paper; score: number };

/** The search's bounds (checkSearchBounds) named as a direct caller writes a request: `filters.yearTo`. */
const REQUEST_BOUND_NAMES = { k: 'k', yearTo: 'filters.yearTo', yearFromPath: ['filters', 'yearFrom'] } as const;

const zCheckedSearchRequest = zSearchRequest.superRefine((request, ctx) =>
  checkSearchBounds({ ...request, ...request.filters }, ctx, REQUEST_BOUND_NAMES),
);

/** Validates a search request and applies its defaults; INVALID_INPUT names the field at fault. */
export function parseSearchRequest(request: unknown): ParsedSearchRequest {
  const parsed = zCheckedSearchRequest.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
  const message = issue.message.replace(/^./, (c) => c.toLowerCase());
  throw new AppError('INVALID_INPUT', `Invalid search request: ${field} ${message}.`, { field });
}

/** How a query's text is read: with its operators (quoted phrases, exclusions) or as plain words. */
export type QueryReading = { operators: boolean };

/**
 * Ranks papers for an already validated request, `depth` deep (at least offset + k + 1). Exposed
 * for the evaluation, which runs test-collection queries longer than the API accepts; it reads them
 * as plain words unless told otherwise (their quotes are the authors' scare quotes, not phrases).
 */
export async function rankPapers(
  reader: IndexReader,
  request: ParsedSearchRequest,
  depth = request.offset + request.k + 1,
  reading: QueryReading = { operators: false },
): Promise<PaperRanking> {
  const query = analyzeQuery(request.query, reading);
  const allowed = resolveFilters(reader, request.filters);
  // A pasted DOI or arXiv id is the paper it names, not words to rank by.
  const named = paperNamedBy(reader, request.query, allowed);
  if (named !== undefined) {
    const ranked = named === null ? [] : [{ doc: named, score: 1 }];
    return { query, queryVector: null, ranked, denseWeight: 0, semanticBest: 0, truncated: false, allowed };
  }
  const operators = operatorFilter(reader, query, allowed);
  const queryVector = request.mode === 'keyword' ? null : await reader.embedQuery(query.text);
  const rank = (within: number) => rankWithin(reader, request, query, queryVector, within, operators.allowed);
  const { keep } = operators;
  if (!keep) return { query, queryVector, ...rank(depth), truncated: false, allowed: operators.allowed };
  // Some ranked papers fail a check made after ranking: rank deeper until enough pass (bounded).
  let within = depth;
  for (let round = 0; ; round++) {
    const ranking = rank(within);
    const { kept, exhausted } = keep(ranking.ranked, depth);
    const rankedAll = ranking.ranked.length < within;
    if (kept.length >= depth || rankedAll || exhausted || round === OPERATOR_LIMITS.deepenings) {
      return {
        query,
        queryVector,
        ranked: kept,
        denseWeight: ranking.denseWeight,
        semanticBest: ranking.semanticBest,
        truncated: kept.length < depth && (exhausted || !rankedAll),
        allowed: operators.allowed,
      };
    }
    within *= OPERATOR_LIMITS.deepenBy;
  }
}

/** The `depth` best papers within `allowed` in the request's mode, the share of meaning in their scores, and semantic search's top score. */
function rankWithin(
  reader: IndexReader,
  request: ParsedSearchRequest,
  query: AnalyzedQuery,
  queryVector: Float32Array | null,
  depth: number,
  allowed: AllowedDocs | undefined,
): { ranked: RankedDoc[]; denseWeight: number; semanticBest: number } {
  if (queryVector === null) {
    return { ranked: keywordRanking(reader, query.terms, depth, allowed), denseWeight: 0, semanticBest: 0 };
  }
  if (request.mode === 'semantic') {
    const ranked = denseRanking(reader, queryVector, depth, allowed, request.ef);
    return { ranked, denseWeight: 1, semanticBest: ranked[0]?.score ?? 0 };
  }
  return hybridRanking(reader, query, queryVector, depth, allowed, request.ef);
}

function loadPapers(reader: IndexReader, ranked: readonly RankedDoc[]) {
  const papers: Array<{ doc: number; paper: Paper; score: number }> = [];
  for (const { doc, score } of ranked) {
    const paper = reader.getPaperByDoc(doc);
    if (paper) papers.push({ doc, paper, score });
  }
  return papers;
}

function toHit({ ordinal: _ordinal, ...hit }: ScoredPassage): PassageHit {
  return hit;
}

/** Searches the index: one page of papers, best first, each with up to three highlighted passages. */
export async function searchPapers(reader: IndexReader, request: SearchRequest): Promise<SearchResponse> {
  const began = performance.now();
  return runSearch(reader, parseSearchRequest(request), began);
}

/** searchPapers reading the query as plain words, as a question is read (the evaluations' search baselines). */
export async function searchPlainWords(reader: IndexReader, request: SearchRequest): Promise<SearchResponse> {
  return runSearch(reader, parseSearchRequest(request), performance.now(), { operators: false });
}

/**
 * The order of sort=year: the matching papers newest first (papers without a year last, then by
 * score), then the rest in the same order, so `match` only goes from true to false down the pages.
 */
function matchesFirstByYear(
  matches: ReadonlySet<number>,
  fields: ReadonlyMap<number, PaperFacetFields>,
): (a: RankedDoc, b: RankedDoc) => number {
  const yearOf = (doc: number) => fields.get(doc)?.year ?? Number.NEGATIVE_INFINITY;
  const matchOf = (doc: number) => (matches.has(doc) ? 1 : 0);
  return (a, b) =>
    matchOf(b.doc) - matchOf(a.doc) || yearOf(b.doc) - yearOf(a.doc) || b.score - a.score || a.doc - b.doc;
}

/** Most stop words, or exclusions, a notice lists. */
const LISTED_IN_NOTICE = 5;

function listed(items: readonly string[]): string {
  return items.slice(0, LISTED_IN_NOTICE).join(', ') + (items.length > LISTED_IN_NOTICE ? ', …' : '');
}

const hasIndexedWord = (text: string) => tokenize(text).some((token) => token.term !== null);
const distinctWords = (text: string) => [...new Set(tokenize(text).map((token) => token.word))];

/**
 * Why a query can match nothing whatever the library holds: it has no letters or digits, only stop
 * words, which the index leaves out, or (read with operators) only exclusions, which leave papers
 * out but find none. Undefined when it has a word to search for.
 */
export function unsearchableQueryNotice(
  query: string,
  reading: QueryReading = { operators: true },
): string | undefined {
  const syntax = reading.operators ? parseQuerySyntax(query) : null;
  const searched = syntax?.hasOperators ? syntax.text : query;
  if (hasIndexedWord(searched)) return undefined;
  // An exclusion of stop words alone excludes nothing (query.ts drops it); the stop-word notice says why.
  const exclusions = (syntax?.excluded ?? [])
    .filter(hasIndexedWord)
    .map((excluded) => (/\s/u.test(excluded) ? `-"${excluded}"` : `-${excluded}`));
  if (exclusions.length > 0) {
    const stopWords = distinctWords(searched);
    const alsoStopWords = stopWords.length > 0 ? ` and stop words (${listed(stopWords)}), which are not indexed` : '';
    return (
      `Nothing in the query can be searched for: it holds only exclusions (${listed(exclusions)})${alsoStopWords}. ` +
      'Exclusions leave papers out but find none: add a word or a "quoted phrase" to search for beside them.'
    );
  }
  const words = distinctWords(query);
  if (words.length === 0) return 'Nothing in the query can be searched for: it has no letters or digits.';
  return `Nothing in the query can be searched for: it holds only stop words (${listed(words)}), which are not indexed.`;
}

/**
 * searchPapers for an already validated request (the evaluation times this path). The ranking is
 * taken SEARCH_LIMITS.candidates deep (or deeper for a deep page): `total` and `facets` count the ones
 * among them that match (matching.ts), and sort=year orders the matches newest first, then the rest.
 * The ranking and its pages go on past the matches, each result saying whether it is one; only the
 * page's papers are loaded whole.
 */
export async function runSearch(
  reader: IndexReader,
  parsed: ParsedSearchRequest,
  began: number = performance.now(),
  reading: QueryReading = { operators: true },
): Promise<SearchResponse> {
  const depth = Math.max(SEARCH_LIMITS.candidates, parsed.offset + parsed.k + 1);
  const ranking = await rankPapers(reader, parsed, depth, reading);
  const fields = reader.papers.facetFieldsOf(ranking.ranked.slice(0, depth).map((r) => r.doc));
  const candidates = ranking.ranked.slice(0, depth).filter((r) => fields.has(r.doc));
  const evidence = { ...ranking, mode: parsed.mode, semanticBest: librarySemanticBest(reader, ranking, parsed.ef) };
  const matches = matchingPapers(reader, evidence, candidates, ranking.ranked.length >= depth);
  const matching = candidates.filter((c) => matches.docs.has(c.doc));
  if (parsed.sort === 'year') candidates.sort(matchesFirstByYear(matches.docs, fields));
  const page = loadPapers(reader, candidates.slice(parsed.offset, parsed.offset + parsed.k));
  const passages = bestPassages(reader, page, ranking.query, ranking.queryVector, ranking.denseWeight);
  const notice =
    page.length === 0
      ? ((candidates.length === 0 ? identifierNotice(reader, parsed.query) : undefined) ??
        unsearchableQueryNotice(parsed.query, reading))
      : undefined;
  const results = page.map(({ doc, paper, score }) => ({
    paper,
    score,
    match: matches.docs.has(doc),
    passages: (passages.get(doc) ?? []).map(toHit),
  }));
  const total = matching.length;
  const totalIsLowerBound = matches.moreMayMatch || ranking.truncated;
  return {
    query: parsed.query,
    mode: parsed.mode,
    sort: parsed.sort,
    k: parsed.k,
    offset: parsed.offset,
    results,
    hasMore: candidates.length > parsed.offset + parsed.k,
    total,
    totalIsLowerBound,
    facets: facetsOf(matching.map((c) => fields.get(c.doc)!)),
    tookMs: performance.now() - began,
    ...(notice === undefined ? {} : { notice }),
    summary: resultSummary({ results, total, totalIsLowerBound }, parsed.offset),
  };
}

/**
 * Passages for a question, best first: papers are ranked as searchPapers ranks them, and each
 * passage scores its paper's score times its share of the paper's best passage score, so the best
 * passage of a strong paper comes before the second passage of the same paper or a weaker paper's.
 * `k` and `offset` count passages.
 */
export async function retrievePassages(reader: IndexReader, request: SearchRequest): Promise<RetrievedPassage[]> {
  const parsed = parseSearchRequest(request);
  const depth = parsed.offset + parsed.k;
  // A question is plain words: its quotes and dashes are prose, not operators.
  const ranking = await rankPapers(reader, parsed, depth, { operators: false });
  const papers = loadPapers(reader, ranking.ranked.slice(0, depth));
  const passages = bestPassages(reader, papers, ranking.query, ranking.queryVector, ranking.denseWeight);
  const retrieved: RetrievedPassage[] = [];
  for (const { doc, paper, score } of papers) {
    const hits = passages.get(doc) ?? [];
    const best = hits[0]?.score ?? 0;
    hits.forEach((hit, i) => {
      const share = best > 0 ? hit.score / best : i === 0 ? 1 : 0;
      const { id, field, ordinal, start, end, text } = hit;
      retrieved.push({
        passage: { id, paperId: paper.id, field, ordinal, start, end, text },
        paper,
        score: score * share,
      });
    });
  }
  // Stable sort: equal scores keep paper order, then passage order.
  retrieved.sort((a, b) => b.score - a.score);
  return retrieved.slice(parsed.offset, parsed.offset + parsed.k);
}
