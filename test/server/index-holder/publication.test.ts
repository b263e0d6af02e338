import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers } from '../../../indexer/index.ts';
import { publicationOf, stampOf } from '../../../server/index-holder/publication.ts';
import { SAMPLE_PAPERS_FILE } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

async function build(dir: string): Promise<void> {
  await indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE], embedder: 'builtin', offline: true });
}

describe('publication', () => {
  it('tells a rebuild from scratch apart from the publish it replaced, though both are generation 1', async () => {
    const dir = path.join(tempDir(), 'index');
    await build(dir);
    const first = publicationOf(dir);
    fs.rmSync(dir, { recursive: true });
    await build(dir);
    const second = publicationOf(dir);
    expect([first?.generation, second?.generation]).toEqual([1, 1]);
    expect(second?.stamp).not.toBe(first?.stamp);
    expect(stampOf(dir)).toBe(second?.stamp);
  });

  it('finds no publication in a folder without an index, or one that does not exist', () => {
    const dir = tempDir();
    expect(publicationOf(dir)).toBeUndefined();
    expect(stampOf(path.join(dir, 'missing'))).toBeUndefined();
  });
});
