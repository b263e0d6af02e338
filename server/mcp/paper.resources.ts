// Every paper of the library as an MCP resource, citelens://paper/{id}: its reference data and
// abstract as JSON. Listed in pages (a library may hold many thousands of papers), in index order.
import type { ListResourcesResult, ReadResourceResult, Resource } from '@modelcontextprotocol/sdk/types.js';
import { AppError } from '../../core/errors.ts';
import type { IndexReader, Paper } from '../../indexer/index.ts';

export const PAPER_URI_PREFIX = 'citelens://paper/';
export const PAPER_URI_TEMPLATE = `${PAPER_URI_PREFIX}{id}`;

/** Papers per page of resources/list. */
export const RESOURCE_PAGE_SIZE = 200;

/** The resource URI of a paper (the id percent-encoded, so any id makes one path segment). */
export function paperUri(id: string): string {
  return `${PAPER_URI_PREFIX}${encodeURIComponent(id)}`;
}

function resourceOf(paper: Paper): Resource {
  const byline = [paper.authors.slice(0, 3).join(', ') + (paper.authors.length > 3 ? ' et al.' : ''), paper.year]
    .filter(Boolean)
    .join(', ');
  return {
    uri: paperUri(paper.id),
    name: paper.id,
    title: paper.title,
    ...(byline ? { description: byline } : {}),
    mimeType: 'application/json',
  };
}

/** The JSON-RPC code for a resource that does not exist ("Resource not found" in the MCP specification). */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * The `_meta` key of an empty resources/list answered while no index is loaded: its value is the
 * INDEX_NOT_FOUND error body (code, message, hint) that the tools answer meanwhile.
 */
export const INDEX_NOT_FOUND_META = 'citelens/indexNotFound';

/**
 * The `_meta` key of an empty resources/list answered while the index is damaged and nothing older
 * serves: its value is the INDEX_CORRUPT error body (what is damaged, how to rebuild) the tools answer meanwhile.
 */
export const INDEX_CORRUPT_META = 'citelens/indexCorrupt';

/**
 * The `_meta` key of an empty resources/list answered while the index could not be read and nothing
 * serves in its place: its value is the error body the tools answer meanwhile, whose code says why
 * (INDEX_BUSY, INDEX_ACCESS_DENIED, RESOURCES_EXHAUSTED, DISK_FULL, INDEX_UNREADABLE; none calls for a
 * rebuild).
 */
export const INDEX_UNREADABLE_META = 'citelens/indexUnreadable';

/** The `_meta` key for the error body that says why no index serves (see the keys above). */
export function noIndexMetaKey(code: string): string {
  if (code === 'INDEX_NOT_FOUND') return INDEX_NOT_FOUND_META;
  return code === 'INDEX_CORRUPT' ? INDEX_CORRUPT_META : INDEX_UNREADABLE_META;
}

function invalidCursor(cursor: string): AppError {
  return new AppError('INVALID_INPUT', `The cursor '${cursor.slice(0, 50)}' is not one this server gave out.`, {
    field: 'cursor',
  });
}

/** Where the page a cursor names starts; INVALID_INPUT for a cursor this server never gives out. */
function cursorStart(cursor: string | undefined): number {
  const from = cursor === undefined ? 0 : Number(cursor);
  if (!Number.isSafeInteger(from) || from < 0 || !/^\d+$/.test(cursor ?? '0')) throw invalidCursor(cursor ?? '');
  return from;
}

/**
 * The resources of a library with no index to serve (none yet, a damaged one, one that could not be
 * read): none, which is an answer, not a failure (MCP clients list resources on connecting). `why` is
 * the error body tools answer meanwhile, under the key for its code (see `noIndexMetaKey`).
 */
export function listNoPaperResources(cursor: string | undefined, why: { code: string }): ListResourcesResult {
  cursorStart(cursor);
  return { resources: [], _meta: { [noIndexMetaKey(why.code)]: why } };
}

/** One page of paper resources; `cursor` is the `nextCursor` of the page before. */
export function listPaperResources(reader: IndexReader, cursor: string | undefined): ListResourcesResult {
  const from = cursorStart(cursor);
  const docs = reader.papers.docsMatching({});
  const page = docs.slice(from, from + RESOURCE_PAGE_SIZE);
  const resources = page.flatMap((doc) => {
    const paper = reader.getPaperByDoc(doc);
    return paper ? [resourceOf(paper)] : [];
  });
  const next = from + page.length;
  return { resources, ...(next < docs.length ? { nextCursor: String(next) } : {}) };
}

/** The paper a citelens://paper/{id} URI names: title, authors, year, venue, identifiers and abstract. */
export function readPaperResource(reader: IndexReader, uri: string): ReadResourceResult {
  if (!uri.startsWith(PAPER_URI_PREFIX) || uri.length === PAPER_URI_PREFIX.length) {
    throw new AppError(
      'INVALID_INPUT',
      `The resource URI '${uri.slice(0, 200)}' does not name a paper (${PAPER_URI_TEMPLATE}).`,
      {
        field: 'uri',
      },
    );
  }
  let id: string;
  try {
    id = decodeURIComponent(uri.slice(PAPER_URI_PREFIX.length));
  } catch {
    throw new AppError('INVALID_INPUT', `The resource URI '${uri.slice(0, 200)}' is not validly percent-encoded.`, {
      field: 'uri',
    });
  }
  const found = reader.getPaper(id);
  if (!found) throw new AppError('PAPER_NOT_FOUND', `No paper has the id '${id}'.`, { id });
  const { paper } = found;
  const data = {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    year: paper.year,
    venue: paper.venue,
    doi: paper.doi,
    arxivId: paper.arxivId,
    url: paper.url,
    abstract: paper.abstract,
  };
  return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(data) }] };
}
