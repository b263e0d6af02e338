// The papers table's row shape and the columns read back from it, shared by the papers' reader and
// writer.
import type { Paper } from '../paper.schema.ts';

/** A row of the papers table as SQLite returns it. */
export type PaperRow = {
  doc: number;
  id: string;
  title: string;
  abstract: string;
  authors: string;
  affiliations: string;
  year: number | null;
  venue: string | null;
  url: string | null;
  doi: string | null;
  arxiv_id: string | null;
  tags: string;
  metadata: string;
};

/** The papers table's columns that make a Paper, in PaperRow's order. */
export const PAPER_COLUMNS =
  'doc, id, title, abstract, authors, affiliations, year, venue, url, doi, arxiv_id, tags, metadata';

/** A Paper from its row (the JSON columns parsed). */
export function rowToPaper(row: PaperRow): Paper {
  return {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: JSON.parse(row.authors),
    affiliations: JSON.parse(row.affiliations),
    year: row.year,
    venue: row.venue,
    url: row.url,
    doi: row.doi,
    arxivId: row.arxiv_id,
    tags: JSON.parse(row.tags),
    metadata: JSON.parse(row.metadata),
  };
}

/** The fields of a paper that search facets count and sort=year orders by. */
export type PaperFacetFields = Pick<Paper, 'year' | 'venue' | 'authors' | 'tags'>;

/** A paper's row as the library listing reads it: no texts; authors and tags are their stored JSON. */
export type ListingRow = Pick<
  PaperRow,
  'doc' | 'id' | 'title' | 'authors' | 'year' | 'venue' | 'tags' | 'doi' | 'url' | 'arxiv_id'
>;
/** The columns of a ListingRow. */
export const LISTING_COLUMNS = 'doc, id, title, authors, year, venue, tags, doi, url, arxiv_id';
