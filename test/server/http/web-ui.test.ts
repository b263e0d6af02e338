import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleNotFound } from '../../../server/http/error-handler.ts';
import { chooseEncoding, serveWebUi } from '../../../server/http/web-ui.ts';
import { tempDir } from '../../support/temp-dir.ts';

const SECRET = 'top secret: outside the web folder';

/** A built UI in <tmp>/dist, with a secret file beside dist that must never be served. */
function builtUi(): string {
  const root = tempDir();
  const dist = path.join(root, 'dist');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Citelens UI</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  return dist;
}

function appFor(webDir: string) {
  const app = new Hono();
  app.notFound(handleNotFound);
  app.get('*', serveWebUi(webDir));
  return app;
}

describe('web-ui', () => {
  it('serves the built index.html at / and the files of the build folder', async () => {
    const app = appFor(builtUi());
    const home = await app.request('/');
    expect([home.status, await home.text()]).toEqual([200, '<!doctype html><title>Citelens UI</title>']);
    const script = await app.request('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toBe('console.log("app")');
  });

  it("falls back to index.html for the UI's own routes but not for missing files", async () => {
    const app = appFor(builtUi());
    const route = await app.request('/papers/attention-sink-structural-origin');
    expect([route.status, await route.text()]).toEqual([200, '<!doctype html><title>Citelens UI</title>']);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the build folder, however the path is spelled', async () => {
    const app = appFor(builtUi());
    for (const attempt of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/assets/%00/../../secret.txt',
    ]) {
      const res = await app.request(attempt);
      expect(await res.text(), attempt).not.toContain(SECRET);
    }
  });

  it('leaves /api paths to the API (a JSON 404)', async () => {
    const res = await appFor(builtUi()).request('/api/nothing');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });

  it('explains how to build the UI when it is not built', async () => {
    const app = appFor(path.join(tempDir(), 'dist'));
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('npm run build:web');
    expect((await app.request('/assets/app.js')).status).toBe(404);
  });

  it('shows the UI once it is built, without a restart', async () => {
    const root = tempDir();
    const app = appFor(path.join(root, 'dist'));
    expect(await (await app.request('/')).text()).toContain('not been built');
    fs.mkdirSync(path.join(root, 'dist'));
    fs.writeFileSync(path.join(root, 'dist', 'index.html'), 'built');
    expect(await (await app.request('/')).text()).toBe('built');
  });
});

describe('web-ui serving', () => {
  /** A build with a hashed asset big enough to be worth compressing, and an index.html. */
  function builtWithAssets(): string {
    const dist = builtUi();
    fs.writeFileSync(
      path.join(dist, 'assets', 'index-Ab12Cd34.js'),
      `export const words = "${'citelens '.repeat(400)}";`,
    );
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><title>Citelens UI</title>${'<p>x</p>'.repeat(200)}`,
    );
    return dist;
  }

  it('sends hashed assets brotli-compressed and cached for a year as immutable', async () => {
    const app = appFor(builtWithAssets());
    const res = await app.request('/assets/index-Ab12Cd34.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const compressed = Buffer.from(await res.arrayBuffer());
    const original = fs.readFileSync(path.join(builtWithAssets(), 'assets', 'index-Ab12Cd34.js'));
    expect(compressed.byteLength).toBeLessThan(original.byteLength / 4);
    expect(zlib.brotliDecompressSync(compressed).equals(original)).toBe(true);
  });

  it('falls back to gzip, and sends plain bytes to a client that accepts no encoding', async () => {
    const app = appFor(builtWithAssets());
    const gz = await app.request('/assets/index-Ab12Cd34.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toContain('citelens citelens');
    const plain = await app.request('/assets/index-Ab12Cd34.js', {
      headers: { 'accept-encoding': 'br;q=0, identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('citelens citelens');
  });

  it('has index.html revalidated with an ETag, answering 304 when it has not changed', async () => {
    const app = appFor(builtWithAssets());
    for (const url of ['/', '/library']) {
      const first = await app.request(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await app.request(url, { headers: { 'if-none-match': etag ?? '' } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
    // An unhashed asset is revalidated too, never cached as immutable.
    expect((await app.request('/assets/app.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves a changed index.html with a new ETag', async () => {
    const dist = builtWithAssets();
    const app = appFor(dist);
    const before = (await app.request('/')).headers.get('etag');
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Rebuilt</title>');
    const after = await app.request('/', { headers: { 'if-none-match': before ?? '' } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Rebuilt');
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, honours q=0 and the wildcard', () => {
    expect(chooseEncoding('gzip, br')).toBe('br');
    expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
