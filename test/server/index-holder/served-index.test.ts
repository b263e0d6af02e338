import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers } from '../../../indexer/index.ts';
import { stampOf } from '../../../server/index-holder/publication.ts';
import { ServedIndex } from '../../../server/index-holder/served-index.ts';
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
});
