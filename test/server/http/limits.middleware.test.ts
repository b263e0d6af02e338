import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../../server/http/error-handler.ts';
import { limitBodySize, limitConcurrency, limitDuration } from '../../../server/http/limits.middleware.ts';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function appWith(...middleware: Parameters<Hono['use']>[1][]) {
  const app = new Hono();
  app.onError(createErrorHandler(() => {}));
  for (const m of middleware) app.use('*', m);
  app.post('/echo', async (c) => c.text(await c.req.text()));
  app.get('/slow', async (c) => {
    await sleep(Number(c.req.query('ms') ?? 50));
    return c.text('done');
  });
  return app;
}

describe('limits.middleware', () => {
  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const app = appWith(limitBodySize(1024));
    const res = await app.request('/echo', { method: 'POST', body: 'x'.repeat(1025) });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than 1 KB.',
      details: { maxBytes: 1024 },
    });
  });

  it('measures a streamed body that declares no length', async () => {
    const app = appWith(limitBodySize(1024));
    const chunk = new TextEncoder().encode('y'.repeat(600));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await app.request('/echo', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('lets a body within the limit through unchanged', async () => {
    const res = await appWith(limitBodySize(1024)).request('/echo', { method: 'POST', body: 'hello' });
    expect([res.status, await res.text()]).toEqual([200, 'hello']);
  });

  it('answers 503 TIMEOUT when a request runs past its time', async () => {
    const res = await appWith(limitDuration(20)).request('/slow?ms=200');
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({
      code: 'TIMEOUT',
      message: 'The request took longer than 0.02 s.',
    });
  });

  it('answers 503 OVERLOADED while the limit of requests is in flight, and serves again afterwards', async () => {
    const app = appWith(limitConcurrency(2));
    const running = [app.request('/slow?ms=50'), app.request('/slow?ms=50')];
    const refused = await app.request('/slow?ms=0');
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('OVERLOADED');
    expect((await Promise.all(running)).map((r) => r.status)).toEqual([200, 200]);
    expect((await app.request('/slow?ms=0')).status).toBe(200);
  });

  it('counts a timed-out request as in flight until its work has finished', async () => {
    const app = appWith(limitDuration(10), limitConcurrency(1));
    expect((await app.request('/slow?ms=80')).status).toBe(503);
    expect((await (await app.request('/slow?ms=0')).json()).error.code).toBe('OVERLOADED');
    await sleep(100);
    expect((await app.request('/slow?ms=0')).status).toBe(200);
  });
});
