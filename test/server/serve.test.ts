import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSafeBind, listenError, startServer } from '../../server/serve.ts';
import { sampleIndex, testConfig } from '../support/sample-index.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('serve', () => {
  it('serves the API on 127.0.0.1 on a port the system picks, then closes', async () => {
    const server = await startServer({
      config: testConfig({ CITELENS_PORT: '0' }),
      indexDir: await sampleIndex(),
      webDir: path.join(tempDir(), 'dist'),
    });
    try {
      expect(server.host).toBe('127.0.0.1');
      expect(server.port).toBeGreaterThan(0);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', generation: 1 });
      const search = await fetch(`${server.url}/api/search?q=attention+sink&k=2`);
      expect(search.status).toBe(200);
      expect((await search.json()).results).toHaveLength(2);
      // The admin route sees the real peer address, which is loopback here.
      const reload = await fetch(`${server.url}/api/admin/reload`, { method: 'POST' });
      expect(await reload.json()).toEqual({ changed: false, previous: 1, generation: 1 });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('refuses to listen beyond this machine without an access token', async () => {
    expect(() => assertSafeBind('0.0.0.0', undefined)).toThrow(
      /Refusing to listen on 0\.0\.0\.0 without an access token/,
    );
    expect(() => assertSafeBind('::', undefined)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => assertSafeBind('0.0.0.0', 'a-long-enough-test-token')).not.toThrow();
    expect(() => assertSafeBind('127.0.0.1', undefined)).not.toThrow();
    await expect(
      startServer({ config: testConfig({ CITELENS_HOST: '0.0.0.0', CITELENS_PORT: '0' }), indexDir: tempDir() }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'host' } });
  });

  it('says which port is taken or which address is missing when listening fails', () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(listenError(failure('EADDRINUSE'), '127.0.0.1', 8787)).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Port 8787 on 127.0.0.1 is already in use; pass another --port.',
      details: { field: 'port' },
    });
    expect(listenError(failure('EADDRNOTAVAIL'), '10.9.9.9', 8787)).toMatchObject({
      message: 'This machine has no address 10.9.9.9 to listen on.',
    });
    const other = failure('EMFILE');
    expect(listenError(other, '127.0.0.1', 8787)).toBe(other);
  });
});
