// Stage 0 of an `index` run, across runs: a record of a work the index already holds under another id
// is that paper, not a second one. A BibTeX entry "lin2026sinks" indexed last week and a Scopus RIS
// record of its DOI indexed today are one paper: the one the index holds keeps its id and is filled
// in with what only the new record holds. (Within one run, the readers' id registry does the same.)
// What a paper took from another record stays when a later run reads only its own record again.
import type { Paper } from '../paper.schema.ts';
import { filledFrom, filledIn, type LocatedPaper, type PaperFilesRead, worksOf } from '../readers/index.ts';
import type { Db } from '../store/database.ts';
import { PapersReader } from '../store/papers.repo.ts';
import type { StoredKey } from '../store/papers-writer.repo.ts';
import type { IndexOptions } from './index-options.ts';
import { readUnparsedOfWorks, storedHolders, workKey } from './unparsed-works.ts';
import { replaceUnstableIds } from './unstable-ids.ts';

/**
 * Merges the run's new papers (ids the index does not hold) that name, by DOI or arXiv id, a work the
 * index holds under another id into that paper, which the run keeps; and keeps, in a paper the run
 * reads again, the fields it took from another record when its own record still lacks them. A paper
 * the run drops (--prune without its record) is not merged into: the new record takes its place; and
 * under --prune, which indexes exactly the files given, nothing is carried over. Without --prune, a new paper
 * also takes the place of the same paper stored under an id an earlier version made unstably (unstable-ids.ts),
 * and a stored paper whose record the run merged into another paper of its work goes (storedMergedAway). First,
 * a record the run left unparsed that holds a work a paper the run reads again names is read after all
 * (unparsed-works.ts), so that the id registry merges the two as a fresh index of the same files does. Not done
 * under --strict, which repairs nothing. The input is changed in place; each merge is listed as a repair. A paper
 * filled in from another record is stored without its record's fingerprint, so that later runs read that record
 * again: a later edit of the other record, --prune and --strict reach it. `db` is the published generation's
 * database. Returns the stored ids whose papers a new record replaced, which the run removes.
 */
export async function mergeStoredWorks(
  input: PaperFilesRead,
  stored: ReadonlyMap<string, StoredKey>,
  db: Db,
  opts: Pick<IndexOptions, 'prune' | 'files' | 'format' | 'encoding'>,
): Promise<string[]> {
  if (input.papers.length === 0) return opts.prune ? [] : storedMergedAway(input, stored);
  await readUnparsedOfWorks(input, stored, db, opts);
  const fresh = input.papers.filter(({ paper }) => !stored.has(paper.id));
  const reread = opts.prune ? [] : input.papers.filter(({ paper }) => stored.has(paper.id));
  const mergedAway = opts.prune ? [] : storedMergedAway(input, stored);
  const reader = new PapersReader(db);
  if (reread.length > 0) keepFilledIn(reread, storedFilledIn(db, reader, reread, stored.size));
  // First, so that a versioned arXiv id replaced is no holder to merge the new record of its work into.
  const replaced = [...mergedAway, ...(opts.prune ? [] : replaceUnstableIds(input, stored, reader))];
  const naming = fresh.filter(({ paper }) => worksOf(paper).length > 0);
  if (naming.length > 0) mergeFresh(input, naming, stored, db, reader, { ...opts, replaced: new Set(replaced) });
  return replaced;
}

/**
 * The stored ids whose record this run merged into another paper of its work (id-registry.ts) and that no other
 * record of the run is read under: the stored paper is that record's earlier reading, kept apart while its work
 * was not known (an entry that names its arXiv id only since this version, DBLP's volume "abs/<id>"). It goes, as
 * a fresh index would never have stored it; each is listed as a repair.
 */
function storedMergedAway(input: PaperFilesRead, stored: ReadonlyMap<string, StoredKey>): string[] {
  const inRun = new Set([...input.papers.map(({ paper }) => paper.id), ...input.indexed.map(({ id }) => id)]);
  const gone = new Set<string>();
  for (const { id, into, location } of input.merged ?? []) {
    if (!stored.has(id) || inRun.has(id) || gone.has(id)) continue;
    gone.add(id);
    input.repairs.push({
      ...location,
      field: 'id',
      message: `was the paper the index held as "${id}" apart from "${into}", the paper of its work it is merged into; "${id}" was removed`,
    });
  }
  return [...gone];
}

// A paper read again keeps what it took from another record, while its own record still lacks it; its record's
// fingerprint then no longer stands for it (else --prune would find the record unchanged and keep what it took).
function keepFilledIn(reread: readonly LocatedPaper[], filled: ReadonlyMap<string, Paper>): void {
  for (const located of reread) {
    const before = filled.get(located.paper.id);
    if (!before) continue;
    const { paper, added } = filledFrom(located.paper, before, new Set(filledIn(before)));
    located.paper = paper;
    if (added.length > 0) located.fingerprint = null;
  }
}

function mergeFresh(
  input: PaperFilesRead,
  fresh: readonly LocatedPaper[],
  stored: ReadonlyMap<string, StoredKey>,
  db: Db,
  reader: PapersReader,
  opts: { prune: boolean; replaced: ReadonlySet<string> },
): void {
  const holders = storedHolders(
    db,
    fresh.flatMap(({ paper }) => worksOf(paper)),
    stored.size,
  );
  const inRun = new Set([...input.papers.map((p) => p.paper.id), ...input.indexed.map((r) => r.id)]);
  const parsed = new Set(input.papers.map((located) => located.paper.id));
  // The papers the index holds that this run fills in, by id: each written back once.
  const filled = new Map<string, LocatedPaper>();
  const merged = new Set<LocatedPaper>();
  for (const located of fresh) {
    const holder = worksOf(located.paper)
      .flatMap((work) => holders.get(workKey(work)) ?? [])
      .find((id) => id !== located.paper.id && !opts.replaced.has(id));
    // A holder parsed in this run was matched by the id registry already; one the run drops is replaced.
    if (holder === undefined || parsed.has(holder) || (opts.prune && !inRun.has(holder))) continue;
    const kept = filled.get(holder)?.paper ?? reader.getById(holder)?.paper;
    if (!kept) continue;
    const { paper, added } = filledFrom(kept, located.paper);
    if (added.length > 0) {
      // Its own record's fingerprint no longer stands for it: a later run reads that record again, and the id
      // registry merges this record in again (keepFilledIn keeps what it added when this record is not given).
      filled.set(holder, { paper, location: located.location, fingerprint: null });
    }
    merged.add(located);
    const took = added.length > 0 ? `, taking its ${added.join(', ')} from this record` : '';
    input.repairs.push({
      ...located.location,
      field: 'id',
      message: `names the same work as "${holder}", which the index already holds; the two were merged${took}`,
    });
  }
  if (merged.size === 0) return;
  input.papers = input.papers.filter((located) => !merged.has(located));
  // A filled-in paper is stored again: out of the records taken as unchanged, into those to store.
  input.indexed = input.indexed.filter((record) => !filled.has(record.id));
  input.papers.push(...filled.values());
}

/**
 * Papers read again are looked up by id while they are at most this share of the library, else found in one
 * scan of every stored paper's metadata: a lookup costs about 16 scanned papers. At 100k papers the scan took
 * 0.2–0.35 s of CPU (and up to a second to read its pages), the thousand lookups of a 1% re-index 16–24 ms.
 */
const LOOKUP_SHARE = 1 / 16;

/** The stored papers among `reread` that took fields from another record of their work, by id. */
function storedFilledIn(
  db: Db,
  reader: PapersReader,
  reread: readonly LocatedPaper[],
  storedCount: number,
): Map<string, Paper> {
  // A few papers read again are looked up one by one; many, found in one scan of the metadata.
  const ids =
    reread.length <= LOOKUP_SHARE * storedCount
      ? reread.map(({ paper }) => paper.id)
      : (db.prepare(`SELECT id FROM papers WHERE metadata LIKE '%"filledIn"%'`).pluck().all() as string[]);
  const papers = new Map<string, Paper>();
  for (const id of ids) {
    const paper = reader.getById(id)?.paper;
    if (paper && filledIn(paper).length > 0) papers.set(id, paper);
  }
  return papers;
}
