import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPapers } from '../../../indexer/index.ts';
import { createApp } from '../../../server/app.ts';
import { IndexHolder } from '../../../server/index-holder.ts';
import { buildIndex, holderFor, SAMPLE_PAPERS_FILE, sampleIndex, testConfig } from '../../support/sample-index.ts';
import { lockDatabase } from '../../support/system-failures.ts';
import { tempDir } from '../../support/temp-dir.ts';

/** An index of ten sample papers (generation 1), and a function that publishes the whole sample (generation 2). */
async function smallIndex(): Promise<{ dir: string; publish: () => Promise<unknown> }> {
  const file = path.join(tempDir(), 'ten.jsonl');
  const lines = fs.readFileSync(SAMPLE_PAPERS_FILE, 'utf8').split('\n').filter(Boolean).slice(0, 10);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const { dir } = await buildIndex([file]);
  const publish = () => indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE], embedder: 'builtin', offline: true });
  return { dir, publish };
}

describe('health.route', () => {
  it('answers ok with the served generation when an index is loaded', async () => {
    const app = createApp({ holder: await holderFor(await sampleIndex()), config: testConfig() });
    const res = await app.request('/api/health');
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok', generation: 1 }]);
  });

  it('answers checking, not ok, while the integrity check begun at start is still running', async () => {
    const holder = new IndexHolder({ offline: true, integrityWaitMs: 0, checkDatabase: () => new Promise(() => {}) });
    await holder.open(await sampleIndex());
    const res = await createApp({ holder, config: testConfig() }).request('/api/health');
    expect([res.status, await res.json()]).toEqual([200, { status: 'checking', generation: 1 }]);
  });

  it('answers 200 no-index when the server has nothing to serve yet', async () => {
    const app = createApp({ holder: await holderFor(), config: testConfig() });
    const res = await app.request('/api/health');
    expect([res.status, await res.json()]).toEqual([200, { status: 'no-index', generation: null }]);
  });

  // Regression: health said ok while the newest publish could not be read (a lock, permissions).
  it('answers degraded with the code while the newest publish cannot be read, and unreadable (503) when nothing is served', async () => {
    const { dir, publish } = await smallIndex();
    const holder = await holderFor(dir);
    const app = createApp({ holder, config: testConfig() });
    await publish();
    const unlock = lockDatabase(path.join(dir, 'gen-000002', 'index.db'));
    try {
      await expect(holder.reload()).rejects.toMatchObject({ code: 'INDEX_BUSY' });
      const res = await app.request('/api/health');
      const body = await res.json();
      expect([res.status, body]).toMatchObject([200, { status: 'degraded', generation: 1, code: 'INDEX_BUSY' }]);
      expect(body.problem).toMatch(/^Index generation 2 could not be read: .*locked by another connection/);
      expect(body.problem).not.toContain(dir);

      const starting = await holderFor();
      await expect(starting.open(dir)).rejects.toMatchObject({ code: 'INDEX_BUSY' });
      const none = await createApp({ holder: starting, config: testConfig() }).request('/api/health');
      expect([none.status, await none.json()]).toMatchObject([
        503,
        { status: 'unreadable', generation: null, code: 'INDEX_BUSY' },
      ]);
    } finally {
      unlock();
    }
    await holder.reload();
    const res = await app.request('/api/health');
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok', generation: 2 }]);
  });
});
