import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabaseInBackground } from '../../../indexer/read/integrity-check.ts';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { buildIndex } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('integrity-check', () => {
  it('passes a sound database and refuses one with damaged pages, on a thread of its own', async () => {
    const { dir } = await buildIndex();
    const file = path.join(currentGeneration(dir)!.dir, 'index.db');
    expect(await checkDatabaseInBackground(file)).toEqual({ verdict: 'sound' });

    const data = fs.readFileSync(file);
    const pageSize = data.readUInt16BE(16) === 1 ? 65536 : data.readUInt16BE(16);
    for (let page = 4; page * pageSize < data.length; page += 3) data.fill(0x5a, page * pageSize, page * pageSize + 12);
    fs.writeFileSync(file, data);
    expect(await checkDatabaseInBackground(file)).toMatchObject({
      verdict: 'damaged',
      error: { code: 'INDEX_CORRUPT', message: expect.stringMatching(/index database .* is damaged/) },
    });
  });

  it('finds a file that is not a database damaged, and one it cannot read undecided', async () => {
    const dir = tempDir();
    const notDatabase = path.join(dir, 'index.db');
    fs.writeFileSync(notDatabase, 'not a database, damaged on disk');
    expect(await checkDatabaseInBackground(notDatabase)).toMatchObject({ verdict: 'damaged' });
    // A directory in the database's place fails with an I/O error: the check could not run.
    const unreadable = path.join(dir, 'unreadable.db');
    fs.mkdirSync(unreadable);
    // The old code's server check called this damage: a server stopped serving what it could not check.
    expect(await checkDatabaseInBackground(unreadable)).toMatchObject({
      verdict: 'unknown',
      reason: expect.any(String),
    });
  });
});
