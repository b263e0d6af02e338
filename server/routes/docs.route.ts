// GET /api/docs: a browsable API reference (Swagger UI) served from the installed swagger-ui-dist
// package, with no CDN and no inline script, so it works offline and under the strict CSP.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context } from 'hono';
import { createRouter } from '../http/router.ts';

/** Where the generated OpenAPI 3.1 document is served. */
export const OPENAPI_PATH = '/api/openapi.json';

/** The fixed top of the OpenAPI document (paths come from the routes' zod schemas). */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Citelens API',
    version: '0.1.0',
    description: 'Semantic search, cited answers and citation checks over a local library of paper summaries.',
  },
} as const;

const SWAGGER_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// Only these files are served; the name in the URL is looked up here, never joined onto a path.
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(OPENAPI_PATH)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  tryItOutEnabled: true,
});
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Citelens API</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css">
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

const cache = new Map<string, Buffer>();

function asset(c: Context, name: string): Response | Promise<Response> {
  const type = ASSETS[name];
  if (!type) return c.notFound();
  let body = cache.get(name);
  if (!body) {
    body = fs.readFileSync(path.join(SWAGGER_DIR, name));
    cache.set(name, body);
  }
  c.header('Content-Type', type);
  c.header('Cache-Control', 'public, max-age=86400');
  return c.body(new Uint8Array(body), 200);
}

export const docsRoutes = createRouter()
  .get('/docs', (c) => c.html(PAGE))
  .get('/docs/init.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(INIT_SCRIPT, 200);
  })
  .get('/docs/:asset', (c) => asset(c, c.req.param('asset')));
