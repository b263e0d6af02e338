// Hostile requests against every API route, through app.request() (and a few that only a real socket
// can carry): each must be a 4xx JSON error that names what was wrong, never a 500, a stack or a path.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { APP_DEFAULTS, createApp } from '../../server/app.ts';
import { MAX_HEADER_BYTES } from '../../server/http/client-error.ts';
import { zErrorResponse } from '../../server/http/error-response.ts';
import type { IndexHolder } from '../../server/index-holder.ts';
import { type RunningServer, startServer } from '../../server/serve.ts';
import { holderFor, sampleIndex, samplePapers, testConfig } from '../support/sample-index.ts';
import { tempDir } from '../support/temp-dir.ts';

type TestApp = {
  request: (input: string, init?: RequestInit, env?: unknown) => Response | Promise<Response>;
  routes: Array<{ method: string; path: string }>;
};

const TOKEN = 'a-long-enough-test-token';
const PAPER_ID = samplePapers()[0]!.id;
const FROM_LOOPBACK = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const LIMIT = APP_DEFAULTS.maxBodyBytes;

/** A valid body for each POST route, so each attack changes one thing only. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  '/api/ask': { question: 'Why do attention sinks appear?' },
  '/api/ask/stream': { question: 'Why do attention sinks appear?' },
  '/api/verify': { text: 'Attention sinks carry no semantic meaning (see arXiv:2601.04321).' },
  '/api/search': { q: 'attention sinks' },
};

let indexDir: string;
let holder: IndexHolder;
let app: TestApp;
const logged: string[] = [];

function appWith(options: Partial<Parameters<typeof createApp>[0]> = {}): TestApp {
  return createApp({
    holder,
    config: testConfig(),
    webDir: path.join(tempDir(), 'dist'),
    log: (message) => logged.push(message),
    ...options,
  });
}

beforeAll(async () => {
  indexDir = await sampleIndex();
  holder = await holderFor(indexDir);
  app = appWith();
});

// An error the app did not expect is logged with its stack; no hostile request may cause one.
afterEach(() => {
  expect(logged.splice(0), 'unexpected errors logged by the server').toEqual([]);
});

/** Every API route the app serves, with a concrete URL (ids filled in) and its method. */
function apiRoutes(): Array<{ method: string; path: string; url: string }> {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({
      method: r.method,
      path: r.path,
      url: r.path.replace(':id', encodeURIComponent(PAPER_ID)).replace(':asset', 'swagger-ui.css'),
    }));
}

const jsonRoutes = () => apiRoutes().filter((r) => r.method === 'POST' && VALID_BODIES[r.path]);

function post(url: string, body: BodyInit, headers: Record<string, string> = {}, env?: unknown) {
  return app.request(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body },
    env,
  ) as Promise<Response>;
}

const serverPaths = () => [PROJECT_ROOT, os.tmpdir(), indexDir, 'node_modules'];

type Expected = { status?: number; code?: ErrorCode; field?: string | null };

/**
 * Asserts that a response is a client error as the API promises: 4xx, JSON `{ error: { code, message,
 * details, hint } }`, the security headers, no stack, no server path, and nothing large echoed back.
 */
async function expectClientError(res: Response, label: string, expected: Expected = {}) {
  const text = await res.text();
  expect(res.status, `${label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  if (expected.status) expect(res.status, `${label}: ${text.slice(0, 300)}`).toBe(expected.status);
  expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
  expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
  const { error } = zErrorResponse.parse(JSON.parse(text));
  expect(error.message.length, label).toBeGreaterThan(0);
  expect(text, label).not.toMatch(/\n\s+at |\bat \S+ \(.*:\d+:\d+\)|\.ts:\d+/);
  for (const serverPath of serverPaths()) expect(text, label).not.toContain(serverPath);
  expect(text.length, `${label}: the error echoes too much`).toBeLessThan(4096);
  if (expected.code) expect(error.code, label).toBe(expected.code);
  if (expected.field !== undefined) {
    expect((error.details as { field?: unknown } | null)?.field ?? null, label).toBe(expected.field);
  }
  return error;
}

/** The message of an INVALID_INPUT naming `field` reads as a sentence: "<where> '<field>' must …". */
function expectNamedField(message: string, where: 'json' | 'query', field: string) {
  const subject = where === 'json' ? `Field '${field}' of the JSON body` : `Query parameter '${field}'`;
  expect(message.startsWith(subject), message).toBe(true);
  expect(message.slice(subject.length), message).toMatch(/^ (must|is|has) \S.*\.$/);
}

function withoutTiming(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (key, value) => (key === 'tookMs' ? undefined : value));
}

describe('hostile HTTP input', () => {
  describe('on every API route', () => {
    it('serves the routes under test: search, papers, similar, stats, health, reload, ask, stream, verify and map', () => {
      const served = apiRoutes().map((r) => `${r.method} ${r.path}`);
      expect(served).toEqual(
        expect.arrayContaining([
          'GET /api/search',
          'GET /api/papers/:id',
          'GET /api/papers/:id/similar',
          'GET /api/stats',
          'GET /api/health',
          'POST /api/admin/reload',
          'POST /api/ask',
          'POST /api/ask/stream',
          'POST /api/verify',
          'GET /api/map',
        ]),
      );
    });

    it('refuses a body one byte over the limit with 413 PAYLOAD_TOO_LARGE, whatever the route', async () => {
      const body = JSON.stringify({ text: 'x'.repeat(LIMIT) }).slice(0, LIMIT + 1);
      for (const route of apiRoutes()) {
        const res = await post(route.url, body, {}, FROM_LOOPBACK);
        await expectClientError(res, route.path, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
      }
    });

    it('refuses an oversized body that declares no length as it streams in', async () => {
      for (const route of jsonRoutes()) {
        const chunk = new TextEncoder().encode(`{"text":"${'y'.repeat(LIMIT / 2)}`);
        const body = new ReadableStream({
          start(controller) {
            for (let i = 0; i < 3; i++) controller.enqueue(chunk);
            controller.close();
          },
        });
        const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' };
        const res = await app.request(route.url, init as RequestInit);
        await expectClientError(res, route.path, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
      }
    });

    it('answers 100,000 levels of nested JSON with 400, and nesting past the body limit with 413', async () => {
      for (const route of jsonRoutes()) {
        const deep = await post(route.url, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
        const error = await expectClientError(deep, route.path, { status: 400, code: 'INVALID_INPUT', field: null });
        expect(error.message).toBe('The JSON body must be of type object.');
        const [field] = Object.keys(VALID_BODIES[route.path]!);
        const inField = await post(route.url, `{"${field}":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
        await expectClientError(inField, route.path, { status: 400, code: 'INVALID_INPUT', field: field! });
        const objects = await post(route.url, `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`);
        await expectClientError(objects, route.path, { status: 400, code: 'INVALID_INPUT' });
        const huge = await post(route.url, `${'['.repeat(LIMIT)}${']'.repeat(LIMIT)}`);
        await expectClientError(huge, route.path, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
      }
    });

    it('parses a million levels of nesting without a stack overflow when the body limit allows it', async () => {
      const roomy = appWith({ maxBodyBytes: 4 * 1024 * 1024 });
      const send = (body: string) =>
        roomy.request('/api/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const arrays = await send(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
      await expectClientError(arrays, 'arrays', { status: 400, code: 'INVALID_INPUT', field: null });
      const unclosed = await send('['.repeat(1_000_000));
      await expectClientError(unclosed, 'unclosed', { status: 400, code: 'INVALID_INPUT' });
    });

    it('refuses malformed JSON, an empty body, a JSON scalar and a body that is not JSON at all', async () => {
      for (const route of jsonRoutes()) {
        for (const body of ['{"question": ', '', 'null', '42', '"text"', '[]', '{"a":1}{"b":2}']) {
          const res = await post(route.url, body);
          await expectClientError(res, `${route.path} ${JSON.stringify(body)}`, { status: 400, code: 'INVALID_INPUT' });
        }
        const form = await app.request(route.url, { method: 'POST', body: new URLSearchParams({ text: 'x' }) });
        await expectClientError(form, route.path, { status: 400, code: 'INVALID_INPUT', field: 'content-type' });
        const utf16 = await post(
          route.url,
          new Uint8Array(Buffer.from(JSON.stringify(VALID_BODIES[route.path]), 'utf16le')),
        );
        await expectClientError(utf16, route.path, { status: 400, code: 'INVALID_INPUT' });
      }
    });

    // BUG (reported): the body is decoded without `fatal`, so invalid bytes become U+FFFD and the
    // request is answered as if the client had sent replacement characters.
    it('refuses a JSON body that is not valid UTF-8 with 400 INVALID_INPUT', async () => {
      for (const route of jsonRoutes()) {
        const [field, value] = Object.entries(VALID_BODIES[route.path]!)[0]!;
        const bytes = new Uint8Array([
          ...Buffer.from(`{"${field}":"${value} `),
          0xff,
          0xfe,
          0xc3,
          0x28,
          0xed,
          0xa0,
          0x80,
          ...Buffer.from('"}'),
        ]);
        await expectClientError(await post(route.url, bytes), route.path, { status: 400, code: 'INVALID_INPUT' });
      }
    });

    it('ignores query parameters it does not know, including prototype names', async () => {
      for (const route of apiRoutes().filter((r) => r.method === 'GET' && !r.path.startsWith('/api/docs'))) {
        const base = route.path === '/api/search' ? `${route.url}?q=attention` : route.url;
        const plain = await app.request(base);
        const sep = base.includes('?') ? '&' : '?';
        const noisy = await app.request(`${base}${sep}__proto__=1&constructor=x&prototype=y&debug=true&admin=1`);
        expect(noisy.status, route.path).toBe(plain.status);
        expect(noisy.status, route.path).toBe(200);
      }
    });

    it('answers any other method on an API path with a JSON 404', async () => {
      const routes = apiRoutes();
      for (const route of routes) {
        // A path may answer GET and POST both (search); only the methods it does not answer are tried.
        const answered = new Set(routes.filter((r) => r.path === route.path).map((r) => r.method));
        for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'GET', 'POST'].filter((m) => !answered.has(m))) {
          const res = await app.request(route.url, { method }, FROM_LOOPBACK);
          await expectClientError(res, `${method} ${route.path}`, { status: 404, code: 'NOT_FOUND' });
        }
      }
    });
  });

  describe('GET /api/search', () => {
    async function expectInvalidQuery(query: string, field: string) {
      const res = await app.request(`/api/search?${query}`);
      const error = await expectClientError(res, query.slice(0, 80), { status: 400, code: 'INVALID_INPUT', field });
      expectNamedField(error.message, 'query', field);
      return error;
    }

    it('refuses k = 10^9, negative, fractional, exponent, hex and non-finite values of k, offset and ef', async () => {
      for (const k of ['1000000000', '-1', '2.5', '1e3', '0x10', 'NaN', 'Infinity', '']) {
        await expectInvalidQuery(`q=attention&k=${k}`, 'k');
      }
      await expectInvalidQuery('q=attention&offset=1000000000', 'offset');
      await expectInvalidQuery('q=attention&ef=1000000000', 'ef');
      await expectInvalidQuery(`q=attention&year_from=1${'0'.repeat(400)}`, 'year_from');
    });

    // BUG (reported): zod reports the safe-integer bound first for numbers past 2^53, so the message
    // names 9007199254740991 instead of the parameter's own limit.
    it("names the parameter's own bound for a number past 2^53", async () => {
      const error = await expectInvalidQuery('q=attention&k=100000000000000000000', 'k');
      expect(error.message).toBe("Query parameter 'k' must be at most 100.");
    });

    it('refuses a 100 KB query, naming q and its limit, without echoing it', async () => {
      const error = await expectInvalidQuery(`q=${'attention '.repeat(10_240)}`, 'q');
      expect(error.message).toBe("Query parameter 'q' must be at most 20000 characters long.");
    });

    it('refuses a repeated parameter or an array-style parameter', async () => {
      await expectInvalidQuery('q=a&q=b', 'q');
      await expectInvalidQuery('q[]=a&q[]=b', 'q');
      await expectInvalidQuery('q=attention&k=3&k=4', 'k');
    });

    // BUG (reported): a percent-escape that is not UTF-8 is left undecoded and searched for as
    // the literal text "%FF%FE", and a NUL byte is searched for as part of the query.
    it('refuses a query that is not valid UTF-8 or contains a NUL byte', async () => {
      await expectInvalidQuery('q=%FF%FE%80', 'q');
      await expectInvalidQuery('q=attention%C0%AE', 'q');
      await expectInvalidQuery('q=attention%00sinks', 'q');
    });

    it('treats SQL, FTS and regex syntax in the query and filters as words', async () => {
      for (const q of ['" OR 1=1 --', 'NEAR(a b) AND * ^', "'); DROP TABLE papers; --", '(a|b)*+?[', '%_%']) {
        for (const mode of ['hybrid', 'keyword', 'semantic']) {
          const res = await app.request(`/api/search?mode=${mode}&q=${encodeURIComponent(q)}`);
          expect(res.status, `${mode} ${q}`).toBe(200);
        }
        const filtered = await app.request(
          `/api/search?q=attention&author=${encodeURIComponent(q)}&tag=${encodeURIComponent(q)}`,
        );
        expect(filtered.status, q).toBe(200);
      }
      expect(((await (await app.request('/api/stats')).json()) as { papers: number }).papers).toBe(
        samplePapers().length,
      );
    });
  });

  describe('paper ids', () => {
    const TRAVERSALS = [
      '..%2F..%2Fetc%2Fpasswd',
      '....%2F%2F....%2F%2Fetc%2Fpasswd',
      '%2Fetc%2Fpasswd',
      '%2F%2Fetc%2Fpasswd',
      '..%5C..%5Cwindows%5Cwin.ini',
      'C%3A%5CWindows%5Cwin.ini',
      '%252e%252e%252fetc%252fpasswd',
      '%C0%AE%C0%AE%2F%C0%AE%C0%AE%2Fetc%2Fpasswd',
      'file%3A%2F%2F%2Fetc%2Fpasswd',
      '..%2F..%2Fpackage.json',
      '..%2Findex.db',
    ];

    it('treats traversal and absolute-path ids as ids on both paper routes: a JSON 404, never a file', async () => {
      for (const id of TRAVERSALS) {
        for (const url of [`/api/papers/${id}`, `/api/papers/${id}/similar`]) {
          const res = await app.request(url);
          const error = await expectClientError(res, url, { status: 404, code: 'PAPER_NOT_FOUND' });
          expect(error.message).not.toMatch(/root:|"dependencies"|SQLite/);
        }
      }
    });

    it('refuses a NUL byte in an id on both paper routes with 400 naming the id', async () => {
      for (const url of ['/api/papers/abc%00def', '/api/papers/%00/similar']) {
        const error = await expectClientError(await app.request(url), url, {
          status: 400,
          code: 'INVALID_INPUT',
          field: 'id',
        });
        expect(error.message).toBe("Path parameter 'id' must not contain control characters.");
      }
    });

    it('serves no file through the API reference assets, however the name is spelled', async () => {
      for (const name of [
        '..%2F..%2F..%2Fpackage.json',
        '%2e%2e%2f%2e%2e%2fpackage.json',
        'package.json',
        '..%5Cindex.js',
      ]) {
        const res = await app.request(`/api/docs/${name}`);
        await expectClientError(res, name, { status: 404, code: 'NOT_FOUND' });
      }
    });
  });

  describe('POST /api/ask and /api/ask/stream', () => {
    const WRONG: Array<[string, unknown]> = [
      ['question', 5],
      ['question', ['Why?']],
      ['question', { text: 'Why?' }],
      ['question', null],
      ['question', '   '],
      ['question', 'why '.repeat(300)],
      ['k', 1e9],
      ['k', '8'],
      ['k', 2.5],
      ['k', 0],
      ['mode', 'fuzzy'],
      ['filters', 'recent'],
      ['filters.yearFrom', '2020'],
      ['filters.yearTo', 99_999],
      ['filters.author', ''],
      ['generate', 'yes'],
      ['unsupported', 'hide'],
      ['maxSentences', 1e9],
    ];

    function withField(field: string, value: unknown): Record<string, unknown> {
      const body: Record<string, unknown> = { question: 'Why do attention sinks appear?' };
      const [head, tail] = field.split('.');
      if (tail) body[head!] = { [tail]: value };
      else body[head!] = value;
      return body;
    }

    it('refuses each wrong type or out-of-range value with 400 naming the field, before any stream starts', async () => {
      for (const url of ['/api/ask', '/api/ask/stream']) {
        for (const [field, value] of WRONG) {
          const res = await post(url, JSON.stringify(withField(field, value)));
          const label = `${url} ${field}=${JSON.stringify(value).slice(0, 40)}`;
          const error = await expectClientError(res, label, { status: 400, code: 'INVALID_INPUT', field });
          expectNamedField(error.message, 'json', field);
        }
      }
    });

    it('ignores fields it does not know, prototype keys included: the answer is the same without them', async () => {
      const plain = await post('/api/ask', JSON.stringify({ question: 'Why do attention sinks appear?' }));
      const noisy = await post(
        '/api/ask',
        '{"question":"Why do attention sinks appear?","debug":true,"__proto__":{"k":30,"maxSentences":10},"constructor":{"prototype":{"admin":true}}}',
      );
      expect(noisy.status).toBe(200);
      expect(withoutTiming(await noisy.json())).toEqual(withoutTiming(await plain.json()));
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });

    it('refuses a 60 KB question by its length, naming the field', async () => {
      const res = await post('/api/ask', JSON.stringify({ question: 'why '.repeat(15_000) }));
      const error = await expectClientError(res, 'long question', { status: 400, field: 'question' });
      expect(error.message).toBe("Field 'question' of the JSON body must be at most 1000 characters long.");
    });
  });

  describe('POST /api/verify', () => {
    const WRONG: Array<[string, unknown]> = [
      ['text', 42],
      ['text', null],
      ['text', ['a claim']],
      ['text', ' \n\t '],
      ['suggestions', '3'],
      ['suggestions', -1],
      ['suggestions', 1e9],
      ['references.0', ''],
      // BUG (reported): a value that matches neither branch of the `references` union is described
      // with zod's default "Invalid input", giving "Field 'references' of the JSON body Invalid input."
      ['references', 5],
      ['references', [1, 2]],
    ];

    it('refuses each wrong type or out-of-range value with 400 naming the field in a sentence', async () => {
      for (const [field, value] of WRONG) {
        const body: Record<string, unknown> = { text: 'Attention sinks carry no semantic meaning [1].' };
        if (field === 'references.0') body.references = [value];
        else body[field] = value;
        const res = await post('/api/verify', JSON.stringify(body));
        const error = await expectClientError(res, `${field}=${JSON.stringify(value)}`, {
          status: 400,
          code: 'INVALID_INPUT',
          field,
        });
        expectNamedField(error.message, 'json', field);
      }
    });

    it('refuses a text one character over 100,000 by its length, naming the field', async () => {
      const res = await post('/api/verify', JSON.stringify({ text: `${'x'.repeat(99_999)} [1]` }));
      const error = await expectClientError(res, 'long text', { status: 400, code: 'INVALID_INPUT', field: 'text' });
      expect(error.message).toBe("Field 'text' of the JSON body must be at most 100000 characters long.");
    });

    it('ignores fields it does not know: the verdicts are the same without them', async () => {
      const text = 'Attention sinks carry no semantic meaning (see arXiv:2601.04321). Sinks appear in LLMs [1].';
      const plain = await post('/api/verify', JSON.stringify({ text }));
      const noisy = await post(
        '/api/verify',
        `{"text":${JSON.stringify(text)},"strict":true,"model":"x","__proto__":{"suggestions":10}}`,
      );
      expect(noisy.status).toBe(200);
      expect(withoutTiming(await noisy.json())).toEqual(withoutTiming(await plain.json()));
    });

    // BUG (reported): pairing citations with sentences scans every sentence for every citation, so a
    // text of many short cited sentences takes quadratic time on the event loop, where no timeout
    // can stop it (about 5 s for this 20 KB text, 26 s for 40 KB; the limit allows 100,000 characters).
    it('checks 4,000 short cited sentences within 2 s and in about linear time, so one request cannot stall the server', async () => {
      const timeFor = async (sentences: number) => {
        const started = performance.now();
        const res = await post('/api/verify', JSON.stringify({ text: '[1]. '.repeat(sentences), suggestions: 0 }));
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        return performance.now() - started;
      };
      await timeFor(1_000);
      const thousand = await timeFor(1_000);
      const fourThousand = await timeFor(4_000);
      expect(fourThousand).toBeLessThan(2_000);
      // Four times the text may take about four times as long; quadratic work takes about sixteen.
      expect(fourThousand / thousand).toBeLessThan(10);
    });
  });

  describe('headers', () => {
    it('answers 401 to malformed, oversized or doubled bearer tokens when a token is set', async () => {
      const guarded = appWith({ config: testConfig({ CITELENS_TOKEN: TOKEN, CITELENS_HOST: '0.0.0.0' }) });
      for (const authorization of [
        `Bearer ${'x'.repeat(8_000)}`,
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(0, -1)}`,
        `Bearer ${TOKEN}, Bearer ${TOKEN}`,
        `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`,
        `Bearer\t`,
        'Bearer',
        `Token ${TOKEN}`,
        `Bearer ${'\u00ff'.repeat(64)}`,
      ]) {
        const res = await guarded.request('/api/search?q=attention', { headers: { authorization } });
        await expectClientError(res, authorization.slice(0, 40), { status: 401, code: 'UNAUTHORIZED' });
      }
    });

    it('does not trust forwarding headers: a remote peer claiming to be 127.0.0.1 cannot reload', async () => {
      const res = await app.request(
        '/api/admin/reload',
        {
          method: 'POST',
          headers: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1', forwarded: 'for=127.0.0.1' },
        },
        { incoming: { socket: { remoteAddress: '203.0.113.9' } } },
      );
      await expectClientError(res, 'forwarded', { status: 401, code: 'UNAUTHORIZED' });
    });

    it('refuses a cross-origin simple POST (text/plain) to reload, as any web page could send without a token', async () => {
      const res = await app.request(
        '/api/admin/reload',
        { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: 'x' },
        FROM_LOOPBACK,
      );
      await expectClientError(res, 'cross-origin reload', { status: 403, code: 'CROSS_ORIGIN', field: 'origin' });
      const noOrigin = await app.request(
        '/api/admin/reload',
        { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } },
        FROM_LOOPBACK,
      );
      await expectClientError(noOrigin, 'cross-site reload', { status: 403, code: 'CROSS_ORIGIN', field: 'origin' });
    });

    it('accepts JSON whatever the case of its content type, and refuses other content types', async () => {
      const body = JSON.stringify(VALID_BODIES['/api/verify']);
      const upper = await post('/api/verify', body, { 'content-type': 'APPLICATION/JSON; charset=UTF-8' });
      expect(upper.status).toBe(200);
      for (const type of ['text/plain', 'application/jsonx', 'multipart/form-data; boundary=x', 'application/xml']) {
        const res = await post('/api/verify', body, { 'content-type': type });
        await expectClientError(res, type, { status: 400, code: 'INVALID_INPUT', field: 'content-type' });
      }
    });
  });

  describe('over a real socket', () => {
    let server: RunningServer;

    beforeAll(async () => {
      server = await startServer({
        config: testConfig({ CITELENS_PORT: '0' }),
        indexDir,
        webDir: path.join(os.tmpdir(), 'citelens-no-web-ui'),
        log: (message) => logged.push(message),
      });
    });
    afterAll(async () => {
      await server?.close();
    });

    /** Sends raw bytes and returns the raw response (the socket is closed after 1 s if still open). */
    function raw(request: string | Buffer): Promise<string> {
      return new Promise((resolve) => {
        const socket = net.connect(server.port, '127.0.0.1');
        let data = '';
        const timer = setTimeout(() => socket.destroy(), 1_000);
        socket.on('data', (chunk) => {
          data += chunk;
        });
        socket.on('close', () => {
          clearTimeout(timer);
          resolve(data);
        });
        socket.on('error', () => {});
        socket.end(request);
      });
    }

    const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
    const request = (line: string, headers = 'Host: localhost') => `${line}\r\n${headers}\r\nConnection: close\r\n\r\n`;

    it('refuses header floods, request-line garbage and raw non-UTF-8 bytes in the URL with 4xx', async () => {
      const cases: Array<[string, string | Buffer]> = [
        [
          'a header past the header limit',
          request('GET /api/health HTTP/1.1', `Host: localhost\r\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES)}`),
        ],
        [
          '30,000 distinct headers',
          request(
            'GET /api/health HTTP/1.1',
            `Host: localhost${Array.from({ length: 30_000 }, (_, i) => `\r\nX-H${i}: v`).join('')}`,
          ),
        ],
        ['no request line', 'HELLO WORLD\r\n\r\n'],
        [
          'raw bytes in the path',
          Buffer.concat([
            Buffer.from('GET /api/papers/'),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n'),
          ]),
        ],
        [
          'Content-Length with chunked',
          'POST /api/verify HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        ],
        ['a malformed Host', request('GET /api/health HTTP/1.1', 'Host: [::1')],
        ['a foreign Host', request('GET /api/health HTTP/1.1', 'Host: rebound.attacker.example')],
        ['an absolute URL to another host', request('GET http://rebound.attacker.example/api/health HTTP/1.1')],
        [
          'an absolute URL to this machine with a foreign Host',
          request('GET http://127.0.0.1/api/stats HTTP/1.1', 'Host: rebound.attacker.example'),
        ],
        [
          'a 100 GB Content-Length',
          'POST /api/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}',
        ],
      ];
      for (const [label, bytes] of cases) {
        const response = await raw(bytes);
        const status = statusOf(response);
        expect(status, `${label}: ${response.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(status, label).toBeLessThan(500);
        expect(response, label).not.toMatch(/\n\s+at |\.ts:\d+/);
      }
    });

    it('answers a TRACE request with a JSON 404 instead of reflecting it', async () => {
      const response = await raw(
        request('TRACE /api/search?q=attention HTTP/1.1', 'Host: localhost\r\nX-Secret: reflected?'),
      );
      expect(statusOf(response)).toBe(404);
      expect(response).not.toContain('reflected?');
    });

    it('keeps answering normally after all of the above', async () => {
      const res = await fetch(`${server.url}/api/search?q=attention+sinks&k=2`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { results: unknown[] }).results).toHaveLength(2);
    });
  });
});
