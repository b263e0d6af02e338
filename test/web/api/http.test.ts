// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson } from '../../../web/src/api/http.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  sessionStorage.clear();
});

describe('http', () => {
  it('asks once for the access token after a 401, retries with it, and keeps it for the session', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'no' } }), { status: 401 }),
      )
      .mockImplementation(async () => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const prompt = vi.spyOn(window, 'prompt').mockReturnValue('s3cret-token-0123456789');
    await expect(getJson('/stats')).resolves.toEqual({ ok: true });
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[1]![1].headers.authorization).toBe('Bearer s3cret-token-0123456789');
    await getJson('/stats');
    expect(fetchMock.mock.calls[2]![1].headers.authorization).toBe('Bearer s3cret-token-0123456789');
    expect(prompt).toHaveBeenCalledTimes(1);
  });

  it('reports the 401 when no token is given', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        new Response(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'Send the token.' } }), {
          status: 401,
        }),
      ),
    );
    vi.spyOn(window, 'prompt').mockReturnValue(null);
    await expect(getJson('/stats')).rejects.toMatchObject({ status: 401 });
  });
});
