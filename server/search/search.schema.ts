// The nouns of search, defined once: what a search asks for and what it returns. The HTTP API,
// the CLI and the web client all use these schemas (the web imports the types only).
import { z } from 'zod';
import { zPaper } from '../../indexer/paper.schema.ts';

export const SEARCH_LIMITS = {
  /** Longest accepted query, in characters: a whole abstract (or a page of one) fits. */
  maxQueryChars: 20_000,
  maxK: 100,
  /** Deepest page: offset + k may not pass this. */
  maxDepth: 1_000,
  minEf: 10,
  maxEf: 2_000,
  /**
   * Papers a search considers for `total`, `facets` and `sort=year`: the best this many by the
   * search's own ranking (or offset + k + 1 when that is more). A bound keeps the cost flat at
   * 100k papers; when the ranking reaches it, `total` is a lower bound. 100 is the depth hybrid
   * ranks each side to anyway, so hybrid pays nothing extra for it (200 doubled its latency).
   */
  candidates: 100,
  /** Values listed per facet, the most frequent first. */
  facetValues: 20,
} as const;

/** Order of results: by the ranking's score, or newest first among the candidates (then by score). */
export const zSearchSort = z.enum(['relevance', 'year']);
export type SearchSort = z.infer<typeof zSearchSort>;

export const zSearchMode = z.enum(['hybrid', 'semantic', 'keyword']);
export type SearchMode = z.infer<typeof zSearchMode>;

export const zSearchFilters = z.object({
  yearFrom: z.number().int().min(0).max(3000).optional(),
  yearTo: z.number().int().min(0).max(3000).optional(),
  /** Case-insensitive substring of any author's name. */
  author: z.string().trim().min(1).max(200).optional(),
  /** Exact tag, case-insensitive. */
  tag: z.string().trim().min(1).max(200).optional(),
  /** Case-insensitive substring of the venue. */
  venue: z.string().trim().min(1).max(200).optional(),
});
export type SearchFilters = z.infer<typeof zSearchFilters>;

/** How a surface names the parameters the search's bounds bind ("--year-to", "year_to", "filters.yearTo"). */
export type BoundNames = { k: string; yearTo: string; yearFromPath: readonly PropertyKey[] };

/**
 * The rules that bind one search parameter to another, each worded with the names a surface uses:
 * offset + k may not pass the deepest ranking, and a year range may not start after it ends (it
 * would match nothing). The search route, the ask route, the MCP tools and the CLI all check these.
 */
export function checkSearchBounds(
  values: {
    k?: number | undefined;
    offset?: number | undefined;
    yearFrom?: number | undefined;
    yearTo?: number | undefined;
  },
  ctx: z.RefinementCtx,
  names: BoundNames,
): void {
  const { k, offset, yearFrom: from, yearTo: to } = values;
  if (k !== undefined && offset !== undefined && offset > SEARCH_LIMITS.maxDepth - k) {
    ctx.addIssue({
      code: 'custom',
      path: ['offset'],
      message: `must be at most ${SEARCH_LIMITS.maxDepth - k} when ${names.k} is ${k} (offset + k may not pass ${SEARCH_LIMITS.maxDepth})`,
    });
  }
  if (from !== undefined && to !== undefined && from > to) {
    ctx.addIssue({
      code: 'custom',
      path: [...names.yearFromPath],
      message: `must not be after ${names.yearTo} (${from} > ${to})`,
    });
  }
}

export const zSearchRequest = z.object({
  query: z.string().trim().min(1, 'must not be empty').max(SEARCH_LIMITS.maxQueryChars),
  mode: zSearchMode.default('hybrid'),
  k: z.number().int().min(1).max(SEARCH_LIMITS.maxK).default(10),
  offset: z.number().int().min(0).max(SEARCH_LIMITS.maxDepth).default(0),
  /** HNSW breadth of search; defaults to the index's setting. */
  ef: z.number().int().min(SEARCH_LIMITS.minEf).max(SEARCH_LIMITS.maxEf).optional(),
  filters: zSearchFilters.default({}),
  sort: zSearchSort.default('relevance'),
});
export type SearchRequest = z.input<typeof zSearchRequest>;
export type ParsedSearchRequest = z.output<typeof zSearchRequest>;

/** A span of matching words, as offsets into the passage's `text`. */
export const zHighlight = z.object({ start: z.number().int(), end: z.number().int() });
export type Highlight = z.infer<typeof zHighlight>;

export const zPassageHit = z.object({
  id: z.number().int(),
  field: z.enum(['title', 'abstract']),
  text: z.string(),
  /** Offsets of the passage in the paper's field (title or abstract). */
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  highlights: z.array(zHighlight),
});
export type PassageHit = z.infer<typeof zPassageHit>;

export const zSearchResult = z.object({
  paper: zPaper,
  score: z.number(),
  /**
   * Whether the paper is one of the `total` that match: it holds a query word, or its semantic score
   * clears the relevance floor (match-floor.ts). Results past the matches, the next closest in
   * meaning, are false.
   */
  match: z.boolean(),
  passages: z.array(zPassageHit),
});
export type SearchResult = z.infer<typeof zSearchResult>;

/** One value of a facet and how many of the matching papers have it. */
export const zFacetCount = z.object({ value: z.string(), count: z.number().int().nonnegative() });
export type FacetCount = z.infer<typeof zFacetCount>;

/**
 * Counts over the matching papers (those among the candidates, at most SEARCH_LIMITS.candidates), the
 * top SEARCH_LIMITS.facetValues values of each, most frequent first (ties by value). Years are strings.
 * A value counts the papers its filter keeps, so narrowing to it gives that many (see facets.ts).
 */
export const zSearchFacets = z.object({
  year: z.array(zFacetCount),
  tag: z.array(zFacetCount),
  author: z.array(zFacetCount),
  venue: z.array(zFacetCount),
});
export type SearchFacets = z.infer<typeof zSearchFacets>;

export const zSearchResponse = z.object({
  query: z.string(),
  mode: zSearchMode,
  sort: zSearchSort,
  k: z.number().int(),
  offset: z.number().int(),
  results: z.array(zSearchResult),
  /**
   * Whether more results exist past this page. Semantic and hybrid rankings go on past the matching
   * papers (with `match` false), so a page past `total` may still hold results.
   */
  hasMore: z.boolean(),
  /**
   * How many papers match: hold a query word, or (semantic and hybrid) come within the relevance
   * floor of the best semantic score (match-floor.ts). Exact, or (when `totalIsLowerBound`) at least
   * this many, because the search looked at its best SEARCH_LIMITS.candidates papers only.
   */
  total: z.number().int().nonnegative(),
  totalIsLowerBound: z.boolean(),
  facets: zSearchFacets,
  tookMs: z.number(),
  /**
   * Why nothing matched, when the reason is the query itself: it holds only stop words, no letters
   * or digits, or only exclusions (-word), so nothing in it can be searched for. Absent otherwise.
   */
  notice: z.string().optional(),
  /**
   * The line above the page, written once for every client (match-summary.ts): which results these
   * are and how many papers match ("Results 1–10 of 44 matching papers", "Results 11–13: past the 4
   * matching papers, those closest in meaning", "No results on this page: the search has 44 matching
   * papers").
   */
  summary: z.string(),
});
export type SearchResponse = z.infer<typeof zSearchResponse>;

export const zSimilarResponse = z.object({
  paperId: z.string(),
  results: z.array(
    z.object({
      paper: zPaper,
      /** Fused similarity, 0–1 (1 for the most similar paper by the stronger side). */
      score: z.number(),
      /** The paper's most distinctive words (as it writes them) that this paper shares, most distinctive first. */
      sharedTerms: z.array(z.string()),
    }),
  ),
  tookMs: z.number(),
});
export type SimilarResponse = z.infer<typeof zSimilarResponse>;
