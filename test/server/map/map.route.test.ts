import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../server/http/app-env.ts';
import { createErrorHandler } from '../../../server/http/error-handler.ts';
import { GENERATION_HEADER } from '../../../server/http/index.middleware.ts';
import type { IndexHolder } from '../../../server/index-holder.ts';
import { zMapResponse } from '../../../server/map/index.ts';
import { mapRoutes } from '../../../server/routes/map.route.ts';
import { holderFor, sampleIndex, samplePapers, testConfig } from '../../support/sample-index.ts';

// The route mounted as app.ts mounts route modules: under /api, with the holder and config set.
function appWith(holder: IndexHolder) {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(createErrorHandler(() => {}));
  app.use('/api/*', async (c, next) => {
    c.set('holder', holder);
    c.set('config', testConfig());
    await next();
  });
  return app.route('/api', mapRoutes);
}

describe('map.route', () => {
  it('answers GET /api/map with a point for every paper of the served generation', async () => {
    const app = appWith(await holderFor(await sampleIndex()));
    const res = await app.request('/api/map');
    expect(res.status).toBe(200);
    expect(res.headers.get(GENERATION_HEADER)).toBe('1');
    const body = zMapResponse.parse(await res.json());
    expect(body.points).toHaveLength(samplePapers().length);
  });

  it('answers 503 INDEX_NOT_FOUND when no index is loaded', async () => {
    const app = appWith(await holderFor());
    const res = await app.request('/api/map');
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('INDEX_NOT_FOUND');
  });
});
