// Serves the built web UI (web/dist) at /, with a fallback to index.html for the UI's own routes;
// when the UI is not built, / explains how to build it. Never serves anything outside the folder.
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Handler, MiddlewareHandler } from 'hono';

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

// A last path segment with a dot names a file (a missing asset is a 404, not the app's HTML).
function looksLikeFile(requestPath: string): boolean {
  return /\.[^/]*$/.test(requestPath);
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
  return async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.notFound();
    if (!fs.existsSync(indexHtml)) {
      return c.req.path === '/' || !looksLikeFile(c.req.path) ? c.html(NOT_BUILT_PAGE) : c.notFound();
    }
    // serveStatic refuses paths with "..", backslashes or encoded separators before touching the disk.
    files ??= serveStatic({ root });
    fallback ??= serveStatic({ path: indexHtml });
    const served = await files(c, async () => {});
    if (served) return served;
    if (looksLikeFile(c.req.path)) return c.notFound();
    return (await fallback(c, next)) ?? c.notFound();
  };
}
