// Stage 0 of an `index` run, within the run: which stored papers name a work, and which records the run leaves
// unparsed must be read after all, because a paper the run reads again names their work.
import { type PaperFilesRead, readPaperFiles, worksOf } from '../readers/index.ts';
import { versionlessArxivId } from '../store/arxiv-id.ts';
import { type Db, schemaVersionOf } from '../store/database.ts';
import type { StoredKey } from '../store/papers-writer.repo.ts';
import type { IndexOptions } from './index-options.ts';

/** A stored work's key as worksOf writes it, with the arXiv id without its version. */
export function workKey(work: string): string {
  return work.startsWith('arxiv:') ? `arxiv:${versionlessArxivId(work.slice('arxiv:'.length))}` : work;
}

/**
 * Works are looked up one at a time while they are at most this share of the library, else every stored paper's
 * DOI and arXiv id is read in one scan: a lookup by the DOI or arXiv id index costs about as much as scanning 16.
 */
const LOOKUP_SHARE = 1 / 16;

/**
 * The ids of the stored papers that name each of `works` (worksOf's form), first stored first. A lookup reads only
 * the DOI or arXiv id index (doc numbers); ids are read from the table only for docs `known` does not name (the
 * asking papers' own, which are nearly always the only holders).
 */
export function storedHolders(
  db: Db,
  works: readonly string[],
  storedCount: number,
  known: ReadonlyMap<number, string> = new Map(),
): Map<string, string[]> {
  const keys = [...new Set(works.map(workKey))];
  const holders = new Map<string, string[]>();
  const add = (work: string, id: string) => {
    const ids = holders.get(work) ?? [];
    if (!ids.includes(id)) holders.set(work, [...ids, id]);
  };
  if (schemaVersionOf(db) >= 4 && keys.length <= LOOKUP_SHARE * storedCount) {
    const byDoi = db.prepare('SELECT doc FROM papers WHERE lower(doi) = ? ORDER BY doc').pluck();
    const byArxiv = db.prepare('SELECT doc FROM papers WHERE arxiv_base = ? ORDER BY doc').pluck();
    const idOf = db.prepare('SELECT id FROM papers WHERE doc = ?').pluck();
    for (const key of keys) {
      const arxiv = key.startsWith('arxiv:');
      const value = key.slice(arxiv ? 'arxiv:'.length : 'doi:'.length);
      for (const doc of (arxiv ? byArxiv : byDoi).all(value) as number[]) {
        const id = known.get(doc) ?? (idOf.get(doc) as string | undefined);
        if (id !== undefined) add(key, id);
      }
    }
    return holders;
  }
  const arxiv = schemaVersionOf(db) >= 4 ? 'arxiv_base' : 'arxiv_id';
  const rows = db
    .prepare(`SELECT id, doi, ${arxiv} FROM papers WHERE doi IS NOT NULL OR ${arxiv} IS NOT NULL ORDER BY doc`)
    .raw()
    .all() as Array<[string, string | null, string | null]>;
  for (const [id, doi, arxivId] of rows) for (const work of worksOf({ doi, arxivId }).map(workKey)) add(work, id);
  return holders;
}

/**
 * The ids of the records the run leaves unparsed (the index holds their bytes) that hold, by DOI or arXiv id, a
 * work a paper the run reads again (its id stored) names. A fresh index of the same files would have read them and
 * let the id registry merge them with that paper, by its rule (the record first in the run keeps its id, matched
 * by its works in worksOf order): such records are read again, so that it does.
 */
function unparsedOfReadWorks(input: PaperFilesRead, stored: ReadonlyMap<string, StoredKey>, db: Db): string[] {
  const unparsed = new Set(input.indexed.map(({ id }) => id));
  const again = input.papers.filter(({ paper }) => stored.has(paper.id) && worksOf(paper).length > 0);
  if (unparsed.size === 0 || again.length === 0) return [];
  const own = new Map(again.map(({ paper }) => [stored.get(paper.id)!.doc, paper.id]));
  const holders = storedHolders(
    db,
    again.flatMap(({ paper }) => worksOf(paper)),
    stored.size,
    own,
  );
  return [...new Set([...holders.values()].flat().filter((id) => unparsed.has(id)))];
}

/** Rounds of reading again: each can name more records to parse (those holding the works of the last parsed). */
const MAX_REREADS = 4;

/**
 * Reads the run's files again, with the records unparsedOfReadWorks names parsed (not taken as known by their
 * fingerprint), replacing the input's reading, until no more are named. Most runs name none and read nothing again;
 * the second reading of the files is the price of an index that holds what a fresh one of the same files holds.
 */
export async function readUnparsedOfWorks(
  input: PaperFilesRead,
  stored: ReadonlyMap<string, StoredKey>,
  db: Db,
  opts: Pick<IndexOptions, 'files' | 'format' | 'encoding'>,
): Promise<void> {
  const parse = new Set<string>();
  for (let round = 0; round < MAX_REREADS; round++) {
    const more = unparsedOfReadWorks(input, stored, db).filter((id) => !parse.has(id));
    if (more.length === 0) return;
    for (const id of more) parse.add(id);
    const known = new Map<string, string>();
    for (const [id, key] of stored) if (key.fingerprint !== null && !parse.has(id)) known.set(key.fingerprint, id);
    Object.assign(
      input,
      await readPaperFiles(opts.files, {
        ...(opts.format ? { format: opts.format } : {}),
        ...(opts.encoding ? { encoding: opts.encoding } : {}),
        known: (fingerprint) => known.get(fingerprint),
      }),
    );
  }
}
