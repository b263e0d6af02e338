import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hasBearerToken, requireToken } from '../../../server/http/auth.middleware.ts';
import { createErrorHandler } from '../../../server/http/error-handler.ts';

const TOKEN = 'correct-horse-battery-staple';

describe('auth.middleware', () => {
  it('accepts exactly `Bearer <token>`', () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(hasBearerToken(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(hasBearerToken(TOKEN, TOKEN)).toBe(false);
    expect(hasBearerToken(`Basic ${TOKEN}`, TOKEN)).toBe(false);
    expect(hasBearerToken('Bearer ', TOKEN)).toBe(false);
    expect(hasBearerToken(undefined, TOKEN)).toBe(false);
  });

  it('answers 401 UNAUTHORIZED saying whether the token is missing or wrong', async () => {
    const app = new Hono();
    app.onError(createErrorHandler(() => {}));
    app.use('*', requireToken(TOKEN));
    app.get('/', (c) => c.text('in'));
    const missing = await app.request('/');
    expect(missing.status).toBe(401);
    expect((await missing.json()).error).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The access token is missing.',
    });
    const wrong = await app.request('/', { headers: { Authorization: 'Bearer nope' } });
    expect((await wrong.json()).error.message).toBe('The access token is wrong.');
    const right = await app.request('/', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect([right.status, await right.text()]).toEqual([200, 'in']);
  });
});
