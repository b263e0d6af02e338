// Serves the built web UI (web/dist) at /, with a fallback to index.html for the UI's own routes;
// when the UI is not built, / explains how to build it. Never serves anything outside the folder.
// Text files go out brotli- or gzip-compressed; Vite's hashed assets are cached for a year, and
// everything else (index.html above all) is revalidated with an ETag on every load.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Handler, MiddlewareHandler } from 'hono';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Citelens</title></head>
  <body>
    <h1>Citelens</h1>
    <p>The API is running, but the web UI has not been built yet.</p>
    <p>Build it with <code>npm run build:web</code> (or run <code>citelens start</code>), then reload this page.</p>
    <p>The API reference is at <a href="/api/docs">/api/docs</a>.</p>
  </body>
</html>
`;

/** How files are cached by browsers. */
export const CACHE_CONTROL = {
  /** Vite names assets after a hash of their content, so a changed file is a new URL. */
  hashed: 'public, max-age=31536000, immutable',
  /** index.html and unhashed files: the browser asks again each time and gets 304 if unchanged. */
  revalidate: 'no-cache',
} as const;

// Vite's output names: assets/<name>-<8+ hash characters>.<ext>.
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/;
// Below this size compression costs more than it saves (headers, a round of the compressor).
const MIN_COMPRESS_BYTES = 512;

// A last path segment with a dot names a file (a missing asset is a 404, not the app's HTML).
function looksLikeFile(requestPath: string): boolean {
  return /\.[^/]*$/.test(requestPath);
}

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (brotli first), or undefined for none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  for (const encoding of ['br', 'gzip'] as const) {
    const q = accepted.get(encoding) ?? accepted.get('*');
    if (q !== undefined && q > 0) return encoding;
  }
  return undefined;
}

type Bytes = Uint8Array<ArrayBuffer>;
type Prepared = { etag: string; body: Bytes; encodings: Partial<Record<Encoding, Bytes>> };

// Brotli's best quality makes the 420 KB bundle 114 KB but takes about 2 s; quality 5 takes 60 ms
// for 126 KB. The first request gets the quick one, and the best one replaces it once a pool
// thread has made it.
const QUICK_BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };
const BEST_BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };

function compress(entry: Prepared, encoding: Encoding): Bytes {
  if (encoding === 'gzip') return zlib.gzipSync(entry.body, { level: 9 });
  zlib.brotliCompress(entry.body, BEST_BROTLI, (error, best) => {
    if (!error) entry.encodings.br = best as Bytes;
  });
  return zlib.brotliCompressSync(entry.body, QUICK_BROTLI) as Bytes;
}

/**
 * Adds compression, an ETag and Cache-Control to a file response of serveStatic. Bodies and their
 * compressed forms are kept per content hash, so each file is compressed once per build.
 */
async function finish(c: Context, served: Response, prepared: Map<string, Prepared>): Promise<Response> {
  if (served.status !== 200) return served;
  const body = new Uint8Array(await served.arrayBuffer());
  // Weak: the bytes sent differ by encoding (and brotli quality), the content does not.
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  let entry = prepared.get(etag);
  if (!entry) {
    entry = { etag, body, encodings: {} };
    prepared.set(etag, entry);
  }
  const headers = new Headers(served.headers);
  headers.set('ETag', etag);
  headers.set('Cache-Control', HASHED_ASSET.test(c.req.path) ? CACHE_CONTROL.hashed : CACHE_CONTROL.revalidate);
  headers.set('Vary', 'Accept-Encoding');
  headers.delete('Content-Length');
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const type = headers.get('content-type') ?? '';
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (encoding && COMPRESSIBLE.test(type) && body.byteLength >= MIN_COMPRESS_BYTES) {
    entry.encodings[encoding] ??= compress(entry, encoding);
    headers.set('Content-Encoding', encoding);
    return new Response(c.req.method === 'HEAD' ? null : entry.encodings[encoding], { status: 200, headers });
  }
  return new Response(c.req.method === 'HEAD' ? null : entry.body, { status: 200, headers });
}

/**
 * The GET handler for every non-API path: a file of `webDir`, else index.html for UI routes, else
 * 404. Whether the UI is built is checked per request, so a build made while serving shows up.
 */
export function serveWebUi(webDir: string): Handler {
  const root = path.resolve(webDir);
  const indexHtml = path.join(root, 'index.html');
  let files: MiddlewareHandler | undefined;
  let fallback: MiddlewareHandler | undefined;
  const prepared = new Map<string, Prepared>();
  return async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.notFound();
    if (!fs.existsSync(indexHtml)) {
      return c.req.path === '/' || !looksLikeFile(c.req.path) ? c.html(NOT_BUILT_PAGE) : c.notFound();
    }
    // A rebuild replaces every hashed file; forget the old ones rather than keep them forever.
    if (prepared.size > 500) prepared.clear();
    // serveStatic refuses paths with "..", backslashes or encoded separators before touching the disk.
    files ??= serveStatic({ root });
    fallback ??= serveStatic({ path: indexHtml });
    const served = await files(c, async () => {});
    if (served) return finish(c, served, prepared);
    if (looksLikeFile(c.req.path)) return c.notFound();
    const page = await fallback(c, next);
    return page ? finish(c, page, prepared) : c.notFound();
  };
}
