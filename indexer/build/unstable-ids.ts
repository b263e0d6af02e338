// Stage 0 of an `index` run, across releases: a paper an earlier version stored under an id this version no
// longer gives it (its record's place in a file, "export-3"; a Semantic Scholar paper id without "s2:"; an arXiv
// id with its version; a Zotero item's bare key for "zotero:<key>") and that this run reads under its new id is
// that paper, not a second one: the new record takes its place.
import type { Paper } from '../paper.schema.ts';
import { filledFrom, filledIn, type LocatedPaper, type PaperFilesRead, positionIdStem } from '../readers/index.ts';
import type { PapersReader } from '../store/papers.repo.ts';
import type { StoredKey } from '../store/papers-writer.repo.ts';

/** Semantic Scholar's paper ids, which an earlier version stored bare for an answer asked for a few fields. */
const BARE_S2_ID = /^[0-9a-f]{40}$/u;
/** An arXiv id with its version, as an earlier version made it from a JSON or CSV arXiv id field. */
const VERSIONED_ARXIV_ID = /^(arxiv:.+?)v\d+$/u;
/**
 * A Zotero item key (eight capital letters and digits), which an earlier version stored as the id of an item read
 * with its key and version (the API's "data" as pyzotero gives it) and this version reads as "zotero:<key>". Zotero
 * itself writes no 0, 1 or O; keys typed by hand in examples ("ABCD1234") do, and are taken too.
 */
const ZOTERO_KEY = /^[0-9A-Z]{8}$/u;
/** An id made from a record's place: "<file name without extension>-<record number>". */
const POSITION_ID = /^(.+)-(\d+)$/u;

/**
 * Lets each new paper of the run (an id the index does not hold) take the place of a stored paper of the same
 * work under an unstable id: one made from a record's place in a file this run reads ("export-3"), or an id
 * whose form this version gives is the new paper's id (a bare Semantic Scholar id "<hex>" for "s2:<hex>", a
 * versioned arXiv id "arxiv:2401.01234v3" for "arxiv:2401.01234", a Zotero item's bare key for "zotero:<key>" where
 * the stored paper was read from that item's data). The same work is the same title (case, accents and punctuation
 * aside) and year, and, but for a renamed id, the same first author's family name when both name one. The new
 * record's id and fields win; it keeps what the stored paper took from other records (metadata filledIn).
 * A stored paper the run reads again keeps its id. Not for --prune, which drops such a paper anyway. Each
 * replacement is listed as a repair naming both ids; the ids replaced are returned, for the run to remove.
 */
export function replaceUnstableIds(
  input: PaperFilesRead,
  stored: ReadonlyMap<string, StoredKey>,
  reader: PapersReader,
): string[] {
  const fresh = input.papers.filter(({ paper }) => !stored.has(paper.id));
  if (fresh.length === 0) return [];
  const inRun = new Set([...input.papers.map(({ paper }) => paper.id), ...input.indexed.map(({ id }) => id)]);
  const stems = new Set([...input.papers, ...input.indexed].map(({ location }) => positionIdStem(location.file)));
  const freshIds = new Set(fresh.map(({ paper }) => paper.id));
  const freshZoteroKeys = new Set(fresh.flatMap(({ paper }) => zoteroKeyOf(paper) ?? []));
  const candidates = new Map<string, Paper[]>();
  for (const id of stored.keys()) {
    const renamed = newIdOf(id);
    const unstable =
      isPositionId(id, stems) || (renamed !== undefined && freshIds.has(renamed)) || freshZoteroKeys.has(id);
    if (inRun.has(id) || !unstable) continue;
    const paper = reader.getById(id)?.paper;
    if (!paper) continue;
    const key = workKey(paper);
    candidates.set(key, [...(candidates.get(key) ?? []), paper]);
  }
  if (candidates.size === 0) return [];
  const replaced: string[] = [];
  for (const located of fresh) {
    const old = candidates
      .get(workKey(located.paper))
      ?.find((paper) => !replaced.includes(paper.id) && isReplacedBy(paper, located, stems));
    if (!old) continue;
    replaced.push(old.id);
    takePlace(input, located, old);
  }
  return replaced;
}

function takePlace(input: PaperFilesRead, located: LocatedPaper, old: Paper): void {
  const carried = filledIn(old);
  const { paper, added } = filledFrom(located.paper, old, new Set(carried));
  located.paper = paper;
  const why = BARE_S2_ID.test(old.id)
    ? 'the bare Semantic Scholar id an earlier version gave it'
    : VERSIONED_ARXIV_ID.test(old.id)
      ? 'the arXiv id with its version an earlier version gave it'
      : isZoteroItemOf(old.id, located.paper)
        ? 'the bare Zotero item key an earlier version gave it'
        : "an earlier version made from the record's place in its file";
  const took = added.length > 0 ? `, keeping the ${added.join(', ')} it took from another record` : '';
  input.repairs.push({
    ...located.location,
    field: 'id',
    message: `is the paper the index holds as "${old.id}" (${why}); it now takes its place as "${located.paper.id}"${took}`,
  });
}

/** Whether an id is one made from a record's place in one of the run's files ("export-3" of export.csv). */
function isPositionId(id: string, stems: ReadonlySet<string>): boolean {
  const stem = POSITION_ID.exec(id)?.[1];
  return stem !== undefined && stems.has(stem);
}

/** The id this version gives the record an earlier version stored as `id`, where that is known from the id. */
function newIdOf(id: string): string | undefined {
  if (BARE_S2_ID.test(id)) return `s2:${id}`;
  return VERSIONED_ARXIV_ID.exec(id)?.[1];
}

/**
 * An id whose new form is known is the paper under that id, whoever its first author: the id is the paper's (a
 * versioned arXiv id's paper would be merged into by its arXiv id anyway, under the old id, every run). A bare
 * Zotero key is the item of that key only where the stored paper was read from a Zotero item's data (the key may be
 * a user's own id, or a Zotero CSV export's Key column) and names the new item's first author among its people. A
 * place-made one ("export-3") is the paper now read at that very place (the same file name and record number) under
 * an id not so made, with the same abstract and first author: an id of that shape may also be one the user wrote,
 * or one this version still makes for a record without id, DOI or arXiv id, and another paper must never take its
 * place.
 */
function isReplacedBy(old: Paper, located: LocatedPaper, stems: ReadonlySet<string>): boolean {
  const { paper, location } = located;
  const renamed = newIdOf(old.id);
  if (renamed !== undefined) return paper.id === renamed;
  if (isZoteroItemOf(old.id, paper)) return wasZoteroData(old) && namesFirstAuthorOf(old, paper);
  const place = `${positionIdStem(location.file)}-${location.record}`;
  return (
    old.id === place &&
    !isPositionId(paper.id, stems) &&
    plain(old.abstract ?? '') === plain(paper.abstract ?? '') &&
    sameFirstAuthor(old, paper)
  );
}

/** The Zotero item key a paper was read with (a Zotero item in JSON keeps it as metadata zoteroKey). */
function zoteroKeyOf(paper: Paper): string | undefined {
  const key = paper.metadata.zoteroKey;
  return typeof key === 'string' && ZOTERO_KEY.test(key) ? key : undefined;
}

/** Whether `paper` is the Zotero item an earlier version stored under its bare key `id`, now "zotero:…/<key>". */
function isZoteroItemOf(id: string, paper: Paper): boolean {
  return (
    zoteroKeyOf(paper) === id &&
    (paper.id === `zotero:${id}` || (paper.id.startsWith('zotero:groups/') && paper.id.endsWith(`/${id}`)))
  );
}

/**
 * Whether a stored paper is a Zotero item's data as an earlier version read it: a record of its own with the item's
 * version (a number) and itemType kept as metadata. A user's record under the same id, or a row of Zotero's CSV
 * export (its "Item Type" column), is not.
 */
function wasZoteroData(old: Paper): boolean {
  return typeof old.metadata.version === 'number' && typeof old.metadata.itemType === 'string';
}

/**
 * Whether the new item's first author is among the people of the stored one, when both name any: an earlier version
 * listed every creator of a Zotero item as an author, in Zotero's order (an editor or contributor may come first).
 */
function namesFirstAuthorOf(old: Paper, paper: Paper): boolean {
  const first = familyName(paper.authors[0] ?? '');
  return first === '' || old.authors.length === 0 || old.authors.some((name) => familyName(name) === first);
}

/** A title without case, accents or punctuation, and the year: what an earlier reading and this one share. */
function workKey(paper: Paper): string {
  return `${plain(paper.title)}\u0000${paper.year ?? ''}`;
}

function sameFirstAuthor(a: Paper, b: Paper): boolean {
  const [first, other] = [familyName(a.authors[0] ?? ''), familyName(b.authors[0] ?? '')];
  return first === '' || other === '' || first === other;
}

/** A name's last word, without case, accents or punctuation: its family name as the papers' "Given Family" give it. */
function familyName(name: string): string {
  return plain(name).split(' ').at(-1) ?? '';
}

function plain(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
