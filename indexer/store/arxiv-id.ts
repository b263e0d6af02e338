// The version-less form of an arXiv id that papers are looked up by: "arXiv:2401.01234v2",
// "https://arxiv.org/abs/2401.01234" and "2401.01234" are one paper.
import type { Db } from './database.ts';

/** Lowercased, without an "arXiv:" or arxiv.org prefix and without a version: the key lookups use. */
export function versionlessArxivId(arxivId: string): string {
  return arxivId
    .trim()
    .toLowerCase()
    .replace(/^(?:arxiv:\s*|https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)/u, '')
    .replace(/(?:\.pdf)?$/u, '')
    .replace(/v\d+$/u, '');
}

/** Fills `arxiv_base` for every paper with an arXiv id (the migration to schema version 4). */
export function fillVersionlessArxivIds(db: Db): void {
  const update = db.prepare('UPDATE papers SET arxiv_base = ? WHERE doc = ?');
  const rows = db.prepare('SELECT doc, arxiv_id FROM papers WHERE arxiv_id IS NOT NULL').raw().all() as Array<
    [number, string]
  >;
  for (const [doc, arxivId] of rows) update.run(versionlessArxivId(arxivId), doc);
}
