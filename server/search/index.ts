// Search's public API: papers by keyword, meaning or both; similar papers; passages for answers.

export { matchingPapersCount, resultSummary } from './match-summary.ts';
export { QUERY_SYNTAX_HELP } from './query-syntax.ts';
export * from './search.schema.ts';
export type { RetrievedPassage } from './search.service.ts';
export { parseSearchRequest, retrievePassages, searchPapers } from './search.service.ts';
export { similarPapers } from './similar.ts';
