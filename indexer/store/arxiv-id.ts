// The version-less form of an arXiv id that papers are looked up by: "arXiv:2401.01234v2",
// "https://arxiv.org/abs/2401.01234" and "2401.01234" are one paper, and so are "math.AG/0301001" and "math/0301001".
import { canonicalArxivId } from '../../core/paper-identifiers.ts';
import type { Db } from './database.ts';

/**
 * Lowercased, without an "arXiv:" or arxiv.org prefix, without a version and, for an old-style id, without its
 * subject class ("math.AG/0301001v2" → "math/0301001", arXiv's canonical id): the key lookups use.
 */
export function versionlessArxivId(arxivId: string): string {
  return canonicalArxivId(withoutVersion(arxivId));
}

function withoutVersion(arxivId: string): string {
  return arxivId
    .trim()
    .toLowerCase()
    .replace(/^(?:arxiv:\s*|https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)/u, '')
    .replace(/(?:\.pdf)?$/u, '')
    .replace(/v\d+$/u, '');
}

/**
 * The keys an id may be stored under, the current one first: an index written before keys dropped the
 * subject class holds "math.ag/0301001" until its papers are written again, so an id given with its
 * subject class is also looked up as written.
 */
export function arxivLookupKeys(arxivId: string): string[] {
  const key = versionlessArxivId(arxivId);
  const asWritten = withoutVersion(arxivId);
  return asWritten === key ? [key] : [key, asWritten];
}

/** Fills `arxiv_base` for every paper with an arXiv id (the migration to schema version 4). */
export function fillVersionlessArxivIds(db: Db): void {
  const update = db.prepare('UPDATE papers SET arxiv_base = ? WHERE doc = ?');
  const rows = db.prepare('SELECT doc, arxiv_id FROM papers WHERE arxiv_id IS NOT NULL').raw().all() as Array<
    [number, string]
  >;
  for (const [doc, arxivId] of rows) update.run(versionlessArxivId(arxivId), doc);
}
