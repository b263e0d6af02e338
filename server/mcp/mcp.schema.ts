// The nouns of the MCP tools' results, defined once from the API's schemas: papers by reference,
// passages trimmed to a budget, and each tool's output (listed to clients as its outputSchema).
import { z } from 'zod';
import { zPaper, zPassage } from '../../indexer/paper.schema.ts';
import { zAskResponse, zSourcePassage } from '../answer/answer.schema.ts';
import { zStatsResponse } from '../library/index-stats.ts';
import { zPassageHit, zSearchResponse, zSearchResult } from '../search/search.schema.ts';
import { zVerifyResponse } from '../verify/verify.schema.ts';

/** A paper by reference: what an agent needs to name and cite it, without its abstract. */
export const zPaperReference = zPaper
  .pick({ title: true, authors: true, year: true, venue: true })
  .extend({ paperId: zPaper.shape.id });
export type PaperReference = z.infer<typeof zPaperReference>;

/** A passage of a search result, its text possibly cut to fit the budget. */
export const zBudgetedPassage = zPassageHit
  .pick({ field: true, start: true, end: true, score: true, text: true })
  .extend({
    passageId: zPassageHit.shape.id,
    /** True when the text was cut to fit the budget (the passage goes on after `end`, which is where `text` ends). */
    truncated: z.boolean(),
  });
export type BudgetedPassage = z.infer<typeof zBudgetedPassage>;

/** A search result by reference, with whether it is one of the search's `total` and its passages within the budget. */
export const zBudgetedResult = zPaperReference.extend({
  score: z.number(),
  match: zSearchResult.shape.match.meta({
    description:
      'Whether the paper is one of the `total` that match: it holds a query word, or (semantic and hybrid) comes within the relevance floor of the best semantic score. False for results past the matches, the next closest in meaning.',
  }),
  passages: z.array(zBudgetedPassage),
});
export type BudgetedResult = z.infer<typeof zBudgetedResult>;

/** What the budget did: the characters of passage text allowed and used, and the passages cut or left out. */
export const zBudgetReport = z.object({
  maxChars: z.number().int(),
  usedChars: z.number().int(),
  truncatedPassages: z.number().int(),
  omittedPassages: z.number().int(),
});
export type BudgetReport = z.infer<typeof zBudgetReport>;

export const zSearchPapersOutput = zSearchResponse
  .pick({
    query: true,
    mode: true,
    sort: true,
    k: true,
    offset: true,
    hasMore: true,
    total: true,
    totalIsLowerBound: true,
    notice: true,
  })
  .extend({
    results: z.array(zBudgetedResult),
    /** The offset of the next page, or null when there is none. */
    nextOffset: z.number().int().nullable(),
    budget: zBudgetReport,
  });

export const zGetPaperOutput = z.object({
  paper: zPaper,
  passages: z.array(
    zPassage.pick({ field: true, ordinal: true, start: true, end: true }).extend({ passageId: zPassage.shape.id }),
  ),
});

export const zSimilarPapersOutput = z.object({
  paperId: z.string(),
  results: z.array(zPaperReference.extend({ score: z.number(), sharedTerms: z.array(z.string()) })),
});

export const zAskLibraryOutput = zAskResponse.omit({ tookMs: true, sources: true }).extend({
  sources: z.array(
    zPaperReference.omit({ venue: true }).extend({
      n: z.number().int().positive(),
      cited: z.boolean(),
      /** Spans and retrieval scores; the text only for passages of cited sources. */
      passages: z.array(
        zSourcePassage
          .omit({ id: true, text: true })
          .extend({ passageId: zSourcePassage.shape.id, text: zSourcePassage.shape.text.optional() }),
      ),
    }),
  ),
});

export const zVerifyCitationsOutput = zVerifyResponse.omit({ tookMs: true });

// A copy without the API's component id, so that its JSON Schema is an object at the root, as MCP asks.
export const zLibraryInfoOutput = zStatsResponse.extend({});
