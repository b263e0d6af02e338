import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../../server/http/error-handler.ts';
import { requireLocalHostHeader } from '../../../server/http/host-check.middleware.ts';

function appAllowing(hosts: string[] = []) {
  const app = new Hono();
  app.onError(createErrorHandler(() => {}));
  app.use('*', requireLocalHostHeader(hosts));
  app.get('/', (c) => c.text('ok'));
  return app;
}

describe('host-check.middleware', () => {
  it('serves requests addressed to this machine', async () => {
    for (const url of ['http://localhost/', 'http://127.0.0.1:8787/', 'http://[::1]:8787/']) {
      expect((await appAllowing().request(url)).status, url).toBe(200);
    }
  });

  it('refuses a request addressed to another name, as a DNS-rebinding page would send', async () => {
    const res = await appAllowing().request('http://attacker.example:8787/');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: "This server answers to localhost only, not to the host 'attacker.example'.",
      details: { field: 'host' },
    });
  });

  it('serves the extra host names it is given', async () => {
    expect((await appAllowing(['citelens.internal']).request('http://citelens.internal/')).status).toBe(200);
  });

  it('refuses a foreign Host header even when the request line names this machine (absolute form)', async () => {
    const res = await appAllowing().request('http://127.0.0.1/', { headers: { host: 'attacker.example' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain("'attacker.example'");
    const ok = await appAllowing().request('http://127.0.0.1/', { headers: { host: 'localhost:8787' } });
    expect(ok.status).toBe(200);
  });
});
