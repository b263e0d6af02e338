// Builds a zotero.sqlite for tests with Zotero's own table definitions, read from ../shared/zotero-schema/
// beside the repository (Zotero's AGPL files are test inputs there, not copied into this repository).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Where Zotero's schema files are kept for tests; tests that need them skip when it is absent. */
export const ZOTERO_SCHEMA_DIR = path.resolve(import.meta.dirname, '../../../../shared/zotero-schema');
export const hasZoteroSchema = fs.existsSync(path.join(ZOTERO_SCHEMA_DIR, 'userdata.sql'));

const ITEM_TYPES = [
  'journalArticle',
  'preprint',
  'conferencePaper',
  'book',
  'note',
  'attachment',
  'bookSection',
  'presentation',
  'computerProgram',
  'encyclopediaArticle',
  'case',
];
const FIELDS = [
  'title',
  'abstractNote',
  'date',
  'DOI',
  'url',
  'publicationTitle',
  'proceedingsTitle',
  'archiveID',
  'extra',
  'volume',
  'shortTitle',
  'bookTitle',
  'meetingName',
  'company',
  'encyclopediaTitle',
  'caseName',
  'dateDecided',
  'publisher',
  'conferenceName',
];
/** Creator types by id: those most items have, then those that stand first for some item types. */
const CREATOR_TYPES = ['author', 'editor', 'presenter', 'programmer', 'contributor'];

/** An item as a test describes it; field names are Zotero's. */
export type ZoteroItem = {
  key: string;
  type: string;
  fields?: Record<string, string>;
  /** People as [first, last]; a plain string is a name kept in one field (fieldMode 1), as for institutions. */
  authors?: ([first: string, last: string] | string)[];
  /** Editors, written as authors are. */
  editors?: ([first: string, last: string] | string)[];
  /** Creators of other types (Zotero's names: "presenter", "programmer", "contributor"), after authors and editors. */
  creators?: { type: string; name: [first: string, last: string] | string }[];
  tags?: string[];
  collections?: string[];
  trashed?: boolean;
};

/** A Zotero library on disk that a test can add to and change, as Zotero would. */
export class ZoteroLibrary {
  readonly db: Database.Database;
  private nextItem = 1;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.db = new Database(path.join(dir, 'zotero.sqlite'));
    for (const file of ['system.sql', 'userdata.sql', 'triggers.sql']) {
      this.db.exec(fs.readFileSync(path.join(ZOTERO_SCHEMA_DIR, file), 'utf8'));
    }
    this.db.prepare("INSERT INTO libraries (libraryID, type, editable, filesEditable) VALUES (1, 'user', 1, 1)").run();
    for (const [index, name] of ITEM_TYPES.entries()) {
      this.db.prepare('INSERT INTO itemTypes (itemTypeID, typeName) VALUES (?, ?)').run(index + 1, name);
      // Zotero fills the "Combined" tables at startup; item data refers to them.
      this.db
        .prepare('INSERT INTO itemTypesCombined (itemTypeID, typeName, display, custom) VALUES (?, ?, 1, 0)')
        .run(index + 1, name);
    }
    for (const [index, name] of FIELDS.entries()) {
      this.db.prepare('INSERT INTO fields (fieldID, fieldName) VALUES (?, ?)').run(index + 1, name);
      this.db.prepare('INSERT INTO fieldsCombined (fieldID, fieldName, custom) VALUES (?, ?, 0)').run(index + 1, name);
    }
    for (const [index, name] of CREATOR_TYPES.entries()) {
      this.db.prepare('INSERT INTO creatorTypes (creatorTypeID, creatorType) VALUES (?, ?)').run(index + 1, name);
    }
  }

  /** Adds a collection (under `parent`, by name) and returns its id. */
  collection(name: string, parent?: string): number {
    const parentId = parent === undefined ? null : this.collectionId(parent);
    const key = `C${name.replace(/\W/g, '').slice(0, 7).toUpperCase().padEnd(7, 'X')}`;
    return Number(
      this.db
        .prepare('INSERT INTO collections (collectionName, parentCollectionID, libraryID, key) VALUES (?, ?, 1, ?)')
        .run(name, parentId, key).lastInsertRowid,
    );
  }

  /** Adds an item with its fields, authors, tags and collections; returns its itemID. */
  add(item: ZoteroItem, parentItemId?: number): number {
    const itemId = this.nextItem++;
    const typeId = ITEM_TYPES.indexOf(item.type) + 1;
    this.db
      .prepare('INSERT INTO items (itemID, itemTypeID, libraryID, key) VALUES (?, ?, 1, ?)')
      .run(itemId, typeId, item.key);
    for (const [name, value] of Object.entries(item.fields ?? {})) this.setField(itemId, name, value);
    const creators = [
      ...(item.authors ?? []).map((person) => ({ person, type: 1 })),
      ...(item.editors ?? []).map((person) => ({ person, type: 2 })),
      ...(item.creators ?? []).map(({ type, name }) => ({ person: name, type: CREATOR_TYPES.indexOf(type) + 1 })),
    ];
    for (const [index, { person: author, type }] of creators.entries()) {
      const [first, last, fieldMode] = typeof author === 'string' ? ['', author, 1] : [...author, 0];
      this.db
        .prepare('INSERT OR IGNORE INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, ?)')
        .run(first, last, fieldMode);
      const creator = this.db
        .prepare('SELECT creatorID FROM creators WHERE firstName = ? AND lastName = ? AND fieldMode = ?')
        .get(first, last, fieldMode) as { creatorID: number };
      this.db
        .prepare('INSERT INTO itemCreators (itemID, creatorID, creatorTypeID, orderIndex) VALUES (?, ?, ?, ?)')
        .run(itemId, creator.creatorID, type, index);
    }
    for (const tag of item.tags ?? []) {
      this.db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(tag);
      const { tagID } = this.db.prepare('SELECT tagID FROM tags WHERE name = ?').get(tag) as { tagID: number };
      this.db.prepare('INSERT INTO itemTags (itemID, tagID, type) VALUES (?, ?, 0)').run(itemId, tagID);
    }
    for (const name of item.collections ?? []) {
      this.db
        .prepare('INSERT INTO collectionItems (collectionID, itemID) VALUES (?, ?)')
        .run(this.collectionId(name), itemId);
    }
    if (item.type === 'note') {
      this.db
        .prepare('INSERT INTO itemNotes (itemID, parentItemID, note, title) VALUES (?, ?, ?, ?)')
        .run(itemId, parentItemId ?? null, '<p>A note</p>', 'A note');
    }
    if (item.type === 'attachment') {
      this.db
        .prepare(
          "INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, 0, 'application/pdf', 'storage:paper.pdf')",
        )
        .run(itemId, parentItemId ?? null);
    }
    if (item.trashed) this.db.prepare('INSERT INTO deletedItems (itemID) VALUES (?)').run(itemId);
    return itemId;
  }

  /** Sets one field of an item, as editing it in Zotero does. */
  setField(itemId: number, name: string, value: string): void {
    this.db.prepare('INSERT OR IGNORE INTO itemDataValues (value) VALUES (?)').run(value);
    const { valueID } = this.db.prepare('SELECT valueID FROM itemDataValues WHERE value = ?').get(value) as {
      valueID: number;
    };
    this.db
      .prepare('INSERT OR REPLACE INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)')
      .run(itemId, FIELDS.indexOf(name) + 1, valueID);
  }

  /** The itemID of the item with `key`. */
  itemId(key: string): number {
    return (this.db.prepare('SELECT itemID FROM items WHERE key = ?').get(key) as { itemID: number }).itemID;
  }

  private collectionId(name: string): number {
    const row = this.db.prepare('SELECT collectionID FROM collections WHERE collectionName = ?').get(name) as
      | { collectionID: number }
      | undefined;
    if (!row) throw new Error(`no collection named ${name}`);
    return row.collectionID;
  }
}
