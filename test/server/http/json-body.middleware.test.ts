import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { describeJsonSyntaxError } from '../../../server/http/json-body.middleware.ts';
import { holderFor, sampleIndex, testConfig } from '../../support/sample-index.ts';

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp({ holder: await holderFor(await sampleIndex()), config: testConfig() });
});

function post(path: string, body: string, contentType = 'application/json') {
  return app.request(path, { method: 'POST', body, headers: { 'content-type': contentType } });
}

describe('json-body.middleware', () => {
  it('says where a JSON body breaks, by line and column, on every JSON route', async () => {
    const body = '{\n  "q": "attention",\n  "k": 3,\n}';
    for (const path of ['/api/search', '/api/ask', '/api/verify']) {
      const res = await post(path, body);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error, path).toEqual({
        code: 'INVALID_INPUT',
        message: 'The JSON body is not valid JSON: Expected double-quoted property name at line 4, column 1.',
        details: { field: null },
        hint: expect.any(String),
      });
    }
  });

  it('says a body cut off or left empty is so', async () => {
    const cut = await post('/api/ask', '{"question": ');
    expect((await cut.json()).error.message).toBe(
      'The JSON body is not valid JSON: Unexpected end of JSON input at line 1, column 14.',
    );
    const empty = await post('/api/ask', '');
    expect((await empty.json()).error.message).toBe('The JSON body is empty; send a JSON object.');
  });

  it('leaves a well-formed body, and a body of another type, to the route', async () => {
    const ok = await post('/api/search', JSON.stringify({ q: 'attention', k: 1 }));
    expect(ok.status).toBe(200);
    const form = await post('/api/search', 'q=attention', 'application/x-www-form-urlencoded');
    expect((await form.json()).error.details).toEqual({ field: 'content-type' });
  });

  it('words what V8 reports without quoting the body back', () => {
    const syntaxError = (text: string) => {
      try {
        JSON.parse(text);
      } catch (error) {
        return error as SyntaxError;
      }
      throw new Error('expected a syntax error');
    };
    const text = '{"a": tru}';
    expect(describeJsonSyntaxError(text, syntaxError(text))).toBe(
      "The JSON body is not valid JSON: Unexpected token '}'.",
    );
    const trailing = '{"a": 1}\n x';
    expect(describeJsonSyntaxError(trailing, syntaxError(trailing))).toBe(
      'The JSON body is not valid JSON: Unexpected non-whitespace character after JSON at line 2, column 2.',
    );
  });
});
