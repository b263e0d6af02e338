import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDatabaseInBackground } from '../../../indexer/read/integrity-check.ts';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { buildIndex } from '../../support/sample-index.ts';

describe('integrity-check', () => {
  it('passes a sound database and refuses one with damaged pages, on a thread of its own', async () => {
    const { dir } = await buildIndex();
    const file = path.join(currentGeneration(dir)!.dir, 'index.db');
    expect(await checkDatabaseInBackground(file)).toBeNull();

    const data = fs.readFileSync(file);
    const pageSize = data.readUInt16BE(16) === 1 ? 65536 : data.readUInt16BE(16);
    for (let page = 4; page * pageSize < data.length; page += 3) data.fill(0x5a, page * pageSize, page * pageSize + 12);
    fs.writeFileSync(file, data);
    expect(await checkDatabaseInBackground(file)).toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringMatching(/index database .* is damaged/),
    });
  });
});
