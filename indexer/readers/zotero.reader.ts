// Zotero's own database (zotero.sqlite in a Zotero data folder): every regular item becomes a record, with
// its collections as tags; trashed items, notes, attachments, annotations and feed items are left out.
// Zotero keeps the file open and locked while it runs, so it is copied (with its -wal or -journal) and the copy read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../core/errors.ts';
import { arxivIdInText } from './arxiv-ids.ts';
import type { InputProblem, RawRecord } from './reader.ts';
import { appearsInside } from './record-kind.ts';
import { citationKeyInExtra, nameOf } from './values.ts';

const SKIPPED_TYPES = new Set(['note', 'attachment', 'annotation']);
/**
 * Where an item appeared, by Zotero's field for each item type: a journal, proceedings or book, an encyclopedia
 * (the Stanford Encyclopedia of Philosophy), a blog, the meeting a talk was given at, else who published it (only
 * for an item type that appears inside nothing else: a conference paper's publisher is no venue, record-kind.ts).
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
  ...VENUE_FIELDS,
]);

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
    if (SKIPPED_TYPES.has(item.typeName)) continue;
    const values = new Map<string, string>();
    for (const { name, value } of fieldsOf.all(item.itemID) as { name: string; value: unknown }[]) {
      if (value !== null && value !== undefined && String(value).trim() !== '') values.set(name, String(value));
    }
    const creators = creatorsOf.all(item.itemID) as {
      firstName: string | null;
      lastName: string | null;
      fieldMode: number | null;
      creatorType: string | null;
    }[];
    // Zotero has already told the given name from the family name, or kept a body's name whole (single-field
    // mode): names go on as parts, so "Deutsches Elektronen-Synchrotron, DESY" is never read as "Family, Given".
    const parts = ({ firstName, lastName, fieldMode }: (typeof creators)[number]) =>
      fieldMode === 1 ? { literal: lastName ?? '' } : { firstName: firstName ?? '', lastName: lastName ?? '' };
    const written = creators.filter((creator) => PRIMARY_CREATOR_TYPES.has(creator.creatorType ?? 'author'));
    // An edited book names its editors where a paper names its authors, as citation styles do.
    const edited = written.length === 0 ? creators.filter((creator) => creator.creatorType === 'editor') : [];
    const authors = [...written, ...edited].map(parts);
    // Editors are named as authors are ("Martin Luther, Jr." + "King" → "Martin Luther King Jr.").
    const editors = creators
      .filter((creator) => creator.creatorType === 'editor')
      .map((creator) => nameOf(parts(creator)) ?? '')
      .filter((name) => name !== '');
    const tags = (tagsOf.all(item.itemID) as { name: string }[]).map((row) => row.name);
    for (const { collectionID } of collectionsOf.all(item.itemID) as { collectionID: number }[]) {
      const collection = collections.get(collectionID);
      if (collection) tags.push(collection.name);
    }

    const extra = values.get('extra') ?? '';
    // A conference paper's or a chapter's publisher (ACM, Springer) is not where it appeared: it stays metadata.
    const inside = appearsInside(item.typeName);
    const venueFields = inside ? VENUE_FIELDS.filter((field) => field !== 'publisher') : VENUE_FIELDS;
    const arxiv = arxivIdInText(values.get('archiveID') ?? '') ?? arxivIdInText(extra);
    const fields: Record<string, unknown> = {
      id: item.userLibrary > 0 ? `zotero:${item.key}` : `zotero:${item.libraryID}/${item.key}`,
      // An item saved with only its short title ("BERT") is known by it.
      title: firstOf(values, TITLE_FIELDS),
      abstract: values.get('abstractNote'),
      authors,
      year: zoteroYear(firstOf(values, DATE_FIELDS)),
      venue: firstOf(values, venueFields),
      doi: values.get('DOI') ?? EXTRA_DOI.exec(extra)?.[1],
      url: values.get('url'),
      arxivId: arxiv,
      // As Zotero's own API writes them: a tag (or collection) is one tag, even when its name holds a ";".
      tags: tags.map((tag) => ({ tag })),
      entryType: item.typeName,
      zoteroKey: item.key,
      // The key a draft cites it by ("[@lin2026sinks]", "\\cite{lin2026sinks}"), from Zotero 7's field or Extra.
      citationKey: values.get('citationKey') ?? citationKeyInExtra(extra),
    };
    if (editors.length > 0) fields.editors = editors;
    for (const [field, value] of values) {
      if (!MAPPED.has(field) || (inside && field === 'publisher')) fields[field] = value;
    }
    for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
    records.push({ fields, location: { file, line: null, record: records.length + 1 } });
  }
  return records;
}

/** The value of the first of `fields` the item has. */
function firstOf(values: ReadonlyMap<string, string>, fields: readonly string[]): string | undefined {
  return fields.map((field) => values.get(field)).find((value) => value !== undefined);
}

function tableHasRows(db: Database.Database, table: string): boolean {
  try {
    return db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  } catch {
    return false;
  }
}

/** Zotero stores a date as "YYYY-MM-DD <as typed>", with "0000" for a part it could not read. */
function zoteroYear(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const parsed = /^(\d{4})-\d{2}-\d{2}(?:\s+(.*))?$/.exec(date);
  if (!parsed) return date;
  return parsed[1] !== '0000' ? parsed[1] : parsed[2];
}
