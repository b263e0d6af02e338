import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { currentGeneration } from '../../indexer/index.ts';
import { MAX_HEADER_BYTES } from '../../server/http/client-error.ts';
import { SEARCH_LIMITS } from '../../server/search/index.ts';
import { assertSafeBind, listenError, startServer } from '../../server/serve.ts';
import { buildIndex, sampleIndex, testConfig } from '../support/sample-index.ts';
import { lockDatabase } from '../support/system-failures.ts';
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

  it('answers a GET search whose 20,000-character query is three times as long percent-encoded', async () => {
    const server = await startServer({
      config: testConfig({ CITELENS_PORT: '0' }),
      indexDir: await sampleIndex(),
      webDir: path.join(tempDir(), 'dist'),
    });
    try {
      // Every '#' is sent as %23: the URL holds about 60,000 bytes, past Node's 16 KiB default.
      const query = `attention${'#'.repeat(SEARCH_LIMITS.maxQueryChars - 'attention'.length)}`;
      const url = `${server.url}/api/search?q=${encodeURIComponent(query)}&k=2`;
      expect(url.length).toBeGreaterThan(3 * (SEARCH_LIMITS.maxQueryChars - 10));
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { query: string; results: unknown[] };
      expect(body.query).toHaveLength(SEARCH_LIMITS.maxQueryChars);
      expect(body.results.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('answers a request past even that header limit with a JSON 431 that says to use POST', async () => {
    const server = await startServer({
      config: testConfig({ CITELENS_PORT: '0' }),
      indexDir: await sampleIndex(),
      webDir: path.join(tempDir(), 'dist'),
    });
    try {
      const res = await fetch(`${server.url}/api/search?q=${'a'.repeat(MAX_HEADER_BYTES)}`);
      expect(res.status).toBe(431);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const { error } = (await res.json()) as { error: { code: string; message: string; hint: string } };
      expect(error.code).toBe('HEADERS_TOO_LARGE');
      expect(error.message).toBe(
        'The request line and headers are larger than 64 KB; a GET query longer than that must be sent with POST.',
      );
      expect(error.hint).toContain('POST /api/search');
      // Bytes that are not HTTP get a JSON 400, as Node's own 400 had no body.
      const garbage = await new Promise<string>((resolve) => {
        let data = '';
        const socket = net.connect(server.port, '127.0.0.1');
        socket.on('data', (chunk) => {
          data += chunk;
        });
        socket.on('close', () => resolve(data));
        socket.on('error', () => {});
        socket.end('HELLO WORLD\r\n\r\n');
      });
      expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).error).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'The request is not valid HTTP/1.1.',
      });
      // The server keeps answering after both.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
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

  it('says at start that a damaged index is answered 503 by the API and INDEX_CORRUPT by the MCP tools at /mcp', async () => {
    const indexDir = tempDir();
    fs.writeFileSync(path.join(indexDir, 'CURRENT'), 'gen-000009\n');
    const notices: string[] = [];
    const server = await startServer({
      config: testConfig({ CITELENS_PORT: '0' }),
      indexDir,
      webDir: path.join(tempDir(), 'dist'),
      onNotice: (message) => notices.push(message),
    });
    try {
      // The old notice spoke of the API alone, though /mcp is served beside it.
      expect(notices.join('\n')).toMatch(
        /names gen-000009, which is missing\. The API answers 503 and the MCP tools at \/mcp answer INDEX_CORRUPT until it is rebuilt: Rebuild it/,
      );
    } finally {
      await server.close();
    }
  });

  // Regression: a lock on the index at start made `citelens serve --watch` exit, though it would pick the index up later.
  it('starts when watching an index another process holds locked, answering 503 INDEX_BUSY until the lock is gone; without watching it refuses to start', async () => {
    const { dir } = await buildIndex();
    const unlock = lockDatabase(path.join(currentGeneration(dir)!.dir, 'index.db'));
    const config = testConfig({ CITELENS_PORT: '0' });
    const webDir = path.join(tempDir(), 'dist');
    const notices: string[] = [];
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      await expect(startServer({ config, indexDir: dir, webDir })).rejects.toMatchObject({ code: 'INDEX_BUSY' });
      server = await startServer({
        config,
        indexDir: dir,
        webDir,
        watch: true,
        watchIntervalMs: 50,
        onNotice: (m) => notices.push(m),
      });
      expect(notices.join('\n')).toMatch(
        /locked by another connection.*The API answers 503 INDEX_BUSY until it can be read/,
      );
      const res = await fetch(`${server.url}/api/search?q=attention`);
      const body = await res.json();
      expect([res.status, body.error.code]).toEqual([503, 'INDEX_BUSY']);
      expect(body.error.message).not.toContain(dir);
    } finally {
      unlock();
    }
    try {
      await vi.waitFor(async () => expect((await fetch(`${server!.url}/api/search?q=attention`)).status).toBe(200), {
        timeout: 15_000,
        interval: 50,
      });
    } finally {
      await server?.close();
    }
  }, 60_000);

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
