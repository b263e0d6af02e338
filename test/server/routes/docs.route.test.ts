import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { holderFor, testConfig } from '../../support/sample-index.ts';

async function docsApp() {
  return createApp({ holder: await holderFor(), config: testConfig() });
}

describe('docs.route', () => {
  it('serves a Swagger UI page that loads only local files and no inline script', async () => {
    const res = await (await docsApp()).request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls).toEqual(
      expect.arrayContaining(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']),
    );
    for (const url of urls) expect(url).toMatch(/^\/api\/docs\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src)[^>]*>/);
    expect(html).not.toMatch(/style=/);
  });

  it('serves the swagger-ui-dist files with their content types', async () => {
    const app = await docsApp();
    const css = await app.request('/api/docs/swagger-ui.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    const js = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    const init = await (await app.request('/api/docs/init.js')).text();
    expect(init).toContain('url: "/api/openapi.json"');
  });

  it('serves no other file, whatever the name', async () => {
    const app = await docsApp();
    for (const name of [
      'package.json',
      'index.html',
      '..%2Fpackage.json',
      '..%2F..%2F..%2Fpackage.json',
      'swagger-ui.js.map',
    ]) {
      const res = await app.request(`/api/docs/${name}`);
      expect(res.status, name).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
  });

  it('serves the OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await (await docsApp()).request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.info.title).toBe('Citelens API');
    const k = doc.paths['/api/search'].get.parameters.find((p: { name: string }) => p.name === 'k');
    expect(k.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 10 });
    expect(doc.security).toBeUndefined();
  });
});
