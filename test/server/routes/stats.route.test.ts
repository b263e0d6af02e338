import { beforeAll, describe, expect, it } from 'vitest';
import { currentGeneration } from '../../../indexer/store/generations.ts';
import { createApp } from '../../../server/app.ts';
import { GENERATION_HEADER } from '../../../server/http/index.middleware.ts';
import { downgradeIndexModel } from '../../support/lsa-version1.ts';
import { buildIndex, holderFor, sampleIndex, samplePapers, testConfig } from '../../support/sample-index.ts';

let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  app = createApp({ holder: await holderFor(await sampleIndex()), config: testConfig() });
});

describe('stats.route', () => {
  it('answers what the index holds, which embedder built it, and its size', async () => {
    const res = await app.request('/api/stats');
    expect(res.status).toBe(200);
    expect(res.headers.get(GENERATION_HEADER)).toBe('1');
    const body = await res.json();
    expect(body).toMatchObject({
      papers: samplePapers().length,
      generation: 1,
      builtinEmbedder: true,
      embedder: { kind: 'builtin' },
      embedderOutdated: null,
    });
    expect(body.passages).toBeGreaterThan(body.papers);
    expect(body.sizeBytes).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(body.builtAt))).toBe(false);
    expect(body.embedder.dimensions).toBeGreaterThan(0);
  });

  it('says the embedder model is out of date, and why, when an older Citelens stored it', async () => {
    const { dir } = await buildIndex();
    downgradeIndexModel(currentGeneration(dir)!.dir);
    const old = createApp({ holder: await holderFor(dir), config: testConfig() });
    const body = await (await old.request('/api/stats')).json();
    expect(body.embedderOutdated).toMatch(/older Citelens.*log-entropy/);
  });
});
