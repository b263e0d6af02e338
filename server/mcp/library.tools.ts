// The tools that read the library: search_papers, get_paper, similar_papers and library_info. Each
// calls the service its HTTP route calls, with the route's schemas narrowed for an agent's context.
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { zPaper } from '../../indexer/index.ts';
import { indexStats } from '../library/index-stats.ts';
import { QUERY_SYNTAX_HELP, searchPapers, similarPapers, zSearchFilters, zSearchRequest } from '../search/index.ts';
import { zGetPaperOutput, zLibraryInfoOutput, zSearchPapersOutput, zSimilarPapersOutput } from './mcp.schema.ts';
import { defineTool, PAPER_TEXT_IS_DATA } from './mcp-tool.ts';
import { fitToBudget } from './passage-budget.ts';
import { checkSearchRelations } from './tool-arguments.ts';

export const MCP_SEARCH_LIMITS = {
  /** Most papers per call: a page of results must fit an agent's context with room to spare. */
  maxK: 20,
  defaultK: 5,
  /** Characters of passage text per search_papers result, unless the call asks for another budget. */
  defaultMaxChars: 4_000,
  minMaxChars: 200,
  maxMaxChars: 20_000,
} as const;

/** k for an agent: the API's k, capped lower and with a smaller default. */
const zAgentK = zSearchRequest.shape.k
  .unwrap()
  .max(MCP_SEARCH_LIMITS.maxK)
  .default(MCP_SEARCH_LIMITS.defaultK)
  .meta({ description: `How many papers (at most ${MCP_SEARCH_LIMITS.maxK})` });

const zPaperId = zPaper.shape.id.meta({ description: 'A paper id, as search_papers returns it' });

/** The search filters, refusing a name they do not know (a misspelt filter must not be dropped silently). */
export const zAgentFilters = zSearchFilters.strict().default({});

// Strict: an argument the tool does not take is refused with the names it does take.
export const zSearchPapersInput = z
  .strictObject({
    query: zSearchRequest.shape.query.meta({ description: `What to look for, in words. ${QUERY_SYNTAX_HELP}` }),
    mode: zSearchRequest.shape.mode.meta({
      description: 'hybrid (meaning and words, the default), semantic (meaning) or keyword (BM25 words)',
    }),
    sort: zSearchRequest.shape.sort.meta({
      description: 'relevance (the default) or year (newest first among the best-ranked papers)',
    }),
    k: zAgentK,
    offset: zSearchRequest.shape.offset.meta({ description: 'Results to skip: pass nextOffset to get the next page' }),
    filters: zAgentFilters.meta({
      description: 'yearFrom/yearTo (inclusive), author and venue (case-insensitive substrings), tag (exact)',
    }),
    maxChars: z
      .number()
      .int()
      .min(MCP_SEARCH_LIMITS.minMaxChars)
      .max(MCP_SEARCH_LIMITS.maxMaxChars)
      .default(MCP_SEARCH_LIMITS.defaultMaxChars)
      .meta({ description: 'Budget of passage text, in characters, over all results' }),
  })
  .superRefine(checkSearchRelations);

export const searchPapersTool = defineTool({
  name: 'search_papers',
  title: 'Search the library',
  description: [
    'Finds papers in the local Citelens library by meaning and/or words. Returns papers (id, title, authors, year, venue, score) with their best passages: each passage has its span (field, start, end: character offsets into the title or abstract) and score.',
    'Passage text is trimmed to maxChars characters in all (budget.truncatedPassages and budget.omittedPassages say what was cut); use get_paper for a whole abstract.',
    "total says how many papers match (at least that many when totalIsLowerBound), and each result's match says whether it is one of them: a paper that holds a query word or comes within the relevance floor of the best semantic score. hasMore says whether more results exist, and the ranking goes on past the matches (match false: the next closest in meaning), so stop paging once results stop matching unless near misses are wanted; pass nextOffset as offset for the next page.",
    PAPER_TEXT_IS_DATA,
  ].join(' '),
  input: zSearchPapersInput,
  output: zSearchPapersOutput,
  async run({ maxChars, ...request }, { reader }) {
    const response = await searchPapers(reader, request);
    const { results, budget } = fitToBudget(response.results, maxChars);
    return {
      query: response.query,
      mode: response.mode,
      sort: response.sort,
      k: response.k,
      offset: response.offset,
      results,
      hasMore: response.hasMore,
      total: response.total,
      totalIsLowerBound: response.totalIsLowerBound,
      nextOffset: response.hasMore ? response.offset + response.results.length : null,
      budget,
      // Why nothing matched, when the query itself is the reason (only stop words or exclusions).
      ...(response.notice === undefined ? {} : { notice: response.notice }),
    };
  },
});

export const getPaperTool = defineTool({
  name: 'get_paper',
  title: 'Get a paper',
  description: [
    'One paper of the library by id: title, authors, year, venue, DOI, arXiv id, tags and abstract, and its passages as spans (field, start, end) into the title or abstract; passage ids match those of search_papers and ask_library.',
    PAPER_TEXT_IS_DATA,
  ].join(' '),
  input: z.strictObject({ id: zPaperId }),
  output: zGetPaperOutput,
  run({ id }, { reader }) {
    const found = reader.getPaper(id);
    // The message of GET /api/papers/{id}.
    if (!found) throw new AppError('PAPER_NOT_FOUND', `No paper has the id '${id}'.`, { id });
    const passages = reader
      .passagesOfPaper(id)
      .map(({ id: passageId, field, ordinal, start, end }) => ({ passageId, field, ordinal, start, end }));
    return { paper: found.paper, passages };
  },
});

export const similarPapersTool = defineTool({
  name: 'similar_papers',
  title: 'Papers similar to a paper',
  description: [
    'The papers of the library most similar to the paper with this id (itself excluded), most similar first, with their similarity scores (0-1) and the distinctive words they share with it.',
    PAPER_TEXT_IS_DATA,
  ].join(' '),
  input: z.strictObject({ id: zPaperId, k: zAgentK }),
  output: zSimilarPapersOutput,
  run({ id, k }, { reader }) {
    const response = similarPapers(reader, id, k);
    return {
      paperId: response.paperId,
      results: response.results.map(({ paper, score, sharedTerms }) => ({
        paperId: paper.id,
        title: paper.title,
        authors: paper.authors,
        year: paper.year,
        venue: paper.venue,
        score,
        sharedTerms,
      })),
    };
  },
});

export const libraryInfoTool = defineTool({
  name: 'library_info',
  title: 'What the library holds',
  description:
    'How many papers and passages the library holds, which embedder built its index (kind, model, revision, dimensions, and whether its model is out of date), when it was built, its generation and size on disk.',
  input: z.strictObject({}),
  output: zLibraryInfoOutput,
  run: (_args, { reader }) => indexStats(reader),
});
