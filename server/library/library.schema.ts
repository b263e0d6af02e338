// The nouns of the library listing, defined once: what a listing request asks for (paging, sort,
// filters) and the page of papers it returns, with facet counts for year, tag, author and venue.
import { z } from '@hono/zod-openapi';
import { type SearchFacets, zSearchFacets } from '../search/search.schema.ts';

export const LIBRARY_LIMITS = {
  /** Rows per page at most: the web table asks for a few hundred at a time as it scrolls. */
  maxLimit: 1_000,
  /** Values per facet at most (the most frequent; years are all listed up to this many). */
  maxFacetValues: 200,
  /** Longest free-text filter, in characters. */
  maxTextChars: 500,
} as const;

export const LIBRARY_SORTS = ['title', 'year', 'venue', 'authors'] as const;
export const zLibrarySort = z.enum(LIBRARY_SORTS);
export type LibrarySort = z.infer<typeof zLibrarySort>;

const zFilterText = z.string().trim().min(1).max(LIBRARY_LIMITS.maxTextChars);

export const zLibraryQuery = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(0).max(LIBRARY_LIMITS.maxLimit).default(100),
  sort: zLibrarySort.default('title'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Words that must occur in the title or an author's name (case-insensitive substring). */
  text: zFilterText.optional(),
  year_from: z.number().int().min(1000).max(2100).optional(),
  year_to: z.number().int().min(1000).max(2100).optional(),
  /** Exact author name (case-insensitive). */
  author: zFilterText.optional(),
  /** Exact tag (case-insensitive). */
  tag: zFilterText.optional(),
  /** Exact venue (case-insensitive). */
  venue: zFilterText.optional(),
  /** Whether to count facets (the table asks once per filter change, not for every page). */
  facets: z.boolean().default(true),
});
export type LibraryQuery = z.output<typeof zLibraryQuery>;
export type LibraryQueryInput = z.input<typeof zLibraryQuery>;

/** A row of the library table: what it shows and filters by, without the abstract. */
export const zLibraryRow = z.object({
  id: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  tags: z.array(z.string()),
  doi: z.string().nullable(),
  url: z.string().nullable(),
  arxivId: z.string().nullable(),
});
export type LibraryRow = z.infer<typeof zLibraryRow>;

export { type FacetCount, zFacetCount } from '../search/search.schema.ts';
/** The library's facets are search's noun: year, tag, author and venue counts over the matching papers. */
export const zLibraryFacets = zSearchFacets;
export type LibraryFacets = SearchFacets;

export const zLibraryPage = z
  .object({
    /** Papers matching the filters (all of them, not just this page). */
    total: z.number().int(),
    offset: z.number().int(),
    papers: z.array(zLibraryRow),
    /** Counts among the matching papers; left out when `facets=false`. */
    facets: zLibraryFacets.optional(),
  })
  .meta({ id: 'LibraryPage' });
export type LibraryPage = z.infer<typeof zLibraryPage>;
