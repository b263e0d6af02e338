import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requireUtf8 } from '../../../server/http/encoding.middleware.ts';
import { createErrorHandler } from '../../../server/http/error-handler.ts';

function echoApp() {
  const app = new Hono();
  app.onError(createErrorHandler(() => {}));
  app.use('*', requireUtf8);
  app.post('/echo', async (c) => c.text(await c.req.text()));
  return app;
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return echoApp().request('/echo', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

// What Node's IncomingMessage fails a read with when the client closes the connection mid-body.
function clientLeftMidBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"q": "half a'));
      controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    },
  });
}

describe('requireUtf8', () => {
  it('passes a UTF-8 body through unchanged', async () => {
    const res = await post('naïve Bayes über alles');
    expect([res.status, await res.text()]).toEqual([200, 'naïve Bayes über alles']);
  });

  it('refuses a body with an invalid byte sequence as not valid UTF-8', async () => {
    const res = await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('The request body is not valid UTF-8.');
  });

  it('says a body was cut off, not that it was bad text, when the client leaves mid-body', async () => {
    const res = await post(clientLeftMidBody(), { 'content-length': '100' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('The request body was cut off.');
  });

  it('refuses a query value that does not decode, naming the parameter', async () => {
    const res = await echoApp().request('/echo?q=%E0%A4%A', { method: 'POST', body: 'x' });
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'q' } });
  });
});
