// Zotero items written as JSON or JSON Lines: the web API's answers (each item wrapped as {key, version, library,
// links, meta, data}, or with "csljson" in place of "data" when asked for CSL JSON alone) and bare items as Better
// BibTeX's JSON export and the API's "data" objects hold them (told from a user's own record with an "itemType" by
// Zotero's creators). Each is read by the mapping the Zotero database reader uses (zotero-fields.ts), a CSL item by
// the CSL-JSON reader's; notes, attachments, annotations and trashed items hold no work of their own and are passed over.
import { FIELD_ALIASES } from '../paper.schema.ts';
import { SKIPPED_ITEM_TYPES, type ZoteroCreator, zoteroItemFields } from './zotero-fields.ts';
import { WORK_ITEM_TYPES } from './zotero-item-types.ts';

type Fields = Record<string, unknown>;

/** Zotero's item types (its schema, Zotero 7), by which a bare item is told from a record that has an "itemType" too. */
const ITEM_TYPES: ReadonlySet<string> = new Set([...WORK_ITEM_TYPES, 'annotation', 'attachment', 'note']);

/** Keys read into the record's own fields, not carried over as they are. */
const CONSUMED = new Set(['creators', 'tags', 'extra']);
/**
 * Paper fields a user's own record may name beside Zotero's: its value is kept, and the Zotero fields it would be read
 * from stay metadata.
 */
const OWN_FIELDS = ['abstract', 'authors', 'editors', 'year', 'venue', 'doi', 'arxivId'];
/**
 * A paper field's names (as JSON records give them, compared case-insensitively), but an id's: a record that names
 * one beside a Zotero item it wraps is the user's own, read as plain JSON. The API's answers name none of them.
 */
const PAPER_FIELD_NAMES = new Set(
  Object.entries(FIELD_ALIASES).flatMap(([field, names]) =>
    field === 'id' ? [] : names.map((name) => name.toLowerCase()),
  ),
);
/** Keys only Zotero writes on a note, an attachment or an annotation: its text, its file, its parent, its kind. */
const CHILD_ITEM_KEYS = ['note', 'linkMode', 'parentItem', 'annotationType'];

const isObject = (value: unknown): value is Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Why a Zotero item holding no work of its own was passed over. */
export type PassedOverReason = 'note' | 'attachment' | 'annotation' | 'trashed';

/**
 * A Zotero item in JSON: its record fields (CSL-JSON's fields when `csl`, for the caller to repair as CSL-JSON's are:
 * csl-fields.ts), or, for an item that holds no work, why it was passed over.
 */
export type ZoteroJsonItem = { fields: Fields; csl?: true } | { skipped: PassedOverReason };

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
 * Whether a value is an item as the web API answers with it when asked for CSL JSON alone (include=csljson): its key
 * and version (or library) beside the item as CSL JSON under "csljson", and no "data" (with "data" too, that is read).
 */
export function isZoteroApiCslItem(value: unknown): value is Fields & { key: string; csljson: Fields } {
  return (
    isObject(value) &&
    typeof value.key === 'string' &&
    (typeof value.version === 'number' || isObject(value.library)) &&
    isObject(value.csljson) &&
    !isObject(value.data)
  );
}

/**
 * Whether a record is a bare Zotero item (Better BibTeX's JSON, the API's "data"): one of Zotero's item types, with
 * its people as Zotero's creators (objects, not names); a note, attachment or annotation only with a key Zotero
 * alone writes on one. A user's own record with an "itemType" and names or nothing under "creators" is no item.
 */
function isBareZoteroItem(fields: Fields): boolean {
  if (typeof fields.itemType !== 'string' || !ITEM_TYPES.has(fields.itemType)) return false;
  if (SKIPPED_ITEM_TYPES.has(fields.itemType)) {
    // Zotero's notes and annotations have no title, and none of its items "authors": a record naming them is a user's.
    const titled = fields.itemType !== 'attachment' && Object.hasOwn(fields, 'title');
    if (titled || Object.hasOwn(fields, 'authors')) return false;
    return CHILD_ITEM_KEYS.some((key) => Object.hasOwn(fields, key));
  }
  return Array.isArray(fields.creators) && fields.creators.every(isObject);
}

/**
 * A JSON record read as a Zotero item, or undefined when it is none. An API item is known as "zotero:<key>" (as
 * the Zotero database reader names it), or "zotero:groups/<group id>/<key>" in a group library, whether it holds its
 * "data" or only its "csljson" (whose own "id", a Zotero URI or "<library id>/<key>", is set aside), and so is an API
 * item's "data" alone (its key beside its version, as pyzotero gives it); Better BibTeX's item keeps the id its own
 * keys give it (its citationKey). A user's own record wrapping an API item that names a paper field of its own
 * (a title, tags, a journal: any but an id) is read as plain JSON, as any record of the user's is; one naming only
 * its own "id" is the item under that id. An include=csljson answer's attachment (its links name an enclosure, its
 * file) or child note (its links name only its parent, "up") is passed over; a standalone note is read.
 */
export function fromZoteroJson(record: Fields): ZoteroJsonItem | undefined {
  const api = isZoteroApiItem(record) || isZoteroApiCslItem(record);
  if (api && namesPaperField(record)) return undefined;
  if (isZoteroApiItem(record)) {
    const meta = isObject(record.meta) ? record.meta : {};
    const parsedDate = typeof meta.parsedDate === 'string' ? meta.parsedDate : '';
    return keyed(fromItem(record.data), ownIdOf(record) ?? apiItemId(record), record.key, parsedDate);
  }
  if (isZoteroApiCslItem(record)) {
    const links = isObject(record.links) ? record.links : {};
    if (isObject(links.enclosure)) return { skipped: 'attachment' };
    if (isObject(links.up)) return { skipped: 'note' };
    const csl = { ...record.csljson };
    delete csl.id;
    return { fields: { id: ownIdOf(record) ?? apiItemId(record), ...csl, zoteroKey: record.key }, csl: true };
  }
  if (!isBareZoteroItem(record)) return undefined;
  const read = fromItem(record);
  const apiData = typeof record.key === 'string' && typeof record.version === 'number' && !('id' in record);
  return apiData ? keyed(read, `zotero:${record.key}`, record.key as string, '') : read;
}

/** Whether a record wrapping a Zotero item names a paper field beside it with a value (null or blank text is none). */
function namesPaperField(record: Fields): boolean {
  return Object.entries(record).some(([key, value]) => PAPER_FIELD_NAMES.has(key.toLowerCase()) && !isBlank(value));
}

/** The id a user's own record wrapping a Zotero item names for it ("" or null names none). */
function ownIdOf(record: Fields): unknown {
  return isBlank(record.id) ? undefined : record.id;
}

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The id of an item the web API answered with: "zotero:<key>", or "zotero:groups/<group id>/<key>". */
function apiItemId(record: Fields & { key: string }): string {
  const library = isObject(record.library) ? record.library : {};
  const group = library.type === 'group' && ['string', 'number'].includes(typeof library.id) ? library.id : null;
  return group === null ? `zotero:${record.key}` : `zotero:groups/${group}/${record.key}`;
}

/**
 * An item read under `id` (the API's for it, or its wrapping record's own), its key kept as zoteroKey, the year the
 * API parsed given when none is.
 */
function keyed(read: ZoteroJsonItem, id: unknown, key: string, parsedDate: string): ZoteroJsonItem {
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
  if (SKIPPED_ITEM_TYPES.has(itemType)) return { skipped: itemType as PassedOverReason };
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

/** How many positions a notice names before it only counts the rest. */
export const NAMED_POSITIONS = 10;

/** What a Zotero item passed over is, by why it was: one, and several. */
const PASSED_OVER: Record<PassedOverReason, readonly [one: string, several: string]> = {
  note: ['note', 'notes'],
  attachment: ['attachment', 'attachments'],
  annotation: ['annotation', 'annotations'],
  trashed: ['item in the trash', 'items in the trash'],
};

/**
 * Says how many Zotero items of `file` were passed over as holding no paper (notes, attachments, trashed items), what
 * they are and where: the entries of a JSON array (numbered from 1 as records are), or the lines of a JSON Lines file.
 */
export function passedOverNotice(
  file: string,
  items: readonly { reason: PassedOverReason; at: number }[],
  where: 'entries' | 'lines',
): string {
  const counts = new Map<PassedOverReason, number>();
  for (const { reason } of items) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, count]) => `${count} ${PASSED_OVER[reason][count === 1 ? 0 : 1]}`);
  const what =
    items.length === 1
      ? '1 Zotero item holding no paper of its own was'
      : `${items.length} Zotero items holding no paper of their own were`;
  const named = items
    .slice(0, NAMED_POSITIONS)
    .map(({ at }) => at)
    .join(', ');
  const more = items.length > NAMED_POSITIONS ? ` and ${items.length - NAMED_POSITIONS} more` : '';
  const which =
    where === 'lines'
      ? `${items.length === 1 ? 'line' : 'lines'} ${named}${more}`
      : `${items.length === 1 ? 'entry' : 'entries'} ${named}${more}, counted from 1 as records are`;
  return `${file}: ${what} passed over (${parts.join(', ')}; ${which})`;
}
