import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { verifyRoutes } from '../../../server/routes/verify.route.ts';
import type { VerifyResponse } from '../../../server/verify/verify.schema.ts';
import { DRAFT, ZOTERO_RDF_REFERENCES } from '../../support/reference-exports.ts';
import { holderFor, testConfig } from '../../support/sample-index.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

let fixture: FixtureIndex;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
  app = createApp({ holder: await holderFor(fixture.indexDir), config: testConfig() }).route('/api', verifyRoutes);
});
afterAll(() => fixture.close());

const verify = (body: unknown) =>
  app.request('/api/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('verify.route', () => {
  it('checks the claims of a text with a reference list given separately', async () => {
    const res = await verify({
      text: 'Caffeine increases short-term memory recall [1]. Heat waves drive glacier melt [2].',
      references: [
        'Ruiz, A. (2019). A history of caffeine consumption.',
        'Meier, H. (2022). Glacier melt rates in the Alps.',
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as VerifyResponse;
    expect(body.claims.map((c) => c.citations.map((x) => [x.marker, x.paperId, x.verdict]))).toEqual([
      [['[1]', 'caffeine-history', 'not_supported']],
      [['[2]', 'glacier-melt', 'supported']],
    ]);
    expect(body.claims[0]!.suggestions[0]?.paperId).toBe('caffeine-memory-trial');
  });

  it('reads references pasted as a Zotero RDF export as its records, not as lines of XML', async () => {
    const res = await verify({ text: DRAFT, references: ZOTERO_RDF_REFERENCES });
    expect(res.status).toBe(200);
    const body = (await res.json()) as VerifyResponse;
    expect(body.references.map((r) => [r.n, r.paperId])).toEqual([
      [1, 'caffeine-memory-trial'],
      [2, 'glacier-melt'],
    ]);
    expect(body.claims.flatMap((c) => c.citations.map((x) => [x.marker, x.paperId]))).toEqual([
      ['[1]', 'caffeine-memory-trial'],
      ['Meier, 2022', 'glacier-melt'],
    ]);
  });

  it('refuses a body without text with INVALID_INPUT naming the field', async () => {
    const res = await verify({ references: [] });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'text' } });
  });

  it('refuses a misspelt name instead of checking the text without its reference list', async () => {
    const res = await verify({
      text: 'Heat waves drive glacier melt [1].',
      reference: ['Meier, H. (2022). Glacier melt.'],
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Field 'reference' of the JSON body is not a name this request takes (did you mean 'references'?).",
      details: { field: 'reference' },
    });
  });

  it('says which judge decided and how likely the evidence supports or contradicts each claim', async () => {
    const res = await verify({ text: 'Caffeine decreases short-term memory recall [caffeine-memory-trial].' });
    const body = (await res.json()) as VerifyResponse;
    const citation = body.claims[0]!.citations[0]!;
    expect(citation).toMatchObject({ verdict: 'contradicted', judge: 'builtin' });
    expect(citation.contradiction).toBeGreaterThan(citation.support);
    expect(body.notice).toBeUndefined();
  });

  it('falls back to the built-in judge with a notice when the NLI model asked for cannot be loaded', async () => {
    const config = { ...testConfig(), judge: 'nli' as const, nliModel: '/nonexistent/nli-model', offline: true };
    const nliApp = createApp({ holder: await holderFor(fixture.indexDir), config }).route('/api', verifyRoutes);
    const res = await nliApp.request('/api/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Caffeine increases short-term memory recall [caffeine-memory-trial].' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as VerifyResponse;
    expect(body.notice).toMatch(/nonexistent\/nli-model.*built-in judge/s);
    expect(body.claims[0]!.citations[0]!.judge).toBe('builtin');
  });
});
