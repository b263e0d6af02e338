import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { databaseDamage } from '../../../core/errors.ts';
import { indexPapers } from '../../../indexer/index.ts';
import { stampOf } from '../../../server/index-holder/publication.ts';
import { ServedIndex } from '../../../server/index-holder/served-index.ts';
import { damageDatabasePages } from '../../support/damage-index.ts';
import { SAMPLE_PAPERS_FILE } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** An index of ten sample papers, published twice (generations 1 and 2). */
async function twoGenerations(): Promise<string> {
  const file = path.join(tempDir(), 'ten.jsonl');
  const lines = fs.readFileSync(SAMPLE_PAPERS_FILE, 'utf8').split('\n').filter(Boolean).slice(0, 10);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const dir = path.join(tempDir(), 'index');
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
    index.reportDamage(databaseDamage(malformed)!);
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
});
