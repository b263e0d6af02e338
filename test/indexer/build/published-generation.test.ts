import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeGeneration } from '../../../indexer/build/generation-writer.ts';
import { openPrevious } from '../../../indexer/build/published-generation.ts';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { readManifest, writeManifest } from '../../../indexer/store/manifest.repo.ts';
import { type ChildLock, lockDatabaseInChild } from '../../support/system-failures.ts';
import { tempDir } from '../../support/temp-dir.ts';

const manifest = (generation: number, papers: number) => ({
  generation,
  builtAt: '2026-01-01T00:00:00.000Z',
  embedder: { kind: 'builtin' as const, model: 'm', revision: 'r', dimensions: 2, queryPrefix: '' },
  papers,
  passages: 0,
  nextDoc: 1,
  nextPid: 1,
  fittedOnPapers: 0,
  hnsw: { m: 16, efConstruction: 100 },
  files: { passages: 0, papers: 0 },
});

/** An index folder with generation 1 published (its manifest only), and its database file. */
async function oneGeneration(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
    writeManifest(db, manifest(generation, 1)),
  );
  return { dir, db: path.join(currentGeneration(dir)!.dir, 'index.db') };
}

/** Publishes the next generation of `dir`, its manifest counting `papers`. */
function update(
  dir: string,
  papers: number,
  options: { lockWaitMs?: number; onNotice?: (message: string) => void } = {},
) {
  return writeGeneration(dir, { fresh: false, ...options }, async (draft) =>
    writeManifest(draft.db, manifest(draft.generation, papers)),
  );
}

/** Writes the manifest of the database `file` from another process, never waiting for a lock. */
function writeInChild(file: string): void {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const Database = require(${JSON.stringify(sqlite)});
const db = new Database(${JSON.stringify(file)}, { timeout: 0 });
db.prepare("INSERT OR REPLACE INTO manifest (key, value) VALUES ('written-by', 'another process')").run();
db.close();`;
  execFileSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
}

let locks: ChildLock[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(locks.map((lock) => lock.release()));
  locks = [];
});

describe('published-generation', () => {
  it("waits for another process's lock on the published database, then updates the index", async () => {
    const { dir, db } = await oneGeneration();
    const lock = await lockDatabaseInChild(db);
    locks.push(lock);
    const started = Date.now();
    setTimeout(() => void lock.release(), 700);
    await update(dir, 2);
    // It waited for the lock (it gave up within 100 ms before) and the update went through.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(currentGeneration(dir)?.generation).toBe(2);
  });

  it('fails with INDEX_BUSY naming the process that holds the lock once the wait is over, and changes nothing', async () => {
    const { dir, db } = await oneGeneration();
    const lock = await lockDatabaseInChild(db);
    locks.push(lock);
    const started = Date.now();
    const notices: string[] = [];
    const failed = await update(dir, 2, { lockWaitMs: 800, onNotice: (message) => notices.push(message) }).catch(
      (error: unknown) => error,
    );
    // Said once, as the wait begins, so a person at the terminal knows why nothing moves.
    expect(notices).toEqual([`Another process holds a lock on ${db}; waiting up to 0.8 s for it to let go.`]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    expect(failed).toMatchObject({
      code: 'INDEX_BUSY',
      message: expect.stringContaining(`was locked by another connection for the 0.8 s the run waits (SQLITE_BUSY)`),
    });
    // What holds it, where the system says (Linux): the process and its program.
    if (fs.existsSync('/proc/locks')) {
      const program = fs.readFileSync(`/proc/${lock.pid}/comm`, 'utf8').trim();
      expect((failed as Error).message).toContain(`it is held by process ${lock.pid} (${program})`);
    }
    expect((failed as Error).message).toMatch(/Nothing was changed; the published index is as it was\.$/);
    // The previous index is as it was, with no draft left, and the writer's own lock is released.
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001']);
    await lock.release();
    await update(dir, 2);
    expect(currentGeneration(dir)?.generation).toBe(2);
  });

  it('holds a read lock on the published database while the draft is made, and lets it go before the change', async () => {
    const { dir, db } = await oneGeneration();
    let writerLockedOut: unknown;
    await writeGeneration(
      dir,
      {
        fresh: false,
        prepare: async () => {
          const other = new Database(db, { timeout: 0 });
          try {
            other.exec('BEGIN EXCLUSIVE');
            other.exec('ROLLBACK');
          } catch (error) {
            writerLockedOut = error;
          } finally {
            other.close();
          }
        },
      },
      async (draft) => writeManifest(draft.db, manifest(draft.generation, 2)),
    );
    expect(writerLockedOut).toMatchObject({ code: 'SQLITE_BUSY' });
    // Released once the draft was made: another connection writes it now.
    const other = new Database(db, { timeout: 0 });
    other.exec('BEGIN EXCLUSIVE');
    other.exec('ROLLBACK');
    other.close();
  });

  it('fails with INDEX_BUSY when another process writes the published database after the copy, and changes nothing', async () => {
    const { dir, db } = await oneGeneration();
    const copyFile = fs.promises.copyFile;
    let childWrote = false;
    // Copying the file opens and closes it, which lets this process's read lock go: the child's write goes through.
    vi.spyOn(fs.promises, 'copyFile').mockImplementation(async (...args: Parameters<typeof copyFile>) => {
      await copyFile(...args);
      if (args[0] === db) {
        writeInChild(db);
        childWrote = true;
      }
    });
    const failed = await update(dir, 2).catch((error: unknown) => error);
    expect(childWrote).toBe(true);
    expect(failed).toMatchObject({
      code: 'INDEX_BUSY',
      message: expect.stringContaining(`another process wrote its database ${db} while the run read it`),
    });
    expect((failed as Error).message).toContain('changed while it was read');
    // The published generation keeps the other process's write, and no draft (which lacks it) was published.
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001']);
    const reader = new Database(db, { readonly: true });
    expect(reader.prepare("SELECT value FROM manifest WHERE key = 'written-by'").pluck().get()).toBe('another process');
    reader.close();
    vi.restoreAllMocks();
    await update(dir, 2);
    expect(currentGeneration(dir)?.generation).toBe(2);
  });

  it('fails with INDEX_BUSY when another process writes the published database before the copy tried again on a full disk', async () => {
    const { dir, db: first } = await oneGeneration();
    await update(dir, 2);
    const db = path.join(currentGeneration(dir)!.dir, 'index.db');
    expect(db).not.toBe(first);
    const copyFile = fs.promises.copyFile;
    let tries = 0;
    // The first copy fails as a full disk (closing the file, which lets the read lock go) and the child writes;
    // the copy tried again then holds the child's write, while what the run read before may not.
    vi.spyOn(fs.promises, 'copyFile').mockImplementation(async (...args: Parameters<typeof copyFile>) => {
      if (tries++ > 0) return copyFile(...args);
      await copyFile(...args);
      writeInChild(db);
      throw Object.assign(new Error('ENOSPC: simulated, copyfile'), { code: 'ENOSPC' });
    });
    const failed = await update(dir, 3, { onNotice: () => {} }).catch((error: unknown) => error);
    expect(tries).toBe(2);
    expect(failed).toMatchObject({ code: 'INDEX_BUSY', message: expect.stringContaining('changed while it was read') });
    expect(currentGeneration(dir)?.generation).toBe(2);
  });

  it('reads the manifest of the published generation, and none where there is no index', async () => {
    const { dir } = await oneGeneration();
    const previous = await openPrevious(dir);
    expect(previous).toMatchObject({ generation: 1, manifest: { papers: 1 } });
    expect(readManifest(previous!.db)?.papers).toBe(1);
    previous!.checkUnchanged();
    previous!.release();
    expect(previous!.db.open).toBe(false);
    expect(await openPrevious(tempDir())).toBeUndefined();
  });
});
