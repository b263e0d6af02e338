// The keyword index: BM25 posting lists in SQLite (postings-*), ranked as FTS5 ranks (bm25-ranking,
// top-k). The rest of the indexer reads and writes it through these names only.
export { type KeywordHit, POSTINGS_SCHEMA, PostingsReader, PostingsWriter } from './postings.repo.ts';
