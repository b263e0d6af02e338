// Every row the Library's current filters match, read a page at a time, so that a filtered set
// (say, one venue's papers on one tag) can be selected and exported in one step.
import type { LibraryRow } from '../../../../server/library/library.schema.ts';
import { listLibrary } from '../../api/library.api.ts';
import type { LibraryView } from './library-url.ts';

/** LIBRARY_LIMITS.maxLimit of the library schema: the most rows one request returns. */
const ROWS_PER_REQUEST = 1_000;

/** The most papers "Select all" takes at once: beyond this, narrow the filters (or use the CLI export). */
export const MAX_SELECT_ALL = 10_000;

/** All rows matching `view` (at most MAX_SELECT_ALL), in the table's order. */
export async function matchingRows(view: LibraryView, signal?: AbortSignal): Promise<LibraryRow[]> {
  const rows: LibraryRow[] = [];
  for (let offset = 0; offset < MAX_SELECT_ALL; offset += ROWS_PER_REQUEST) {
    const page = await listLibrary({ ...view, offset, limit: ROWS_PER_REQUEST, facets: false }, signal);
    rows.push(...page.papers);
    if (page.papers.length < ROWS_PER_REQUEST || rows.length >= page.total) break;
  }
  return rows.slice(0, MAX_SELECT_ALL);
}
