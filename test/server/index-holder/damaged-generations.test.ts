import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { indexPapers } from '../../../indexer/index.ts';
import {
  openOlderGeneration,
  publishedGenerationOrNull,
  servingOlderNotice,
} from '../../../server/index-holder/damaged-generations.ts';
import { SAMPLE_PAPERS_FILE } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const damage = (generation: number | null) => ({
  generation,
  error: new AppError('INDEX_CORRUPT', 'The index database is damaged (page 4).'),
});

describe('damaged-generations', () => {
  it('opens the generation before a damaged one, and nothing when none is older', async () => {
    const dir = path.join(tempDir(), 'index');
    for (let i = 0; i < 2; i++)
      await indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE], embedder: 'builtin', offline: true });
    expect(publishedGenerationOrNull(dir)).toBe(2);
    const older = await openOlderGeneration(dir, { offline: true }, damage(2));
    try {
      expect(older?.generation).toBe(1);
    } finally {
      older?.close();
    }
    expect(await openOlderGeneration(dir, { offline: true }, damage(1))).toBeUndefined();
  });

  it('names the damaged generation in its notice, or the published index when CURRENT itself is unreadable', () => {
    const older = { generation: 1 } as Parameters<typeof servingOlderNotice>[1];
    expect(servingOlderNotice(damage(2), older)).toMatch(
      /^Index generation 2 is damaged: The index database is damaged \(page 4\)\. Serving generation 1, the one before it,/,
    );
    expect(servingOlderNotice(damage(null), older)).toMatch(/^The published index is damaged: /);
  });

  it('has no published generation in a folder without an index', () => {
    expect(publishedGenerationOrNull(tempDir())).toBeNull();
  });
});
