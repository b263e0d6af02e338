// Zotero items written as JSON: the web API's answers (each item wrapped as {key, version, library, links, meta,
// data}) and bare items as Better BibTeX's JSON export and the API's "data" objects hold them. Each is read by the
// mapping the Zotero database reader uses (zotero-fields.ts); notes, attachments, annotations and trashed items
// hold no work of their own and are passed over.
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

const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A Zotero item in JSON: its record fields, or, for an item that holds no work, why it was passed over. */
export type ZoteroJsonItem = { fields: Fields } | { skipped: 'note' | 'attachment' | 'annotation' | 'trashed' };

/**
 * Whether a value is an item as Zotero's web API answers with it: its key beside its editable fields under "data",
 * which name one of Zotero's item types.
 */
export function isZoteroApiItem(value: unknown): value is Fields & { key: string; data: Fields } {
  return (
    isObject(value) &&
    typeof value.key === 'string' &&
    isObject(value.data) &&
    typeof value.data.itemType === 'string' &&
    ITEM_TYPES.has(value.data.itemType)
  );
}

/**
 * Whether a record is a bare Zotero item (Better BibTeX's JSON, the API's "data"): one of Zotero's item types, with
 * its people as Zotero's "creators" (a record naming "authors" or "author" instead is read as a plain record).
 */
function isBareZoteroItem(fields: Fields): boolean {
  return (
    typeof fields.itemType === 'string' &&
    ITEM_TYPES.has(fields.itemType) &&
    (Array.isArray(fields.creators) || !('authors' in fields || 'author' in fields))
  );
}

/**
 * A JSON record read as a Zotero item, or undefined when it is none. An API item is known as "zotero:<key>" (as
 * the Zotero database reader names it), or "zotero:groups/<group id>/<key>" in a group library; a bare item keeps
 * the id its own keys give it (Better BibTeX's citationKey, the API's key).
 */
export function fromZoteroJson(record: Fields): ZoteroJsonItem | undefined {
  if (isZoteroApiItem(record)) {
    const read = fromBareItem(record.data);
    if ('skipped' in read) return read;
    const fields = read.fields;
    // The item's key is its id's; under "key" it would be taken for the id itself.
    delete fields.key;
    const library = isObject(record.library) ? record.library : {};
    const group = library.type === 'group' && ['string', 'number'].includes(typeof library.id) ? library.id : null;
    const meta = isObject(record.meta) ? record.meta : {};
    return {
      fields: {
        id: group === null ? `zotero:${record.key}` : `zotero:groups/${group}/${record.key}`,
        ...fields,
        // A date typed without a four-digit year ("3/1/19") is given parsed in the answer's meta ("2019-03-01").
        ...(typeof meta.parsedDate === 'string' && !/\d{4}/.test(String(fields.year ?? ''))
          ? { year: meta.parsedDate }
          : {}),
        zoteroKey: record.key,
      },
    };
  }
  return isBareZoteroItem(record) ? fromBareItem(record) : undefined;
}

function fromBareItem(item: Fields): ZoteroJsonItem {
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
  const fields = zoteroItemFields({ itemType, values, creators: creatorsOf(item.creators), tags: tagsOf(item.tags) });
  // What is not text (Better BibTeX's attachments and notes, the API's collection keys and relations) stays as it is.
  for (const [key, value] of Object.entries(item)) {
    if (typeof value !== 'string' && !CONSUMED.has(key) && !Object.hasOwn(fields, key)) fields[key] = value;
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
