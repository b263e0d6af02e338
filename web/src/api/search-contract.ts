// The search API's types as the web uses them (from the server's search schema).
export type {
  SearchFacets,
  SearchResponse as SearchPageResponse,
  SearchSort,
  SimilarResponse as SimilarPapersResponse,
} from '../../../server/search/search.schema.ts';
