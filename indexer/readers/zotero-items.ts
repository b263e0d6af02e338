// Zotero items written as JSON: the web API's answers (each item wrapped as {key, version, library, links, meta,
// data}) and bare items as Better BibTeX's JSON export and the API's "data" objects hold them (told from a user's
// own record with an "itemType" by Zotero's creators). Each is read by the mapping the Zotero database reader uses
// (zotero-fields.ts); notes, attachments, annotations and trashed items hold no work of their own and are passed over.
import { SKIPPED_ITEM_TYPES, type ZoteroCreator, zoteroItemFields } from './zotero-fields.ts';

type Fields = Record<string, unknown>;

/** Zotero's item types (its schema, Zotero 7), by which a bare item is told from a record that has an "itemType" too. */
const ITEM_TYPES = new Set([
  'annotation',
  'artwork',
  'attachment',
  'audioRecording',
  'bill',
  'blogPost',
  'book',
  'bookSection',
  'case',
  'computerProgram',
  'conferencePaper',
  'dataset',
  'dictionaryEntry',
  'document',
  'email',
  'encyclopediaArticle',
  'film',
  'forumPost',
  'hearing',
  'instantMessage',
  'interview',
  'journalArticle',
  'letter',
  'magazineArticle',
  'manuscript',
  'map',
  'newspaperArticle',
  'note',
  'patent',
  'podcast',
  'preprint',
  'presentation',
  'radioBroadcast',
  'report',
  'standard',
  'statute',
  'thesis',
  'tvBroadcast',
  'videoRecording',
  'webpage',
]);

/** Keys read into the record's own fields, not carried over as they are. */
const CONSUMED = new Set(['creators', 'tags', 'extra']);
/**
 * Paper fields a user's own record may name beside Zotero's: its value is kept, and the Zotero fields it would be read
 * from stay metadata.
 */
const OWN_FIELDS = ['abstract', 'authors', 'editors', 'year', 'venue', 'doi', 'arxivId'];
/** Keys only Zotero writes on a note, an attachment or an annotation: its text, its file, its parent, its kind. */
const CHILD_ITEM_KEYS = ['note', 'linkMode', 'parentItem', 'annotationType'];

const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A Zotero item in JSON: its record fields, or, for an item that holds no work, why it was passed over. */
export type ZoteroJsonItem = { fields: Fields } | { skipped: 'note' | 'attachment' | 'annotation' | 'trashed' };

/**
 * Whether a value is an item as Zotero's web API answers with it: its key and version (or library) beside its
 * editable fields under "data", which name an item type (any: a type newer than this reader's list is read too).
 */
export function isZoteroApiItem(value: unknown): value is Fields & { key: string; data: Fields } {
  return (
    isObject(value) &&
    typeof value.key === 'string' &&
    (typeof value.version === 'number' || isObject(value.library)) &&
    isObject(value.data) &&
    typeof value.data.itemType === 'string'
  );
}

/**
 * Whether a record is a bare Zotero item (Better BibTeX's JSON, the API's "data"): one of Zotero's item types, with
 * its people as Zotero's creators (objects, not names); a note, attachment or annotation only with a key Zotero
 * alone writes on one. A user's own record with an "itemType" and names or nothing under "creators" is no item.
 */
function isBareZoteroItem(fields: Fields): boolean {
  if (typeof fields.itemType !== 'string' || !ITEM_TYPES.has(fields.itemType)) return false;
  if (SKIPPED_ITEM_TYPES.has(fields.itemType)) return CHILD_ITEM_KEYS.some((key) => Object.hasOwn(fields, key));
  return Array.isArray(fields.creators) && fields.creators.every(isObject);
}

/**
 * A JSON record read as a Zotero item, or undefined when it is none. An API item is known as "zotero:<key>" (as
 * the Zotero database reader names it), or "zotero:groups/<group id>/<key>" in a group library, and so is an API
 * item's "data" alone (its key beside its version, as pyzotero gives it); Better BibTeX's item keeps the id its own
 * keys give it (its citationKey).
 */
export function fromZoteroJson(record: Fields): ZoteroJsonItem | undefined {
  if (isZoteroApiItem(record)) {
    const library = isObject(record.library) ? record.library : {};
    const group = library.type === 'group' && ['string', 'number'].includes(typeof library.id) ? library.id : null;
    const meta = isObject(record.meta) ? record.meta : {};
    const id = group === null ? `zotero:${record.key}` : `zotero:groups/${group}/${record.key}`;
    return keyed(fromItem(record.data), id, record.key, typeof meta.parsedDate === 'string' ? meta.parsedDate : '');
  }
  if (!isBareZoteroItem(record)) return undefined;
  const read = fromItem(record);
  const apiData = typeof record.key === 'string' && typeof record.version === 'number' && !('id' in record);
  return apiData ? keyed(read, `zotero:${record.key}`, record.key as string, '') : read;
}

/** An item read under the API's id for it, its key kept as zoteroKey, the year the API parsed given when none is. */
function keyed(read: ZoteroJsonItem, id: string, key: string, parsedDate: string): ZoteroJsonItem {
  if ('skipped' in read) return read;
  const fields = read.fields;
  // The item's key is its id's; under "key" it would be taken for the id itself.
  delete fields.key;
  return {
    fields: {
      id,
      ...fields,
      // A date typed without a four-digit year ("3/1/19") is given parsed in the answer's meta ("2019-03-01").
      ...(parsedDate !== '' && !/\d{4}/.test(String(fields.year ?? '')) ? { year: parsedDate } : {}),
      zoteroKey: key,
    },
  };
}

function fromItem(item: Fields): ZoteroJsonItem {
  const itemType = String(item.itemType);
  if (SKIPPED_ITEM_TYPES.has(itemType)) return { skipped: itemType as 'note' | 'attachment' | 'annotation' };
  // The API marks an item in the trash (answers that include it) with "deleted".
  if (item.deleted === true || item.deleted === 1) return { skipped: 'trashed' };
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === 'string' && value.trim() !== '') values.set(key, value);
  }
  // Better BibTeX's test exports write Extra as a list of its lines.
  const extra = Array.isArray(item.extra) ? item.extra.filter((line) => typeof line === 'string').join('\n') : '';
  if (extra.trim() !== '') values.set('extra', extra);
  // A paper field the record names itself keeps its value; tags not in Zotero's list ("soil; carbon") are the record's.
  const own = new Set(OWN_FIELDS.filter((field) => item[field] !== undefined && item[field] !== null));
  if (item.tags !== undefined && !Array.isArray(item.tags)) own.add('tags');
  const fields = zoteroItemFields(
    { itemType, values, creators: creatorsOf(item.creators), tags: tagsOf(item.tags) },
    own,
  );
  // What is not text (Better BibTeX's attachments and notes, the API's collection keys and relations, a record's own
  // authors or year) stays as it is.
  for (const [key, value] of Object.entries(item)) {
    const consumed = CONSUMED.has(key) && !own.has(key);
    if (typeof value !== 'string' && !consumed && !Object.hasOwn(fields, key)) fields[key] = value;
  }
  return { fields };
}

/** Zotero's creators in JSON: {creatorType, firstName, lastName}, or {creatorType, name} for a name kept whole. */
function creatorsOf(list: unknown): ZoteroCreator[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((creator) => ({
    creatorType: typeof creator.creatorType === 'string' ? creator.creatorType : 'author',
    name:
      typeof creator.name === 'string'
        ? { literal: creator.name }
        : {
            firstName: typeof creator.firstName === 'string' ? creator.firstName : '',
            lastName: typeof creator.lastName === 'string' ? creator.lastName : '',
          },
  }));
}

/** Zotero's tags in JSON: [{tag, type}], or plain names. */
function tagsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((tag) => {
    const name = isObject(tag) ? tag.tag : tag;
    return typeof name === 'string' && name.trim() !== '' ? [name] : [];
  });
}
