// Zotero's own database (zotero.sqlite in a Zotero data folder): every regular item becomes a record, with
// its collections as tags; trashed items, notes, attachments, annotations and feed items are left out.
// Zotero keeps the file open and locked while it runs, so it is copied (with its -wal or -journal) and the copy read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../core/errors.ts';
import type { InputProblem, RawRecord } from './reader.ts';
import { SKIPPED_ITEM_TYPES, type ZoteroCreator, zoteroItemFields } from './zotero-fields.ts';

/**
 * The Zotero data folder: the one Zotero's profile names (Settings → Advanced → Files and Folders → Data
 * Directory Location, kept in prefs.js as extensions.zotero.dataDir), else "Zotero" in the home folder,
 * Zotero's default on every platform.
 */
export function defaultZoteroFolder(home = os.homedir(), platform: NodeJS.Platform = process.platform): string {
  for (const profiles of profileFolders(home, platform)) {
    let names: string[];
    try {
      names = fs.readdirSync(profiles);
    } catch {
      continue;
    }
    for (const name of names) {
      let prefs: string;
      try {
        prefs = fs.readFileSync(path.join(profiles, name, 'prefs.js'), 'utf8');
      } catch {
        continue;
      }
      const custom = /user_pref\("extensions\.zotero\.useDataDir",\s*true\)/.test(prefs);
      const dir = /user_pref\("extensions\.zotero\.dataDir",\s*"((?:[^"\\]|\\.)*)"\)/.exec(prefs)?.[1];
      if (custom && dir) return dir.replace(/\\(.)/g, '$1');
    }
  }
  return path.join(home, 'Zotero');
}

/** Where Zotero keeps its profiles, by platform. */
function profileFolders(home: string, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') return [path.join(home, 'Library', 'Application Support', 'Zotero', 'Profiles')];
  if (platform === 'win32') {
    const appData = process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
    return [path.join(appData, 'Zotero', 'Zotero', 'Profiles')];
  }
  return [path.join(home, '.zotero', 'zotero')];
}

/**
 * Reads the items of a Zotero library from a data folder or its zotero.sqlite, never writing to either.
 * Each paper's id is "zotero:<item key>" (with the library id for group libraries), stable across runs.
 * @throws AppError UNREADABLE_FILE when there is no Zotero database at `location` or it cannot be read.
 */
export function readZotero(location: string): { records: RawRecord[]; problems: InputProblem[] } {
  const file = zoteroDatabasePath(location);
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'citelens-zotero-'));
  try {
    const copy = path.join(copyDir, 'zotero.sqlite');
    fs.copyFileSync(file, copy);
    // Changes Zotero has committed but not yet written back to the main file live in the -wal file; a
    // -journal file holds the pages a write under way has overwritten, which SQLite puts back on opening the copy.
    for (const suffix of ['-wal', '-journal']) {
      if (fs.existsSync(`${file}${suffix}`)) fs.copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
    }
    let db: Database.Database;
    try {
      db = new Database(copy, { fileMustExist: true });
      db.pragma('query_only = true');
      return { records: readItems(db, file), problems: [] };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'UNREADABLE_FILE',
        `${file} could not be read as a Zotero database: ${(error as Error).message}`,
        { file },
        { cause: error },
      );
    }
  } finally {
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
}

function zoteroDatabasePath(location: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch {
    throw new AppError('UNREADABLE_FILE', `there is no Zotero data folder or database at ${location}`, {
      file: location,
    });
  }
  const file = stat.isDirectory() ? path.join(location, 'zotero.sqlite') : location;
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new AppError('UNREADABLE_FILE', `${location} has no zotero.sqlite; pass a Zotero data folder`, {
      file: location,
    });
  }
  return file;
}

type ItemRow = { itemID: number; key: string; libraryID: number; typeName: string; userLibrary: number };

function readItems(db: Database.Database, file: string): RawRecord[] {
  const fieldTable = tableHasRows(db, 'fields') ? 'fields' : 'fieldsCombined';
  const typeTable = tableHasRows(db, 'itemTypes') ? 'itemTypes' : 'itemTypesCombined';
  const items = db
    .prepare(
      `SELECT i.itemID, i.key, i.libraryID, t.typeName,
              (SELECT COUNT(*) FROM libraries l WHERE l.libraryID = i.libraryID AND l.type = 'user') AS userLibrary
         FROM items i JOIN ${typeTable} t ON t.itemTypeID = i.itemTypeID
        WHERE i.itemID NOT IN (SELECT itemID FROM deletedItems)
          AND i.itemID NOT IN (SELECT itemID FROM feedItems)
        ORDER BY i.itemID`,
    )
    .all() as ItemRow[];
  const fieldsOf = db.prepare(
    `SELECT f.fieldName AS name, v.value AS value
       FROM itemData d JOIN ${fieldTable} f ON f.fieldID = d.fieldID JOIN itemDataValues v ON v.valueID = d.valueID
      WHERE d.itemID = ?`,
  );
  const creatorsOf = db.prepare(
    `SELECT c.firstName, c.lastName, c.fieldMode, t.creatorType
       FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID
       LEFT JOIN creatorTypes t ON t.creatorTypeID = ic.creatorTypeID
      WHERE ic.itemID = ? ORDER BY ic.orderIndex`,
  );
  const tagsOf = db.prepare('SELECT t.name FROM itemTags it JOIN tags t ON t.tagID = it.tagID WHERE it.itemID = ?');
  const collections = new Map<number, { name: string; parent: number | null }>();
  for (const row of db.prepare('SELECT collectionID, collectionName, parentCollectionID FROM collections').all() as {
    collectionID: number;
    collectionName: string;
    parentCollectionID: number | null;
  }[]) {
    collections.set(row.collectionID, { name: row.collectionName, parent: row.parentCollectionID });
  }
  const collectionsOf = db.prepare(
    `SELECT collectionID FROM collectionItems
      WHERE itemID = ? AND collectionID NOT IN (SELECT collectionID FROM deletedCollections)`,
  );

  const records: RawRecord[] = [];
  for (const item of items) {
    if (SKIPPED_ITEM_TYPES.has(item.typeName)) continue;
    const values = new Map<string, string>();
    for (const { name, value } of fieldsOf.all(item.itemID) as { name: string; value: unknown }[]) {
      if (value !== null && value !== undefined && String(value).trim() !== '') values.set(name, String(value));
    }
    const rows = creatorsOf.all(item.itemID) as {
      firstName: string | null;
      lastName: string | null;
      fieldMode: number | null;
      creatorType: string | null;
    }[];
    // Zotero has already told the given name from the family name, or kept a body's name whole (single-field
    // mode): names go on as parts, so "Deutsches Elektronen-Synchrotron, DESY" is never read as "Family, Given".
    const creators: ZoteroCreator[] = rows.map(({ firstName, lastName, fieldMode, creatorType }) => ({
      creatorType: creatorType ?? 'author',
      name: fieldMode === 1 ? { literal: lastName ?? '' } : { firstName: firstName ?? '', lastName: lastName ?? '' },
    }));
    const tags = (tagsOf.all(item.itemID) as { name: string }[]).map((row) => row.name);
    for (const { collectionID } of collectionsOf.all(item.itemID) as { collectionID: number }[]) {
      const collection = collections.get(collectionID);
      if (collection) tags.push(collection.name);
    }
    const fields: Record<string, unknown> = {
      id: item.userLibrary > 0 ? `zotero:${item.key}` : `zotero:${item.libraryID}/${item.key}`,
    };
    for (const [key, value] of Object.entries(zoteroItemFields({ itemType: item.typeName, values, creators, tags }))) {
      fields[key] = value;
      // The item's type and key follow its tags, where this reader has always put them: metadata in the same order
      // gives a paper the same content hash, so that upgrading re-embeds no item that did not change.
      if (key === 'tags') Object.assign(fields, { entryType: item.typeName, zoteroKey: item.key });
    }
    records.push({ fields, location: { file, line: null, record: records.length + 1 } });
  }
  return records;
}

function tableHasRows(db: Database.Database, table: string): boolean {
  try {
    return db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  } catch {
    return false;
  }
}
