import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentGeneration } from '../../../indexer/index.ts';
import type { AskResponse } from '../../../server/answer/answer.schema.ts';
import { createApp } from '../../../server/app.ts';
import { askRoutes } from '../../../server/routes/ask.route.ts';
import { damageDatabasePages } from '../../support/damage-index.ts';
import { type OpenAiStub, startOpenAiStub } from '../../support/openai-stub-server.ts';
import { buildIndex, holderFor, testConfig } from '../../support/sample-index.ts';
import { buildFixtureIndex, type FixtureIndex } from '../verify/fixture-library.ts';

let fixture: FixtureIndex;
beforeAll(async () => {
  fixture = await buildFixtureIndex();
});
afterAll(() => fixture.close());

async function appWith(env: Record<string, string> = {}, indexed = true) {
  const holder = await holderFor(indexed ? fixture.indexDir : undefined);
  return createApp({ holder, config: testConfig(env) }).route('/api', askRoutes);
}

const post = (app: Awaited<ReturnType<typeof appWith>>, path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The events of a server-sent event stream body. */
async function readEvents(response: Response): Promise<Array<{ event: string; data: unknown }>> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) };
    });
}

describe('ask.route', () => {
  it('answers POST /api/ask with a cited extractive answer and its sources', async () => {
    const app = await appWith();
    const res = await post(app, '/api/ask', { question: 'Why do attention sinks appear?' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as AskResponse;
    expect(body).toMatchObject({ abstained: false, mode: 'extractive', question: 'Why do attention sinks appear?' });
    expect(body.answer.sentences[0]?.citations[0]).toMatchObject({ n: 1, paperId: 'attention-sinks' });
    expect(body.sources[0]).toMatchObject({ n: 1, cited: true, paper: { id: 'attention-sinks' } });
  });

  it('refuses an empty question and an out-of-range k with INVALID_INPUT naming the field', async () => {
    const app = await appWith();
    const empty = await post(app, '/api/ask', { question: '  ' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'question' } });
    const tooMany = await post(app, '/api/ask', { question: 'sinks', k: 500 });
    expect((await tooMany.json()).error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'k' } });
  });

  it('refuses a misspelt name in the body or its filters, whole or streamed, instead of ignoring it', async () => {
    const app = await appWith();
    for (const path of ['/api/ask', '/api/ask/stream']) {
      const misspelt = await post(app, path, { question: 'Why do attention sinks appear?', max_sentences: 1 });
      expect(misspelt.status, path).toBe(400);
      expect((await misspelt.json()).error, path).toMatchObject({
        code: 'INVALID_INPUT',
        message:
          "Field 'max_sentences' of the JSON body is not a name this request takes (did you mean 'maxSentences'?).",
        details: { field: 'max_sentences' },
      });
    }
    const filter = await post(app, '/api/ask', { question: 'sinks?', filters: { year_from: 2030 } });
    expect((await filter.json()).error).toMatchObject({
      message:
        "Field 'filters.year_from' of the JSON body is not a name this request takes (did you mean 'yearFrom'?).",
      details: { field: 'filters.year_from' },
    });
  });

  it('refuses a year range that starts after it ends, whole or streamed, as search and the CLI do', async () => {
    const app = await appWith();
    for (const path of ['/api/ask', '/api/ask/stream']) {
      const reversed = await post(app, path, {
        question: 'Why do attention sinks appear?',
        filters: { yearFrom: 2026, yearTo: 2020 },
      });
      expect(reversed.status, path).toBe(400);
      expect((await reversed.json()).error, path).toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'filters.yearFrom' },
      });
    }
  });

  it('answers 503 INDEX_NOT_FOUND when no index is loaded, whole or streamed', async () => {
    const app = await appWith({}, false);
    for (const path of ['/api/ask', '/api/ask/stream']) {
      const res = await post(app, path, { question: 'Why do attention sinks appear?' });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('INDEX_NOT_FOUND');
    }
  });

  it('streams an extractive answer as sources, deltas and done', async () => {
    const app = await appWith();
    const res = await post(app, '/api/ask/stream', { question: 'What explains faster glacier melt?' });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readEvents(res);
    expect(events[0]?.event).toBe('sources');
    expect(events.at(-1)?.event).toBe('done');
    const done = events.at(-1)!.data as AskResponse;
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(deltas.join('').trim()).toBe(done.answer.text);
  });

  // Regression (review of 6a77771): the stream holds its own lease, which the error mapping did not
  // know, so damage met while streaming was reported for whatever generation was served by then.
  it('reports damage met while streaming an answer for the generation the stream read', async () => {
    const { dir } = await buildIndex();
    const holder = await holderFor(dir);
    const served = holder.acquire();
    served.release();
    const reports = vi.spyOn(holder, 'reportDamage');
    const app = createApp({ holder, config: testConfig(), log: () => {} }).route('/api', askRoutes);
    damageDatabasePages(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const events = await readEvents(
      await post(app, '/api/ask/stream', { question: 'What explains faster glacier melt?' }),
    );
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'INDEX_CORRUPT' } });
    expect(reports).toHaveBeenCalledTimes(1);
    expect(reports.mock.calls[0]?.[1]).toBe(served.reader);
  });

  describe('with an LLM configured', () => {
    let stub: OpenAiStub;
    beforeEach(async () => {
      stub = await startOpenAiStub();
    });
    afterEach(async () => {
      await stub.close();
    });
    const llmEnv = () => ({
      CITELENS_LLM_BASE_URL: stub.baseUrl,
      CITELENS_LLM_MODEL: 'stub',
      CITELENS_LLM_TIMEOUT_MS: '400',
    });

    it('streams the model reply from the configured endpoint, then the checked answer', async () => {
      stub.enqueue({
        kind: 'text',
        content: 'Summer heat waves explain most of the faster melt of Alpine glaciers [1].',
      });
      const app = await appWith(llmEnv());
      const events = await readEvents(
        await post(app, '/api/ask/stream', { question: 'What explains faster glacier melt?' }),
      );
      expect(stub.requests[0]?.body).toMatchObject({ model: 'stub', stream: true });
      const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
      expect(deltas.join('')).toBe('Summer heat waves explain most of the faster melt of Alpine glaciers [1].');
      const done = events.at(-1)!.data as AskResponse;
      expect(done).toMatchObject({ mode: 'generated', abstained: false });
      expect(done.answer.sentences[0]).toMatchObject({
        supported: true,
        citations: [{ n: 1, paperId: 'glacier-melt' }],
      });
    });

    it('keeps answering, extractively and with a notice, when the endpoint times out', async () => {
      stub.enqueue({ kind: 'hang' });
      const app = await appWith(llmEnv());
      const res = await post(app, '/api/ask', { question: 'What explains faster glacier melt?' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as AskResponse;
      expect(body.mode).toBe('extractive');
      expect(body.notice).toMatch(/did not answer within 400 ms/);
    });

    it('stays extractive when the request says generate: false', async () => {
      const app = await appWith(llmEnv());
      const body = (await (
        await post(app, '/api/ask', { question: 'What explains faster glacier melt?', generate: false })
      ).json()) as AskResponse;
      expect(body.mode).toBe('extractive');
      expect(stub.requests).toHaveLength(0);
    });
  });
});
