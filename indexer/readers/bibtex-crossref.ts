// BibTeX's crossref: an entry takes the fields it lacks from the entry its crossref names, wherever that stands
// in the .bib files of one run, and a proceedings or book cross-referenced only to lend its fields is not a paper.
import type { InputProblem } from './reader.ts';

/** An entry as parsed, before its fields become a record's: type and field names are lower case. */
export type BibEntry = {
  type: string;
  key: string;
  fields: Map<string, string>;
  location: { file: string; line: number; record: number };
  repairs: InputProblem[];
};

/** Entry types that hold papers rather than being one: what a crossref of a paper normally names. */
const CONTAINER_TYPES = new Map([
  ['proceedings', 'proceedings'],
  ['mvproceedings', 'multi-volume proceedings'],
  ['book', 'book'],
  ['mvbook', 'multi-volume book'],
  ['collection', 'collection'],
  ['mvcollection', 'multi-volume collection'],
  ['periodical', 'periodical'],
]);

/**
 * Fields an entry never takes from its parent: BibLaTeX's uninherited ones, and those that name or describe the
 * parent as a work of its own (its DOI, link, abstract, keywords), which would make the child that work. The
 * parent's title is given as the child's venue instead (see `inherit`).
 */
const NOT_INHERITED = new Set([
  'crossref',
  'xref',
  'xdata',
  'ids',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
  'title',
  'subtitle',
  'titleaddon',
  'shorttitle',
  'sorttitle',
  'indextitle',
  'indexsorttitle',
  'abstract',
  'doi',
  'url',
  'urldate',
  'eprint',
  'eprinttype',
  'archiveprefix',
  'primaryclass',
  'eprintclass',
  'file',
  'keywords',
  'keyword',
  'mendeley-tags',
  'groups',
  'note',
  'annote',
  'annotation',
  'pmid',
  'pmcid',
]);

/** Fields that say one thing under two names: a child holding either takes neither. */
const SAME_FIELD = [
  ['year', 'date'],
  ['journal', 'journaltitle'],
  ['address', 'location'],
];
/** Where an entry names its venue: a child with none takes its parent's title as its booktitle (journal). */
const VENUE_FIELDS = ['booktitle', 'journal', 'journaltitle'];

/**
 * Gives every entry with a crossref the fields it lacks from the entry named (case-insensitively; the first of
 * that key in the entry's own file, else in the first other file holding one), as BibTeX and biber do, and leaves
 * out each container entry (a @proceedings, @book, …) that is cross-referenced and has no abstract: it lent its
 * fields and is not a paper. `files` holds the entries of each file of one run, in order. Returns each file's
 * entries kept, in order, and its notices, with file and line: one for each entry left out and each crossref to
 * no entry of the run.
 */
export function applyCrossrefs(files: readonly (readonly BibEntry[])[]): { kept: BibEntry[][]; notices: string[][] } {
  const keysOf = files.map((entries) => {
    const byKey = new Map<string, BibEntry>();
    for (const entry of entries) {
      const key = entry.key.toLowerCase();
      if (key !== '' && !byKey.has(key)) byKey.set(key, entry);
    }
    return byKey;
  });
  const fileOf = new Map<BibEntry, number>();
  for (const [index, entries] of files.entries()) for (const entry of entries) fileOf.set(entry, index);
  const find = (entry: BibEntry, key: string) => {
    const own = fileOf.get(entry) ?? 0;
    return keysOf[own]?.get(key) ?? keysOf.find((byKey, index) => index !== own && byKey.has(key))?.get(key);
  };
  const notices = files.map((): string[] => []);
  const notice = (entry: BibEntry, text: string) => notices[fileOf.get(entry) ?? 0]?.push(text);
  const children = new Map<BibEntry, BibEntry[]>();
  const resolved = new Map<BibEntry, Map<string, string>>();
  // A parent's own crossref (a proceedings in a multi-volume set) is applied first; a cycle stops where it closes.
  const fieldsOf = (entry: BibEntry, path: Set<BibEntry>): Map<string, string> => {
    const done = resolved.get(entry);
    if (done) return done;
    const target = entry.fields.get('crossref')?.trim() ?? '';
    const parent = target === '' ? undefined : find(entry, target.toLowerCase());
    if (target !== '' && parent === undefined) notice(entry, missingParent(entry, target, files.length));
    if (parent === undefined || parent === entry || path.has(parent)) {
      resolved.set(entry, entry.fields);
      return entry.fields;
    }
    const fields = inherit(entry, fieldsOf(parent, new Set([...path, entry])));
    children.set(parent, [...(children.get(parent) ?? []), entry]);
    resolved.set(entry, fields);
    return fields;
  };
  const entries = files.flat();
  for (const entry of entries) fieldsOf(entry, new Set());

  const dropped = new Set(
    entries.filter((entry) => {
      const container = CONTAINER_TYPES.get(entry.type);
      const lent = children.get(entry);
      // A container with an abstract or authors of its own (a textbook its chapters cite) is a work people cite whole.
      const ownWork = ['abstract', 'author'].some((field) => (entry.fields.get(field)?.trim() ?? '') !== '');
      if (lent === undefined || container === undefined || ownWork) return false;
      notice(entry, leftOut(entry, container, lent));
      return true;
    }),
  );
  // What was repaired in a left-out parent's fields (an undefined @string) is reported with its first kept child.
  const taken = new Map<BibEntry, InputProblem[]>();
  for (const parent of dropped) {
    let heir = children.get(parent)?.[0];
    while (heir !== undefined && dropped.has(heir)) heir = children.get(heir)?.[0];
    if (heir !== undefined) taken.set(heir, [...(taken.get(heir) ?? []), ...parent.repairs]);
  }
  const kept = files.map((fileEntries) =>
    fileEntries
      .filter((entry) => !dropped.has(entry))
      .map((entry) => ({
        ...entry,
        fields: resolved.get(entry) ?? entry.fields,
        repairs: [...entry.repairs, ...(taken.get(entry) ?? [])],
      })),
  );
  return { kept, notices };
}

/** The child's fields with those it lacks taken from its parent's, and the parent's title as its venue. */
function inherit(child: BibEntry, parent: ReadonlyMap<string, string>): Map<string, string> {
  const fields = new Map(child.fields);
  const has = (name: string) => (fields.get(name)?.trim() ?? '') !== '';
  const held = new Set<string>();
  for (const group of SAME_FIELD) if (group.some(has)) for (const name of group) held.add(name);
  for (const [name, value] of parent) {
    if (NOT_INHERITED.has(name) || held.has(name) || has(name)) continue;
    fields.set(name, value);
  }
  const title = parent.get('title');
  if (title === undefined || title.trim() === '') return fields;
  // A volume of a multi-volume set takes the set's title as its main title (BibLaTeX's rule), not as its venue.
  if (CONTAINER_TYPES.has(child.type)) {
    if (!has('maintitle')) fields.set('maintitle', title);
  } else if (!VENUE_FIELDS.some(has)) fields.set(child.type === 'article' ? 'journal' : 'booktitle', title);
  return fields;
}

function where(entry: BibEntry): string {
  return `${entry.location.file}:${entry.location.line} (record ${entry.location.record})`;
}

function missingParent(entry: BibEntry, target: string, files: number): string {
  const place = files > 1 ? `of the ${files} .bib files read` : 'in this file (is it in another .bib file?)';
  return `${where(entry)} crossref: "${target}" names no entry ${place}; the entry is kept without the fields it would take from it`;
}

function leftOut(entry: BibEntry, container: string, lent: readonly BibEntry[]): string {
  const count = lent.length === 1 ? '1 entry cross-references' : `${lent.length} entries cross-reference`;
  const keys = lent
    .slice(0, 3)
    .map((child) => `"${child.key}"`)
    .join(', ');
  const more = lent.length > 3 ? ', …' : '';
  const those = lent.length === 1 ? 'that entry' : 'those entries';
  return `${where(entry)}: "${entry.key}" is the ${container} that ${count} (${keys}${more}); its fields were given to ${those} and it is not indexed as a paper`;
}
