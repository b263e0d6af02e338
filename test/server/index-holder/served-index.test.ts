import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError, databaseDamage } from '../../../core/errors.ts';
import { indexPapers } from '../../../indexer/index.ts';
import type { DatabaseVerdict } from '../../../indexer/read/integrity-check.ts';
import { damageReport } from '../../../server/index-holder/peer-damage.ts';
import { stampOf } from '../../../server/index-holder/publication.ts';
import { ServedIndex } from '../../../server/index-holder/served-index.ts';
import { damageDatabasePages } from '../../support/damage-index.ts';
import { SAMPLE_PAPERS_FILE } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** An index of ten sample papers, published twice (generations 1 and 2), in `dir` or a new folder. */
async function twoGenerations(dir = path.join(tempDir(), 'index')): Promise<string> {
  const file = path.join(tempDir(), 'ten.jsonl');
  const lines = fs.readFileSync(SAMPLE_PAPERS_FILE, 'utf8').split('\n').filter(Boolean).slice(0, 10);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  for (let run = 0; run < 2; run++)
    await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin', offline: true, rebuild: true });
  return dir;
}

describe('served-index', () => {
  // Regression (3f9fc70): a file of the newest publish that could not be read was no problem at all,
  // so health said ok and no older generation served in its place.
  it('records damage of the newest publish as its problem, with the publish, and a file that cannot be read without it, to be tried again', async () => {
    const dir = await twoGenerations();
    const index = new ServedIndex({ open: { offline: true }, onNotice: () => {} });
    const db = path.join(dir, 'gen-000002', 'index.db');
    const stamp = stampOf(dir);

    fs.renameSync(db, `${db}.aside`);
    await expect(index.openPublished(dir, stamp)).rejects.toMatchObject({ code: 'INDEX_UNREADABLE' });
    expect([index.problem?.generation, index.problem?.error.code, index.problemStamp]).toEqual([
      2,
      'INDEX_UNREADABLE',
      undefined,
    ]);
    expect(index.wants({ generation: 2, stamp: stamp! })).toBe(true);

    fs.writeFileSync(db, Buffer.alloc(8192, 0x5a));
    await expect(index.openPublished(dir, stamp)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    expect([index.problem?.generation, index.problemStamp]).toEqual([2, stamp]);
    expect(index.wants({ generation: 2, stamp: stamp! })).toBe(false);
    const older = await index.openOlder(dir, index.problem!);
    expect(older?.generation).toBe(1);
    index.serve(older!, undefined);
    expect([index.problem, index.served.current?.reader.generation]).toEqual([undefined, 1]);
    index.served.stop();
  });

  // Regression: damage SQLite met while answering was only said; the damaged generation went on
  // serving (every request that read the bad pages failed) while a sound older one sat on disk.
  it('serves the generation before in place of one whose damage, met while answering, the integrity check confirms', async () => {
    const dir = await twoGenerations();
    const notices: string[] = [];
    const index = new ServedIndex({ open: { offline: true }, onNotice: (message) => notices.push(message) });
    const stamp = stampOf(dir);
    index.serve(await index.openPublished(dir, stamp), stamp);
    const served = index.served.current!;
    // A report the check does not bear out changes nothing.
    await index.fallBackIfDamaged(served);
    expect([index.served.current, index.problem]).toEqual([served, undefined]);

    damageDatabasePages(path.join(dir, 'gen-000002', 'index.db'));
    const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    index.reportDamage(databaseDamage(malformed)!, served.reader);
    expect(notices.join('\n')).toMatch(/SQLite met a damaged page in index generation 2/);
    await vi.waitFor(() => expect(index.served.current?.reader.generation).toBe(1), { timeout: 15_000 });
    expect([index.problem?.generation, index.problem?.error.code, index.problemStamp]).toEqual([
      2,
      'INDEX_CORRUPT',
      stamp,
    ]);
    expect(index.wants({ generation: 2, stamp: stamp! })).toBe(false);
    expect(notices.at(-1)).toMatch(/^Index generation 2 is damaged: .* Serving generation 1, the one before it/s);
    index.served.stop();
  }, 30_000);

  // Regression (review of 6a77771): the report took the generation served at the time it was made, so
  // a request still reading generation 2 after the fall back blamed the sound generation 1: health
  // answered 503 corrupt for good and the notice asked to rebuild a sound index.
  it('ignores damage reported by a request still reading the generation a fall back replaced', async () => {
    const dir = await twoGenerations();
    const notices: string[] = [];
    const index = new ServedIndex({ open: { offline: true }, onNotice: (message) => notices.push(message) });
    const stamp = stampOf(dir);
    index.serve(await index.openPublished(dir, stamp), stamp);
    // A request holds generation 2 for its whole life (an SSE answer, an MCP tool awaiting the embedder).
    const lease = index.served.current!.lease();
    damageDatabasePages(path.join(dir, 'gen-000002', 'index.db'));
    const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    index.reportDamage(databaseDamage(malformed)!, lease.reader);
    await vi.waitFor(() => expect(index.served.current?.reader.generation).toBe(1), { timeout: 15_000 });
    const said = notices.length;

    index.reportDamage(databaseDamage(malformed)!, lease.reader);
    lease.release();
    expect([index.problem?.generation, index.served.current?.reader.generation]).toEqual([2, 1]);
    expect(notices).toHaveLength(said);
    index.served.stop();
  }, 30_000);

  // Regression (review of 6a77771): a generation served in place of a damaged publish has no stamp, and
  // the fall back from its own damage recorded that blank stamp, so a watcher opened the damaged publish again.
  it('keeps the damaged publish as the one not to open again when the generation served in its place is found damaged too', async () => {
    const dir = await twoGenerations();
    const index = new ServedIndex({ open: { offline: true }, onNotice: () => {} });
    const published = 'the stamp of a damaged generation 3';
    index.serve(await index.openPublished(dir, stampOf(dir)), undefined);
    index.recordProblem({ generation: 3, error: new AppError('INDEX_CORRUPT', 'Generation 3 is damaged.') }, published);
    const served = index.served.current!;

    damageDatabasePages(path.join(dir, 'gen-000002', 'index.db'));
    await index.fallBackIfDamaged(served);
    expect([index.served.current?.reader.generation, index.problem?.generation]).toEqual([1, 2]);
    expect(index.problemStamp).toBe(published);
    expect(index.wants({ generation: 3, stamp: published })).toBe(false);
    index.served.stop();
  }, 30_000);

  it('leaves the fall back from damage met while answering to the integrity check begun at open while it runs', async () => {
    const dir = await twoGenerations();
    let checks = 0;
    let finish: (verdict: DatabaseVerdict) => void = () => {};
    const index = new ServedIndex({
      open: { offline: true },
      onNotice: () => {},
      checkDatabase: () => {
        checks++;
        return new Promise((resolve) => {
          finish = resolve;
        });
      },
    });
    const stamp = stampOf(dir);
    const reader = await index.openPublished(dir, stamp, { deferIntegrityCheck: true });
    index.serve(reader, stamp);
    const checked = index.checkInBackground(dir, reader, stamp, () => true);
    expect(index.checking).toBe(true);

    const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    index.reportDamage(databaseDamage(malformed)!, reader);
    // The old code ran a second check of the same database beside the first.
    expect(checks).toBe(1);
    expect(index.problem?.generation).toBe(2);
    finish({ verdict: 'sound' });
    await checked;
    index.served.stop();
  });

  // Regression: with `serve --workers`, damage one process confirmed was not told to the others.
  it('tells damage its check confirms, and falls back from damage another process confirmed in the file it serves without checking it', async () => {
    const dir = await twoGenerations();
    const stamp = stampOf(dir);
    const reports: unknown[] = [];
    const found = new ServedIndex({ open: { offline: true }, onNotice: () => {} });
    found.onConfirmedDamage((report) => reports.push(report));
    found.serve(await found.openPublished(dir, stamp), stamp);
    let checks = 0;
    const told = new ServedIndex({
      open: { offline: true },
      onNotice: () => {},
      checkDatabase: async () => {
        checks++;
        return { verdict: 'sound' };
      },
    });
    told.serve(await told.openPublished(dir, stamp), stamp);

    damageDatabasePages(path.join(dir, 'gen-000002', 'index.db'));
    await found.fallBackIfDamaged(found.served.current!);
    expect(reports).toEqual([
      expect.objectContaining({ generation: 2, file: told.served.current!.file, stamp, message: expect.any(String) }),
    ]);
    await told.applyReportedDamage(reports[0] as Parameters<ServedIndex['applyReportedDamage']>[0]);
    expect([told.served.current?.reader.generation, told.problem?.generation, told.problemStamp]).toEqual([
      1,
      2,
      stamp,
    ]);
    expect(told.problem?.error.code).toBe('INDEX_CORRUPT');
    expect(told.wants({ generation: 2, stamp: stamp! })).toBe(false);
    expect(checks).toBe(0);
    found.served.stop();
    told.served.stop();
  }, 30_000);

  // Regression (review of ed105b3): the test compared with a made-up file name, so an identity of the path
  // alone passed; an index deleted and built again at the same path is another file all the same.
  it('ignores a damage report on another database file, such as an index rebuilt with the same generation number', async () => {
    const dir = await twoGenerations();
    const old = new ServedIndex({ open: { offline: true }, onNotice: () => {} });
    old.serve(await old.openPublished(dir, stampOf(dir)), stampOf(dir));
    const damage = new AppError('INDEX_CORRUPT', 'Generation 2 is damaged.');
    const report = damageReport(2, old.served.current!.file!, stampOf(dir), damage);
    old.served.stop();

    // The index is deleted and built again at the same path: generation 2 in the same folder, maybe the same inode.
    fs.rmSync(dir, { recursive: true, force: true });
    await twoGenerations(dir);
    const index = new ServedIndex({ open: { offline: true }, onNotice: () => {} });
    const stamp = stampOf(dir);
    index.serve(await index.openPublished(dir, stamp), stamp);
    const served = index.served.current!;
    expect(served.reader.generationDir).toBe(path.join(dir, 'gen-000002'));
    expect(await index.applyReportedDamage(report)).toBe(false);
    expect([index.served.current, index.problem]).toEqual([served, undefined]);
    index.served.stop();
  });

  // Regression (review of ed105b3): a worker listened only once its server had started, so damage the
  // check confirmed as the server opened was never told to the other workers.
  it('tells a listener added later the damage its check confirmed before', async () => {
    const dir = await twoGenerations();
    const stamp = stampOf(dir);
    const index = new ServedIndex({ open: { offline: true }, onNotice: () => {} });
    index.serve(await index.openPublished(dir, stamp), stamp);
    const file = index.served.current!.file;
    damageDatabasePages(path.join(dir, 'gen-000002', 'index.db'));
    await index.fallBackIfDamaged(index.served.current!);
    expect(index.served.current?.reader.generation).toBe(1);

    const reports: unknown[] = [];
    index.onConfirmedDamage((report) => reports.push(report));
    expect(reports).toEqual([expect.objectContaining({ generation: 2, file, stamp })]);
    index.served.stop();
  }, 30_000);
});
