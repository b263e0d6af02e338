// What reaches clients names no internals, found by an attack pass: an answer's notice carried the
// LLM URL with its user:password@ and up to 300 characters of the upstream error body.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { type OpenAiStub, startOpenAiStub } from '../support/openai-stub-server.ts';
import { holderFor, sampleIndex, testConfig } from '../support/sample-index.ts';

let stub: OpenAiStub;
beforeEach(async () => {
  stub = await startOpenAiStub();
});
afterEach(async () => {
  await stub.close();
});

describe('internals never reach clients', () => {
  it("keeps the LLM's credentials, query and error body out of an answer's notice, whole or streamed", async () => {
    const base = `${stub.baseUrl.replace('http://', 'http://admin:hunter2hunter2@')}?api_key=sk-query-secret`;
    const app = createApp({
      holder: await holderFor(await sampleIndex()),
      config: testConfig({ CITELENS_LLM_BASE_URL: base, CITELENS_LLM_MODEL: 'stub' }),
    });
    const upstream = {
      kind: 'http-error' as const,
      status: 401,
      body: 'Incorrect API key sk-live-abcdef for org-internal-7',
    };
    stub.enqueue(upstream, upstream);
    for (const path of ['/api/ask', '/api/ask/stream']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Why do attention sinks appear?' }),
      });
      const text = await res.text();
      expect(res.status, path).toBe(200);
      expect(text, path).toMatch(
        /The LLM answer could not be used \(the LLM at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions answered HTTP 401\)/,
      );
      for (const secret of ['admin', 'hunter2', 'sk-query-secret', 'sk-live-abcdef', 'org-internal-7']) {
        expect(text, `${path}: ${secret}`).not.toContain(secret);
      }
    }
    expect(stub.requests).toHaveLength(2);
  });
});
