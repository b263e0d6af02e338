// Lists the library: a page of papers matching filters, sorted, with facet counts, from the
// served generation's listing table (library-table.ts), built on first use and kept with its reader.
import type { IndexReader } from '../../indexer/index.ts';
import type { ListingRow } from '../../indexer/store/paper-rows.ts';
import type { LibraryPage, LibraryQuery, LibraryRow } from './library.schema.ts';
import { LibraryTable } from './library-table.ts';

// Keyed by reader: a generation's table lives as long as its reader, which outlives every request leasing it.
const tables = new WeakMap<IndexReader, Promise<LibraryTable>>();

/** The listing table of the generation `index` reads, built once (concurrent callers share the build). */
export function libraryTableOf(index: IndexReader): Promise<LibraryTable> {
  let table = tables.get(index);
  if (!table) {
    table = LibraryTable.build(index);
    // A failed build is not kept: the next request tries again.
    table.catch(() => tables.delete(index));
    tables.set(index, table);
  }
  return table;
}

function toLibraryRow(row: ListingRow): LibraryRow {
  return {
    id: row.id,
    title: row.title,
    authors: JSON.parse(row.authors),
    year: row.year,
    venue: row.venue,
    tags: JSON.parse(row.tags),
    doi: row.doi,
    url: row.url,
    arxivId: row.arxiv_id,
  };
}

/** A page of the library for `query`, with facets unless `query.facets` is false. */
export async function listLibrary(index: IndexReader, query: LibraryQuery): Promise<LibraryPage> {
  const table = await libraryTableOf(index);
  const match = table.matching(query);
  const docs = query.limit > 0 ? table.pageDocs(match, query) : [];
  const rows = new Map(index.papers.listingRowsOf(docs).map((row) => [row.doc, row]));
  return {
    total: table.count(match),
    offset: query.offset,
    papers: docs.flatMap((doc) => {
      const row = rows.get(doc);
      return row ? [toLibraryRow(row)] : [];
    }),
    ...(query.facets ? { facets: table.facets(match, query) } : {}),
  };
}
