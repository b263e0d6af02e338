import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { IndexHolder } from '../../../server/index-holder.ts';
import { holderFor, sampleIndex, testConfig } from '../../support/sample-index.ts';

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
});
