import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../../server/http/error-handler.ts';
import { requireSameOrigin } from '../../../server/http/same-origin.middleware.ts';

function app(allowedOrigins: string[] = []) {
  const hono = new Hono();
  hono.onError(createErrorHandler(() => {}));
  hono.use('*', requireSameOrigin(allowedOrigins));
  hono.all('/api/admin/reload', (c) => c.text('reloaded'));
  hono.all('/mcp', (c) => c.text('mcp'));
  hono.all('/other', (c) => c.text('other'));
  return hono;
}

const post = (url: string, headers: Record<string, string>) =>
  app(['http://notes.example:3000']).request(url, { method: 'POST', headers, body: 'x' });

describe('same-origin.middleware', () => {
  it('refuses a cross-origin POST to any /api or /mcp path with 403 CROSS_ORIGIN naming the origin', async () => {
    for (const url of ['http://127.0.0.1:8787/api/admin/reload', 'http://127.0.0.1:8787/mcp']) {
      const res = await post(url, { origin: 'https://evil.example', 'content-type': 'text/plain' });
      expect(res.status, url).toBe(403);
      const { error } = (await res.json()) as { error: { code: string; message: string; details: unknown } };
      expect(error.code).toBe('CROSS_ORIGIN');
      expect(error.message).toContain('https://evil.example');
      expect(error.details).toEqual({ field: 'origin' });
    }
  });

  it('refuses a request without Origin whose Sec-Fetch-Site says it came from another site, or an opaque origin', async () => {
    const refused: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
    ];
    for (const headers of refused) {
      expect((await post('http://localhost:8787/api/admin/reload', headers)).status, JSON.stringify(headers)).toBe(403);
    }
  });

  it("accepts the server's own origin, configured CORS origins, and clients that send no Origin (curl, the CLI)", async () => {
    const accepted: Array<Record<string, string>> = [
      { origin: 'http://localhost:8787' },
      { origin: 'http://notes.example:3000' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of accepted) {
      expect((await post('http://localhost:8787/api/admin/reload', headers)).status, JSON.stringify(headers)).toBe(200);
    }
    const proxied = await post('http://127.0.0.1:8787/api/admin/reload', {
      host: 'citelens.example',
      origin: 'https://citelens.example',
    });
    expect(proxied.status).toBe(200);
  });

  it('lets reads and paths outside /api and /mcp through from any origin', async () => {
    const read = await app().request('http://localhost:8787/api/admin/reload', {
      headers: { origin: 'https://evil.example' },
    });
    expect(read.status).toBe(200);
    expect((await post('http://localhost:8787/other', { origin: 'https://evil.example' })).status).toBe(200);
  });
});
