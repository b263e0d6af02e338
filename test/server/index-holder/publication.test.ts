import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { indexPapers } from '../../../indexer/index.ts';
import { pollPublications, publicationOf, stampOf } from '../../../server/index-holder/publication.ts';
import type { ReloadResult } from '../../../server/index-holder.ts';
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

  // Regression: a reload refused for a reason that lasts (no read permission) was said again on every tick.
  it('says a reload that keeps failing the same way once, and again once it has succeeded', async () => {
    const dir = path.join(tempDir(), 'index');
    await build(dir);
    const denied = new AppError(
      'INDEX_ACCESS_DENIED',
      'Could not open the index file index.db: permission denied (EACCES).',
    );
    const outcomes: Array<() => Promise<ReloadResult>> = [
      () => Promise.reject(denied),
      () => Promise.reject(denied),
      () => Promise.reject(denied),
      () => Promise.resolve({ changed: true, previous: null, generation: 1 }),
      () => Promise.reject(denied),
    ];
    const notices: string[] = [];
    let reloads = 0;
    const timer = pollPublications(
      {
        dir: () => dir,
        busy: () => false,
        wanted: () => reloads < outcomes.length,
        reload: () => outcomes[reloads++]!(),
        reloadPeers: undefined,
        onNotice: (message) => notices.push(message),
      },
      5,
    );
    try {
      while (reloads < outcomes.length) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      clearInterval(timer);
    }
    const failure = `Could not load index generation 1: ${denied.message}`;
    expect(notices).toEqual([failure, 'Now serving index generation 1.', failure]);
  });
});
