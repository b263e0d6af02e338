// Opens the index's SQLite database and owns its schema: papers, passages, their vectors,
// the keyword index's postings for BM25, the builtin embedder's state and the manifest.
import Database from 'better-sqlite3';
import { AppError } from '../../core/errors.ts';
import { fillVersionlessArxivIds } from './arxiv-id.ts';
import { POSTINGS_SCHEMA } from './keyword/index.ts';
import { openFailure } from './open-failure.ts';

export type Db = Database.Database;

/** Bumped whenever the tables change shape; an older index is migrated when it is next written. */
export const SCHEMA_VERSION = 4;

/**
 * How an index of each older version becomes the next one, and whether this Citelens can still read it as
 * it is (a migration that only adds what readers do not use keeps it readable until the next re-index).
 */
const MIGRATIONS: Record<number, { sql: string; fill?: (db: Db) => void; readable: boolean }> = {
  2: {
    sql: `ALTER TABLE papers ADD COLUMN fingerprint TEXT;
DROP INDEX IF EXISTS papers_content_hash;
CREATE INDEX papers_change_keys ON papers(id, content_hash, fingerprint);`,
    readable: true,
  },
  // Version 4 looks arXiv ids up by an indexed version-less copy; readers of a version 3 index
  // fall back to the old query (papers.repo.ts).
  3: {
    sql: `ALTER TABLE papers ADD COLUMN arxiv_base TEXT;
CREATE INDEX papers_arxiv_base ON papers(arxiv_base);`,
    fill: fillVersionlessArxivIds,
    readable: true,
  },
};

const SCHEMA = `
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE embedder_state (id INTEGER PRIMARY KEY CHECK (id = 1), state BLOB NOT NULL);
CREATE TABLE papers (
  doc INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  abstract TEXT NOT NULL,
  authors TEXT NOT NULL,
  affiliations TEXT NOT NULL,
  year INTEGER,
  venue TEXT,
  url TEXT,
  doi TEXT,
  arxiv_id TEXT,
  -- arxiv_id without its version and prefix, lowercased ("2401.01234v2" → "2401.01234"): what lookups use.
  arxiv_base TEXT,
  tags TEXT NOT NULL,
  metadata TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  vector BLOB NOT NULL,
  -- The fingerprint of the source record's bytes (JSON Lines), or NULL: see readers/jsonl.reader.ts.
  fingerprint TEXT
);
-- Covers the scan every re-index starts with, which would otherwise read every row's text and vector.
CREATE INDEX papers_change_keys ON papers(id, content_hash, fingerprint);
CREATE INDEX papers_year ON papers(year);
CREATE INDEX papers_doi ON papers(lower(doi));
CREATE INDEX papers_arxiv ON papers(arxiv_id);
CREATE INDEX papers_arxiv_base ON papers(arxiv_base);
CREATE TABLE paper_authors (doc INTEGER NOT NULL, author TEXT NOT NULL);
CREATE INDEX paper_authors_doc ON paper_authors(doc);
CREATE TABLE paper_tags (doc INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX paper_tags_tag ON paper_tags(tag);
CREATE INDEX paper_tags_doc ON paper_tags(doc);
CREATE TABLE passages (
  pid INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  field TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  vector BLOB NOT NULL
);
CREATE INDEX passages_doc ON passages(doc);
${POSTINGS_SCHEMA}
`;

/** Creates a new, empty index database at `file` (which must not exist). */
export function createDatabase(file: string): Db {
  const db = new Database(file);
  tuneForBulkWrites(db);
  db.exec(SCHEMA);
  db.prepare('INSERT INTO manifest (key, value) VALUES (?, ?)').run('schemaVersion', String(SCHEMA_VERSION));
  return db;
}

/** Opens an existing index database for writing (a copy being built), migrating it to the current schema. */
export function openDatabaseForWrite(file: string): Db {
  const db = openChecked(file, false);
  tuneForBulkWrites(db);
  for (let version = schemaVersionOf(db); version < SCHEMA_VERSION; version++) {
    const migration = MIGRATIONS[version]!;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.fill?.(db);
      db.prepare("UPDATE manifest SET value = ? WHERE key = 'schemaVersion'").run(String(version + 1));
    })();
  }
  return db;
}

/** The schema version an open index database records. */
export function schemaVersionOf(db: Db): number {
  return Number(db.prepare("SELECT value FROM manifest WHERE key = 'schemaVersion'").pluck().get());
}

/**
 * Opens a published index database read-only. `busyTimeoutMs` replaces how long it waits on another
 * connection's lock, opening and querying (BUSY_TIMEOUT_MS): 0 for a caller that waits off the main thread.
 */
export function openDatabaseForRead(file: string, options: { busyTimeoutMs?: number } = {}): Db {
  const db = openChecked(file, true, options.busyTimeoutMs);
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  return db;
}

// The copy being built is thrown away if the run dies, so it needs no journal; it is synced before it is published.
function tuneForBulkWrites(db: Db): void {
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
  // Re-index reads the posting lists it rewrites; mapped reads skip a copy per page.
  db.pragma('mmap_size = 1073741824');
}

// How long a connection waits on another connection's lock (SQLite's busy timeout), blocking the main
// thread, for better-sqlite3 is synchronous. Citelens never writes a published generation (a run
// writes a copy), so a reader waits only on an outside process. The index is in rollback mode
// (journal_mode DELETE): a reader waits only while another connection holds the PENDING or EXCLUSIVE
// lock (a sqlite3 shell's BEGIN EXCLUSIVE, or any writer's commit, which lasts milliseconds). In WAL
// mode it would not wait on writers at all, only on a connection in exclusive locking mode or on
// recovery after a crash. SQLite's 5 s froze the whole server, on every query (and every watch tick's
// reload) while a sqlite3 shell held the lock: a read-only connection gives up soon with SQLITE_BUSY,
// which a request reports as INDEX_BUSY and a watcher tries again later. The writer, on its own copy,
// keeps SQLite's 5 s; an update reading the published generation waits for a lock off the main thread
// (indexer/build/published-generation.ts).
const BUSY_TIMEOUT_MS = {
  /** A read-only open (a server's load or reload, on its main thread). */
  readOpen: 100,
  /** Each query on a read-only connection (one request's). */
  readQuery: 250,
  /** A connection writing the copy being built, opening and querying. */
  write: 5_000,
} as const;

function openChecked(file: string, readonly: boolean, busyTimeoutMs?: number): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, {
      readonly,
      fileMustExist: true,
      timeout: busyTimeoutMs ?? (readonly ? BUSY_TIMEOUT_MS.readOpen : BUSY_TIMEOUT_MS.write),
    });
    const version = schemaVersionOf(db);
    const migration = MIGRATIONS[version];
    const usable = version === SCHEMA_VERSION || (migration !== undefined && (!readonly || migration.readable));
    if (!usable) {
      db.close();
      throw new AppError(
        'INDEX_CORRUPT',
        `The index database ${file} has schema version ${Number.isNaN(version) ? 'unknown' : version}; this Citelens reads version ${SCHEMA_VERSION}` +
          `${version < SCHEMA_VERSION ? ' (rebuild it with `citelens index --rebuild`)' : ''}.`,
      );
    }
  } catch (error) {
    // Opened but not readable (locked, say): closed, or each failed open would hold a file handle.
    if (db?.open) db.close();
    // Damage is INDEX_CORRUPT; permissions, file handles, a lock or a missing file say so instead.
    throw openFailure(error, file);
  }
  db.pragma(`busy_timeout = ${busyTimeoutMs ?? (readonly ? BUSY_TIMEOUT_MS.readQuery : BUSY_TIMEOUT_MS.write)}`);
  return db;
}
