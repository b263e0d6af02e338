// The indexer's public API: build, update and remove from an index, and open it for reading.

export { INDEX_DEFAULTS, type IndexOptions, type IndexSummary } from './build/index-options.ts';
export { indexPapers } from './build/index-papers.ts';
export type { ProgressEvent, ProgressListener } from './build/progress.ts';
export { type RemoveSummary, removePapers } from './build/remove-papers.ts';
export type { Embedder, EmbedderInfo, EmbedderKind } from './embedders/embedder.ts';
export { isTransformersModelAvailable } from './embedders/index.ts';
export { type Paper, type Passage, zPaper, zPassage } from './paper.schema.ts';
export { checkDatabaseInBackground } from './read/integrity-check.ts';
export { type IndexReader, type OpenIndexOptions, openIndex, type StoredPaper } from './read/open-index.ts';
export {
  decodeDocument,
  defaultZoteroFolder,
  ENCODINGS,
  type Encoding,
  FORMATS,
  type Format,
  formatProblem,
  type InputProblem,
  type LocatedPaper,
  papersOfExport,
  READ_LIMITS,
} from './readers/index.ts';
export { currentGeneration, olderGenerations } from './store/generations.ts';
export type { Manifest } from './store/manifest.repo.ts';
export { type Token, terms, tokenize } from './text/analyze.ts';
