// Streamed answers under the server's limits, found by an attack pass: open streams count toward
// the in-flight limit, a stream ends after its time limit, and an LLM that never ends a line cannot
// grow the server's buffer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { type OpenAiStub, startOpenAiStub } from '../support/openai-stub-server.ts';
import { holderFor, sampleIndex, testConfig } from '../support/sample-index.ts';

const QUESTION = { question: 'Why do attention sinks appear?' };

// A stub per test: a reply queued for a stream that was cancelled before it asked must not leak into the next test.
let stub: OpenAiStub;
beforeEach(async () => {
  stub = await startOpenAiStub();
});
afterEach(async () => {
  await stub.close();
});

async function appWith(options: { maxInFlight?: number; maxStreamMs?: number; llmTimeoutMs?: number } = {}) {
  const config = testConfig({
    CITELENS_LLM_BASE_URL: stub.baseUrl,
    CITELENS_LLM_MODEL: 'stub',
    CITELENS_LLM_TIMEOUT_MS: String(options.llmTimeoutMs ?? 60_000),
  });
  return createApp({
    holder: await holderFor(await sampleIndex()),
    config,
    ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
    ...(options.maxStreamMs ? { maxStreamMs: options.maxStreamMs } : {}),
  });
}

const ask = (app: Awaited<ReturnType<typeof appWith>>, path = '/api/ask/stream') =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(QUESTION),
  });

describe('streamed answers under the limits', () => {
  it('counts an open stream toward the in-flight limit until it ends, then frees its place', async () => {
    const app = await appWith({ maxInFlight: 3 });
    stub.enqueue({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    const streams = await Promise.all([ask(app), ask(app), ask(app)]);
    for (const res of streams) expect(res.status).toBe(200);
    const refused = await app.request('/api/search?q=attention');
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('OVERLOADED');
    // A client that goes away ends its stream: the place is free again.
    await streams[0]!.body!.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await app.request('/api/search?q=attention')).status).toBe(200);
    for (const res of streams.slice(1)) await res.body!.cancel();
  });

  it('ends a stream whose LLM keeps it open past the time limit with a TIMEOUT error event', async () => {
    const app = await appWith({ maxStreamMs: 800 });
    stub.enqueue({
      kind: 'stall',
      content: 'Attention sinks appear because of softmax [1]. More text follows.',
      pieces: 2,
    });
    const started = performance.now();
    const text = await (await ask(app)).text();
    const tookMs = performance.now() - started;
    process.stdout.write(`ask stream: a stalled LLM stream ended after ${tookMs.toFixed(0)} ms (limit 800)\n`);
    expect(text).toMatch(/event: error\ndata: \{"code":"TIMEOUT"/);
    expect(tookMs).toBeLessThan(5_000);
  }, 10_000);

  it('stops reading an LLM stream whose line never ends, and answers extractively with a notice', async () => {
    const app = await appWith();
    stub.enqueue({ kind: 'endless-line', bytes: 64 * 1024 * 1024 });
    const heapBefore = process.memoryUsage().heapUsed;
    const text = await (await ask(app)).text();
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    process.stdout.write(
      `ask stream: an LLM line that never ends (64 MB offered): heap grew ${grownMb.toFixed(1)} MB\n`,
    );
    expect(text).toMatch(/event: notice\ndata: .*longer than/);
    expect(text).toMatch(/event: done/);
    expect(grownMb).toBeLessThan(48);
  }, 30_000);
});
