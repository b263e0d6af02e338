// Lists the library: a page of papers matching filters, sorted, with facet counts. Keeps one
// read-only connection for the served generation and closes it when a newer generation is served.
import type { IndexReader } from '../../indexer/index.ts';
import { LibraryRepo } from './library.repo.ts';
import type { LibraryPage, LibraryQuery } from './library.schema.ts';

let open: { generationDir: string; repo: LibraryRepo } | undefined;

// Every call below is synchronous, so a connection closed here is never in the middle of a query.
function repoFor(index: IndexReader): LibraryRepo {
  if (open?.generationDir === index.generationDir) return open.repo;
  open?.repo.close();
  open = { generationDir: index.generationDir, repo: LibraryRepo.open(index.generationDir) };
  return open.repo;
}

/** A page of the library for `query`, with facets unless `query.facets` is false. */
export function listLibrary(index: IndexReader, query: LibraryQuery): LibraryPage {
  const repo = repoFor(index);
  return {
    total: repo.count(query),
    offset: query.offset,
    papers: query.limit > 0 ? repo.page(query) : [],
    ...(query.facets ? { facets: repo.facets(query) } : {}),
  };
}
