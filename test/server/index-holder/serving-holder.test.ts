import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexPapers } from '../../../indexer/index.ts';
import { conceptStatisticsOfIndex } from '../../../server/answer/concept-statistics.ts';
import { englishWordsLoaded } from '../../../server/english/english-words.ts';
import { createServingHolder } from '../../../server/index-holder/serving-holder.ts';
import type { IndexHolder } from '../../../server/index-holder.ts';
import { samplePapers, testConfig } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

// The real count, watched: which readers were handed to it.
vi.mock('../../../server/answer/concept-statistics.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../server/answer/concept-statistics.ts')>();
  return { ...original, conceptStatisticsOfIndex: vi.fn(original.conceptStatisticsOfIndex) };
});

const holders: IndexHolder[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) holder.close();
  vi.mocked(conceptStatisticsOfIndex).mockClear();
});

/** Indexes the first `count` sample papers into `dir` (publishing the next generation). */
async function publish(dir: string, count: number): Promise<void> {
  const file = path.join(tempDir(), 'papers.jsonl');
  fs.writeFileSync(
    file,
    `${samplePapers()
      .slice(0, count)
      .map((paper) => JSON.stringify(paper))
      .join('\n')}\n`,
  );
  await indexPapers({ indexDir: dir, files: [file], embedder: 'builtin', offline: true });
}

function servingHolder(notices: string[] = []): IndexHolder {
  const holder = createServingHolder({ config: testConfig(), onNotice: (message) => notices.push(message) });
  holders.push(holder);
  return holder;
}

describe('serving-holder', () => {
  it('starts counting concept statistics and reading the English words as it opens a generation', async () => {
    const dir = path.join(tempDir(), 'index');
    await publish(dir, 5);
    expect(englishWordsLoaded()).toBe(false);
    const reader = await servingHolder().open(dir);
    const calls = vi.mocked(conceptStatisticsOfIndex).mock;
    expect(calls.calls).toHaveLength(1);
    expect(calls.calls[0]?.[0]).toBe(reader);
    await expect(calls.results[0]?.value).resolves.toMatchObject({ documents: 5 });
    await vi.waitFor(() => expect(englishWordsLoaded()).toBe(true));
  });

  it('warms each newer generation a reload swaps in, and reports nothing when all is well', async () => {
    const dir = path.join(tempDir(), 'index');
    await publish(dir, 3);
    const notices: string[] = [];
    const holder = servingHolder(notices);
    await holder.open(dir);
    await publish(dir, 7);
    expect((await holder.reload()).changed).toBe(true);
    const lease = holder.acquire();
    try {
      const calls = vi.mocked(conceptStatisticsOfIndex).mock;
      expect(calls.calls).toHaveLength(2);
      expect(calls.calls[1]?.[0]).toBe(lease.reader);
      await expect(calls.results[1]?.value).resolves.toMatchObject({ documents: 7 });
    } finally {
      lease.release();
    }
    expect(notices).toEqual([]);
  });
});
