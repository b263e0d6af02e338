// Stage 0 of an `index` run, within the run: a paper the run reads again and a record it leaves unparsed (the index
// holds its bytes) that name one work by DOI or arXiv id are one paper, as in a fresh index of the same files.
import type { Paper } from '../paper.schema.ts';
import { filledFrom, type LocatedPaper, type PaperFilesRead, type RecordLocation, worksOf } from '../readers/index.ts';
import { versionlessArxivId } from '../store/arxiv-id.ts';
import { type Db, schemaVersionOf } from '../store/database.ts';
import type { PapersReader } from '../store/papers.repo.ts';
import type { StoredKey } from '../store/papers-writer.repo.ts';

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

/** One record of a work in the run: where it stands, its paper, and which list of the input holds it. */
type Member = { id: string; location: RecordLocation; paper: Paper; parsed: LocatedPaper | null };

/**
 * Merges each paper the run reads again (its id stored) with the stored papers of its work (the same DOI or arXiv
 * id) whose records the run leaves unparsed, as the readers' id registry would have had it parsed them: the record
 * first in the run (by `files`, then its place in its file) keeps its id and is filled in with what only the others
 * hold; the others go, each listed as a repair. An unparsed record's reading is its stored paper. An unparsed paper
 * filled in is put in `filled` (written back by the caller) with its record's fingerprint, which still stands for
 * it: the next run reads the other record again and fills in nothing. Returns the stored ids that go.
 */
export function mergeUnparsedOfWork(
  input: PaperFilesRead,
  stored: ReadonlyMap<string, StoredKey>,
  db: Db,
  reader: PapersReader,
  filled: Map<string, LocatedPaper>,
  files: readonly string[] | undefined,
): string[] {
  const unparsed = new Map(input.indexed.map((record) => [record.id, record]));
  const again = input.papers.filter(({ paper }) => stored.has(paper.id) && worksOf(paper).length > 0);
  if (unparsed.size === 0 || again.length === 0) return [];
  const own = new Map(again.map(({ paper }) => [stored.get(paper.id)!.doc, paper.id]));
  const holders = storedHolders(
    db,
    again.flatMap(({ paper }) => worksOf(paper)),
    stored.size,
    own,
  );
  const place = placeInRun(input, files);
  const gone = new Set<string>();
  for (const located of again) {
    const members: Member[] = [
      { id: located.paper.id, location: located.location, paper: located.paper, parsed: located },
    ];
    for (const id of new Set(worksOf(located.paper).flatMap((work) => holders.get(workKey(work)) ?? []))) {
      const record = unparsed.get(id);
      const paper = record && !gone.has(id) && id !== located.paper.id ? reader.getById(id)?.paper : undefined;
      if (record && paper) members.push({ id, location: record.location, paper, parsed: null });
    }
    if (members.length === 1) continue;
    members.sort((a, b) => place(a.location) - place(b.location));
    const [keeper, ...others] = members as [Member, ...Member[]];
    let paper = keeper.paper;
    let anyAdded = false;
    for (const other of others) {
      const merged = filledFrom(paper, other.paper);
      paper = merged.paper;
      anyAdded ||= merged.added.length > 0;
      gone.add(other.id);
      unparsed.delete(other.id);
      const took = merged.added.length > 0 ? `, taking its ${merged.added.join(', ')} from this record` : '';
      input.repairs.push({
        ...other.location,
        field: 'id',
        message: `names the same work as "${keeper.id}" at ${where(keeper.location)}; the two were merged${took}, and the paper the index held apart as "${other.id}" was removed`,
      });
    }
    if (keeper.parsed) {
      keeper.parsed.paper = paper;
      // As the id registry: a paper that took fields from another record no longer stands for its record alone.
      if (anyAdded) keeper.parsed.fingerprint = null;
    } else if (anyAdded) {
      filled.set(keeper.id, {
        paper,
        location: keeper.location,
        fingerprint: stored.get(keeper.id)?.fingerprint ?? null,
      });
    }
  }
  if (gone.size === 0) return [];
  input.papers = input.papers.filter(({ paper }) => !gone.has(paper.id));
  input.indexed = input.indexed.filter(({ id }) => !gone.has(id));
  return [...gone];
}

/**
 * A record's place in the run, as the id registry claims records: file by file in the order given (else as the
 * input lists them), then by record number.
 */
function placeInRun(input: PaperFilesRead, files: readonly string[] | undefined): (location: RecordLocation) => number {
  const order = [
    ...new Set([...(files ?? []), ...[...input.papers, ...input.indexed].map(({ location }) => location.file)]),
  ];
  const rank = new Map(order.map((file, index) => [file, index]));
  return (location) => (rank.get(location.file) ?? order.length) * 2 ** 32 + (location.record ?? 0);
}

function where(location: RecordLocation): string {
  return location.line === null
    ? `${location.file} record ${location.record}`
    : `${location.file} line ${location.line}`;
}
