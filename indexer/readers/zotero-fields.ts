// A Zotero item's fields as a record's: one mapping of Zotero's field names (its title, date and venue fields for
// each item type, its creator types, Extra's DOI and citation key) for its database, its web API and Better BibTeX.
import { arxivIdInText } from './arxiv-ids.ts';
import { appearsInside } from './record-kind.ts';
import { citationKeyInExtra, nameOf } from './values.ts';

/** Item types that hold no work of their own: a note, a file, a highlight in a file. */
export const SKIPPED_ITEM_TYPES: ReadonlySet<string> = new Set(['note', 'attachment', 'annotation']);

/**
 * Where an item appeared, by Zotero's field for each item type: a journal, proceedings or book, the conference a
 * paper without proceedings was given at, an encyclopedia (the Stanford Encyclopedia of Philosophy), a blog, the
 * meeting a talk was given at, the repository a preprint is in ("arXiv"), else who published it (only for an item type
 * that appears inside nothing else: a conference paper's publisher is no venue, record-kind.ts), a thesis's university.
 */
const VENUE_FIELDS = [
  'publicationTitle',
  'proceedingsTitle',
  'bookTitle',
  'conferenceName',
  'encyclopediaTitle',
  'dictionaryTitle',
  'meetingName',
  'blogTitle',
  'forumTitle',
  'programTitle',
  'websiteTitle',
  'repository',
  'publisher',
  'university',
  'institution',
  'company',
];
/** Zotero keeps a title and a date under the item type's own field for cases, statutes, patents and e-mails. */
const TITLE_FIELDS = ['title', 'caseName', 'nameOfAct', 'subject', 'shortTitle'];
const DATE_FIELDS = ['date', 'issueDate', 'dateDecided', 'dateEnacted'];
/**
 * The creator types that stand first for an item type, as "author" does for most: a talk's presenters, a
 * program's programmers, a patent's inventors, a map's cartographers… Zotero exports each as the item's authors.
 */
const PRIMARY_CREATOR_TYPES = new Set([
  'author',
  'presenter',
  'programmer',
  'inventor',
  'artist',
  'director',
  'interviewee',
  'cartographer',
  'podcaster',
  'performer',
  'sponsor',
]);
const EXTRA_DOI = /^\s*DOI:\s*(\S+)\s*$/im;
/** Fields that become paper fields; every other field (a short title beside the title too) is kept in metadata. */
const MAPPED = new Set([
  'abstractNote',
  'DOI',
  'url',
  'archiveID',
  ...TITLE_FIELDS.filter((field) => field !== 'shortTitle'),
  ...DATE_FIELDS,
]);
/**
 * The Zotero fields a paper field is read from, which stay metadata when the record names that paper field itself (a
 * user's own JSON record: its "year" beside Zotero's "date").
 */
const SOURCES: Readonly<Record<string, readonly string[]>> = {
  abstract: ['abstractNote'],
  year: DATE_FIELDS,
  doi: ['DOI'],
  arxivId: ['archiveID'],
};

/**
 * A creator as Zotero holds it: its type ("author", "editor") and its name, split into given and family names or,
 * for a body kept in one field, whole.
 */
export type ZoteroCreator = {
  creatorType: string;
  name: { firstName: string; lastName: string } | { literal: string };
};

/** A Zotero item: its type, its fields by Zotero's names (blank ones left out), its creators in order, its tags. */
export type ZoteroItem = {
  itemType: string;
  values: ReadonlyMap<string, string>;
  creators: readonly ZoteroCreator[];
  tags: readonly string[];
};

/**
 * A Zotero item's record fields: its title, abstract, authors (the creators its type names first, else its
 * editors), year, venue (the first of VENUE_FIELDS it has; never a contained kind's publisher), DOI and arXiv id
 * (from their fields or Extra), tags, the citation key a draft cites it by (Zotero 7's field, or Better BibTeX's line
 * in Extra), and every other field under its own name, the venue fields not taken and an Archive ID that is no arXiv
 * id ("SSRN 3456789") among them. The id is the caller's. A paper field in `own` (one a JSON record names itself:
 * "venue", "year") is left to the record's own value, and the Zotero fields it would be read from stay metadata.
 */
export function zoteroItemFields(item: ZoteroItem, own: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const { values, creators } = item;
  const extra = values.get('extra') ?? '';
  const inside = appearsInside(item.itemType);
  const venueField = own.has('venue')
    ? undefined
    : VENUE_FIELDS.find((field) => values.has(field) && !(inside && field === 'publisher'));
  const archiveArxiv = arxivIdInText(values.get('archiveID') ?? '');
  const written = creators.filter((creator) => PRIMARY_CREATOR_TYPES.has(creator.creatorType));
  // An edited book names its editors where a paper names its authors, as citation styles do.
  const edited = written.length === 0 ? creators.filter((creator) => creator.creatorType === 'editor') : [];
  // Editors are named as authors are ("Martin Luther, Jr." + "King" → "Martin Luther King Jr.").
  const editors = creators
    .filter((creator) => creator.creatorType === 'editor')
    .map((creator) => nameOf(creator.name) ?? '')
    .filter((name) => name !== '');
  const unless = <T>(field: string, value: T): T | undefined => (own.has(field) ? undefined : value);
  const fields: Record<string, unknown> = {
    // An item saved with only its short title ("BERT") is known by it.
    title: firstOf(values, TITLE_FIELDS),
    abstract: unless('abstract', values.get('abstractNote')),
    authors: unless(
      'authors',
      [...written, ...edited].map((creator) => creator.name),
    ),
    year: unless('year', zoteroYear(firstOf(values, DATE_FIELDS))),
    venue: venueField === undefined ? undefined : values.get(venueField),
    doi: unless('doi', values.get('DOI') ?? EXTRA_DOI.exec(extra)?.[1]),
    url: values.get('url'),
    arxivId: unless('arxivId', archiveArxiv ?? arxivIdInText(extra)),
    // As Zotero's own API writes them: a tag (or collection) is one tag, even when its name holds a ";".
    tags: unless(
      'tags',
      item.tags.map((tag) => ({ tag })),
    ),
    // The key a draft cites it by ("[@lin2026sinks]", "\\cite{lin2026sinks}"), from Zotero 7's field or Extra.
    citationKey: values.get('citationKey') ?? citationKeyInExtra(extra),
  };
  if (editors.length > 0 && !own.has('editors')) fields.editors = editors;
  const kept = (field: string) =>
    !MAPPED.has(field) ||
    (field === 'archiveID' && archiveArxiv === undefined) ||
    Object.entries(SOURCES).some(([paperField, sources]) => own.has(paperField) && sources.includes(field));
  for (const [field, value] of values) {
    if (kept(field) && field !== venueField && fields[field] === undefined) fields[field] = value;
  }
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields;
}

/** The value of the first of `fields` the item has. */
function firstOf(values: ReadonlyMap<string, string>, fields: readonly string[]): string | undefined {
  return fields.map((field) => values.get(field)).find((value) => value !== undefined);
}

/**
 * The year of a Zotero date: the database stores "YYYY-MM-DD <as typed>", with "0000" for a part it could not read;
 * its JSON gives the date as typed, which is read as any date is.
 */
function zoteroYear(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const parsed = /^(\d{4})-\d{2}-\d{2}(?:\s+(.*))?$/.exec(date);
  if (!parsed) return date;
  return parsed[1] !== '0000' ? parsed[1] : parsed[2];
}
