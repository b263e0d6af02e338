import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeGeneration } from '../../../indexer/build/generation-writer.ts';
import { indexPapers, openIndex } from '../../../indexer/index.ts';
import { openDatabaseForRead } from '../../../indexer/store/database.ts';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { writeManifest } from '../../../indexer/store/manifest.repo.ts';
import { damageDatabasePages } from '../../support/damage-index.ts';
import { buildIndex, SAMPLE_PAPERS_FILE } from '../../support/sample-index.ts';
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

function papersIn(generationDir: string): number {
  const text = fs.readFileSync(path.join(generationDir, 'index.db')).toString('latin1');
  const match = /"papers":(\d+)/.exec(text);
  return Number(match![1]);
}

function publishedPapers(indexDir: string): number {
  return papersIn(currentGeneration(indexDir)!.dir);
}

/** Overwrites the page headers of one table's pages only (the other tables, the manifest among them, stay readable). */
function damageTablePages(file: string, table: string): void {
  const db = openDatabaseForRead(file);
  const pages = db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(table) as number[];
  db.close();
  const data = fs.readFileSync(file);
  const pageSize = data.readUInt16BE(16) === 1 ? 65536 : data.readUInt16BE(16);
  for (const page of pages) data.fill(0x5a, (page - 1) * pageSize, (page - 1) * pageSize + 12);
  fs.writeFileSync(file, data);
}

/** An index folder holding generations 1 and 2 (2 published), each with a manifest. */
async function twoGenerations(): Promise<string> {
  const dir = tempDir();
  for (let i = 1; i <= 2; i++) {
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, i)),
    );
  }
  return dir;
}

/** An error as the file system reports one (`code` ENOSPC, EIO…). */
function fsError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall });
}

/**
 * Makes the next `failures` copies of a database fail as a full disk does, after writing part of the
 * copy (as a copy that runs out of room leaves it); later copies run as usual.
 */
function failCopiesWithFullDisk(failures: number): void {
  const copyFile = fs.promises.copyFile;
  let left = failures;
  vi.spyOn(fs.promises, 'copyFile').mockImplementation(async (source, target, mode) => {
    if (left <= 0) return copyFile(source, target, mode);
    left--;
    fs.writeFileSync(target as string, fs.readFileSync(source as string).subarray(0, 512));
    throw fsError('ENOSPC', 'copyfile');
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** An index folder holding generations 1 and 2, the published one (2) with its database overwritten. */
async function twoGenerationsWithTheSecondDamaged(): Promise<string> {
  const dir = tempDir();
  for (let i = 1; i <= 2; i++) {
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, i)),
    );
  }
  fs.writeFileSync(path.join(dir, 'gen-000002', 'index.db'), 'not a database, damaged on disk');
  return dir;
}

describe('generation-writer', () => {
  it('publishes a new generation and points CURRENT at it', async () => {
    const dir = tempDir();
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 1)),
    );
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 2)),
    );
    expect(currentGeneration(dir)?.generation).toBe(2);
    expect(publishedPapers(dir)).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8')).toBe('gen-000002\n');
  });

  it('leaves the previous generation untouched and no leftovers when a change fails', async () => {
    const dir = tempDir();
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 7)),
    );
    await expect(
      writeGeneration(dir, { fresh: false }, async ({ db, generation }) => {
        writeManifest(db, manifest(generation, 99));
        throw new Error('boom');
      }),
    ).rejects.toThrow(/boom/);
    expect(currentGeneration(dir)?.generation).toBe(1);
    expect(publishedPapers(dir)).toBe(7);
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001']);
  });

  it('refuses a second writer while the first holds the lock', async () => {
    const dir = tempDir();
    let inner: Promise<unknown> | undefined;
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) => {
      inner = writeGeneration(dir, { fresh: false }, async () => undefined);
      await expect(inner).rejects.toMatchObject({ code: 'INDEX_LOCKED' });
      writeManifest(db, manifest(generation, 1));
    });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'LOCK'), '999999999');
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 3)),
    );
    expect(publishedPapers(dir)).toBe(3);
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(false);
  });

  it('removes the build folders of killed runs before building', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.build-000001-12345'));
    fs.writeFileSync(path.join(dir, '.build-000001-12345', 'index.db'), 'half');
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 1)),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001']);
  });

  it('keeps only the current and the previous generation', async () => {
    const dir = tempDir();
    for (let i = 1; i <= 4; i++) {
      await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
        writeManifest(db, manifest(generation, i)),
      );
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000003', 'gen-000004']);
  });

  it('rebuilds from scratch over a published generation whose database is damaged', async () => {
    const dir = tempDir();
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 1)),
    );
    fs.writeFileSync(path.join(currentGeneration(dir)!.dir, 'index.db'), 'not a database, damaged on disk');
    // The remedy INDEX_CORRUPT's hint names (`--rebuild`) failed here, reading the damaged manifest.
    await writeGeneration(dir, { fresh: true }, async ({ db, generation, previous }) => {
      expect(previous).toBeUndefined();
      writeManifest(db, manifest(generation, 3));
    });
    expect(currentGeneration(dir)?.generation).toBe(2);
    expect(publishedPapers(dir)).toBe(3);
  });

  it('keeps every older generation when a rebuild over a damaged one fails', async () => {
    const dir = await twoGenerationsWithTheSecondDamaged();
    // The rebuild deleted generation 1 (what a server falls back on) as it started, then failed.
    await expect(
      writeGeneration(dir, { fresh: true }, async () => {
        throw new Error('no valid record');
      }),
    ).rejects.toThrow(/no valid record/);
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001', 'gen-000002']);
    expect(fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8')).toBe('gen-000002\n');
    expect(papersIn(path.join(dir, 'gen-000001'))).toBe(1);
  });

  it('keeps the older sound generation as the fallback once a rebuild over a damaged one is published, and deletes the damaged one', async () => {
    const dir = await twoGenerationsWithTheSecondDamaged();
    // Input that takes a while to read gave an older code's deletion of generation 1 time to finish.
    const slowRead = () => new Promise<void>((resolve) => setTimeout(resolve, 100));
    await writeGeneration(dir, { fresh: true, prepare: slowRead }, async ({ db, generation }) => {
      expect(fs.existsSync(path.join(dir, 'gen-000001'))).toBe(true);
      writeManifest(db, manifest(generation, 5));
    });
    // The old code kept the damaged generation 2 as the fallback and deleted the sound generation 1.
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001', 'gen-000003']);
    expect(publishedPapers(dir)).toBe(5);
    expect(papersIn(path.join(dir, 'gen-000001'))).toBe(1);
  });

  it('keeps every older generation after a rebuild when the newest of them cannot be checked', async () => {
    const dir = tempDir();
    for (let i = 1; i <= 2; i++) {
      await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
        writeManifest(db, manifest(generation, i)),
      );
    }
    // Generation 2's database cannot be read (an I/O error, as a directory in its place gives):
    // the check cannot run, which says nothing about whether the generation is damaged.
    const unreadable = path.join(dir, 'gen-000002', 'index.db');
    fs.rmSync(unreadable);
    fs.mkdirSync(unreadable);
    await writeGeneration(dir, { fresh: true }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 3)),
    );
    // The old code read the failed check as damage and deleted generation 2.
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001', 'gen-000002', 'gen-000003']);
  });

  it('refuses to update a published generation whose pages are damaged as INDEX_CORRUPT, with the rebuild as the remedy', async () => {
    const { dir } = await buildIndex();
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    // The old code said INDEX_WRITE_FAILED, whose hint is to check free disk space and permissions.
    await expect(
      indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE], embedder: 'builtin', offline: true }),
    ).rejects.toMatchObject({ code: 'INDEX_CORRUPT', hint: expect.stringMatching(/--rebuild/) });
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001']);
  });

  it('keeps the older sound generation on disk and opening when an update meets damage in the published one', async () => {
    const { dir } = await buildIndex();
    await writeGeneration(dir, { fresh: false }, async () => undefined);
    // The manifest reads soundly: the damage is met only as the update reads the papers it holds.
    damageTablePages(path.join(dir, 'gen-000002', 'index.db'), 'papers');
    await expect(
      indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE], embedder: 'builtin', offline: true }),
    ).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    // The old code deleted generation 1 as the update started, before it met generation 2's damage.
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001', 'gen-000002']);
    const fallback = await openIndex(dir, {
      offline: true,
      generation: { generation: 1, dir: path.join(dir, 'gen-000001') },
    });
    expect(fallback.manifest.papers).toBeGreaterThan(0);
    fallback.close();
  });

  it('deletes no older generation while an update reads the one it starts from, then keeps that one', async () => {
    const dir = tempDir();
    for (let i = 1; i <= 2; i++) {
      await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
        writeManifest(db, manifest(generation, i)),
      );
    }
    // Input that takes a while to read gave the old code's deletion of generation 1 time to finish.
    const slowRead = () => new Promise<void>((resolve) => setTimeout(resolve, 100));
    await writeGeneration(dir, { fresh: false, prepare: slowRead }, async ({ db, generation }) => {
      expect(fs.readdirSync(dir).filter((entry) => entry.startsWith('gen-'))).toEqual(['gen-000001', 'gen-000002']);
      writeManifest(db, manifest(generation, 3));
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000002', 'gen-000003']);
  });

  it('publishes over what an update killed while deleting older generations left, then deletes it', async () => {
    const dir = tempDir();
    for (let i = 1; i <= 3; i++) {
      await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
        writeManifest(db, manifest(generation, i)),
      );
    }
    // An update from generation 3, killed as it published generation 4 while deleting those before 3:
    // generation 1 half deleted, generation 2 not yet, the draft of 4 left behind. Generation 3 still answers.
    fs.mkdirSync(path.join(dir, 'gen-000001'));
    fs.writeFileSync(path.join(dir, 'gen-000001', 'papers.hnsw'), 'half deleted');
    fs.mkdirSync(path.join(dir, '.build-000004-12345'));
    expect(publishedPapers(dir)).toBe(3);
    await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 4)),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000003', 'gen-000004']);
    expect(publishedPapers(dir)).toBe(4);
  });

  it('counts a generation whose pages are damaged (its manifest still readable) out of the fallback after a rebuild', async () => {
    const { dir } = await buildIndex();
    await indexPapers({
      indexDir: dir,
      files: [SAMPLE_PAPERS_FILE],
      embedder: 'builtin',
      offline: true,
      rebuild: true,
    });
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    await indexPapers({
      indexDir: dir,
      files: [SAMPLE_PAPERS_FILE],
      embedder: 'builtin',
      offline: true,
      rebuild: true,
    });
    expect(
      fs
        .readdirSync(dir)
        .filter((entry) => entry.startsWith('gen-'))
        .sort(),
    ).toEqual(['gen-000001', 'gen-000003']);
    // What is kept is what a server falls back on: it opens.
    const fallback = await openIndex(dir, {
      offline: true,
      generation: { generation: 1, dir: path.join(dir, 'gen-000001') },
    });
    fallback.close();
  });

  it.each([
    ['names a missing generation', 'gen-000009\n'],
    ['holds garbage', 'garbage\n'],
  ])('rebuilds after the newest generation on disk when CURRENT %s', async (_case, text) => {
    const dir = tempDir();
    for (let i = 1; i <= 2; i++) {
      await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
        writeManifest(db, manifest(generation, i)),
      );
    }
    fs.writeFileSync(path.join(dir, 'CURRENT'), text);
    // The rebuild INDEX_CORRUPT's hint names failed reading CURRENT with that same INDEX_CORRUPT.
    await writeGeneration(dir, { fresh: true }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 4)),
    );
    expect(fs.readFileSync(path.join(dir, 'CURRENT'), 'utf8')).toBe('gen-000003\n');
    expect(publishedPapers(dir)).toBe(4);
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000002', 'gen-000003']);
  });

  it('reports a read-only index folder as a write failure and changes nothing', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; the read-only mount case is covered by the reliability tests.
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
      await expect(
        writeGeneration(path.join(dir, 'not-a-folder'), { fresh: false }, async () => undefined),
      ).rejects.toMatchObject({ code: 'INDEX_WRITE_FAILED' });
      return;
    }
    const dir = tempDir();
    fs.chmodSync(dir, 0o500);
    await expect(writeGeneration(dir, { fresh: false }, async () => undefined)).rejects.toMatchObject({
      code: 'INDEX_WRITE_FAILED',
    });
  });

  it('deletes the older generations to make room, says so, and copies again when the disk is too full to copy the published one', async () => {
    const dir = await twoGenerations();
    failCopiesWithFullDisk(1);
    const notices: string[] = [];
    // The old code failed here as a full disk, and again on every retry: nothing ever freed room.
    await writeGeneration(dir, { fresh: false, onNotice: (m) => notices.push(m) }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 3)),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000002', 'gen-000003']);
    expect(publishedPapers(dir)).toBe(3);
    expect(notices).toEqual([
      expect.stringMatching(/disk was full copying index generation 2 .*gen-000001 \(\d+ KB\)\. Copying it again/),
    ]);
  });

  it('fails as a full disk, the published generation unchanged, when the copy finds no room even after older ones are deleted', async () => {
    const dir = await twoGenerations();
    failCopiesWithFullDisk(2);
    await expect(
      writeGeneration(dir, { fresh: false }, async ({ db, generation }) => writeManifest(db, manifest(generation, 3))),
    ).rejects.toMatchObject({
      code: 'INDEX_WRITE_FAILED',
      message: expect.stringMatching(/: the disk is full\.$/),
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000002']);
    expect(publishedPapers(dir)).toBe(2);
  });

  it.each([
    ['an update', false],
    ['a rebuild', true],
  ])(
    'names the older generations and their sizes as what can be deleted when the disk fills during %s',
    async (_case, fresh) => {
      const dir = await twoGenerations();
      const error = writeGeneration(dir, { fresh }, async ({ db, generation }) => {
        writeManifest(db, manifest(generation, 3));
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      });
      // The old code said only that the disk is full, though an update no longer deletes anything before it publishes.
      await expect(error).rejects.toMatchObject({
        code: 'INDEX_WRITE_FAILED',
        message: expect.stringMatching(
          new RegExp(
            `the disk is full\\. .*can be deleted to make room: ${path.join(dir, 'gen-000001')} \\(\\d+ KB\\)\\.$`,
          ),
        ),
      });
      expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001', 'gen-000002']);
    },
  );

  it('keeps the older generations when publishing the draft fails', async () => {
    const dir = await twoGenerations();
    const renameSync = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (path.basename(from.toString()).startsWith('.build-')) throw fsError('EIO', 'rename');
      renameSync(from, to);
    });
    await expect(
      writeGeneration(dir, { fresh: false }, async ({ db, generation }) => writeManifest(db, manifest(generation, 3))),
    ).rejects.toMatchObject({ code: 'INDEX_WRITE_FAILED' });
    // The old code began deleting generation 1 before it published, and finished while the failure was reported.
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000001', 'gen-000002']);
    expect(publishedPapers(dir)).toBe(2);
  });

  // Regression (review of ed105b3): every failure of too many open files or a lock said "Nothing was changed".
  it('says what it changed instead of "Nothing was changed" when it fails while publishing or after deleting generations', async () => {
    const dir = await twoGenerations();
    const renameSync = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (path.basename(from.toString()).startsWith('.build-')) throw fsError('EMFILE', 'rename');
      renameSync(from, to);
    });
    const publishing = await writeGeneration(dir, { fresh: false }, async ({ db, generation }) =>
      writeManifest(db, manifest(generation, 3)),
    ).catch((error: unknown) => error);
    expect(publishing).toMatchObject({
      code: 'RESOURCES_EXHAUSTED',
      message: expect.stringMatching(
        /\(EMFILE\)\. It failed while generation 3 was being published: CURRENT names it or generation 2, the one before; a generation it names is complete\.$/,
      ),
    });
    vi.restoreAllMocks();

    failCopiesWithFullDisk(1);
    const afterPruning = await writeGeneration(dir, { fresh: false }, async () => {
      throw fsError('EMFILE', 'open');
    }).catch((error: unknown) => error);
    expect(afterPruning).toMatchObject({
      code: 'RESOURCES_EXHAUSTED',
      message: expect.stringMatching(
        /\(EMFILE\)\. Generations older than 2 were deleted to make room; generation 2 is still the published one\.$/,
      ),
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['CURRENT', 'gen-000002']);
  });
});
