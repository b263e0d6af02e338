import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../../server/http/error-handler.ts';
import { createRouter } from '../../../server/http/router.ts';
import { invalidInput } from '../../../server/http/validation-hook.ts';

const zBody = z.object({
  question: z.string().trim().min(1).max(20),
  options: z.object({ k: z.number().int().min(1).max(10) }).optional(),
  mode: z.enum(['fast', 'careful']).optional(),
});

// A router with one JSON route, answering like the API does.
const router = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/echo',
    request: { body: { required: true, content: { 'application/json': { schema: zBody } } } },
    responses: { 200: { description: 'The body', content: { 'application/json': { schema: zBody } } } },
  }),
  (c) => c.json(c.req.valid('json'), 200),
);
router.onError(createErrorHandler(() => {}));

function post(body: string, contentType = 'application/json') {
  return router.request('/echo', { method: 'POST', body, headers: { 'Content-Type': contentType } });
}

describe('validation-hook', () => {
  it('names a query parameter and its bound', () => {
    const result = z.object({ k: z.number().max(100) }).safeParse({ k: 1000 });
    const error = invalidInput('query', result.error!);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe("Query parameter 'k' must be at most 100.");
    expect(error.details).toMatchObject({ field: 'k', issues: [{ path: ['k'], code: 'too_big' }] });
  });

  it('says a missing parameter is required and a non-number must be a number', () => {
    const schema = z.object({ q: z.string(), k: z.number().int() });
    expect(invalidInput('query', schema.safeParse({}).error!).message).toBe("Query parameter 'q' is required.");
    expect(invalidInput('query', schema.safeParse({ q: 'x', k: 'ten' }).error!).message).toBe(
      "Query parameter 'k' must be a number.",
    );
    expect(invalidInput('query', schema.safeParse({ q: 'x', k: 1.5 }).error!).message).toBe(
      "Query parameter 'k' must be a whole number.",
    );
  });

  it('says a query parameter is given twice when its value arrives as a list', () => {
    const schema = z.object({ q: z.string() });
    const input = { q: ['a', 'b'] };
    expect(invalidInput('query', schema.safeParse(input).error!, input).message).toBe(
      "Query parameter 'q' is given twice; give it once.",
    );
  });

  it('describes string lengths, lower bounds and enums', () => {
    const schema = z.object({ s: z.string().min(3).max(5), n: z.number().min(0), e: z.enum(['a', 'b']) });
    const messages = schema
      .safeParse({ s: 'toolong', n: -1, e: 'c' })
      .error!.issues.map((issue) => invalidInput('param', { issues: [issue] } as z.ZodError).message);
    expect(messages).toEqual([
      "Path parameter 's' must be at most 5 characters long.",
      "Path parameter 'n' must be at least 0.",
      "Path parameter 'e' must be one of a, b.",
    ]);
  });

  it("keeps the project's own 'must …' messages as they are", () => {
    const schema = z.object({ id: z.string().regex(/^\w+$/, 'must not contain control characters') });
    expect(invalidInput('param', schema.safeParse({ id: 'a\u0000' }).error!).message).toBe(
      "Path parameter 'id' must not contain control characters.",
    );
  });

  it('answers an invalid JSON field with 400 naming its path in the body', async () => {
    const res = await post(JSON.stringify({ question: 'why?', options: { k: 50 } }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'options.k' } });
    expect(body.error.message).toBe("Field 'options.k' of the JSON body must be at most 10.");
  });

  it('answers a body that is not an object with 400 about the body itself', async () => {
    const res = await post('[1, 2]');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^The JSON body /);
  });

  it('answers malformed JSON with 400 INVALID_INPUT', async () => {
    const res = await post('{"question": ');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Malformed JSON in request body',
    });
  });

  it('answers a body that is not JSON with 400 naming the content type', async () => {
    const res = await post('question=why', 'text/plain');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'content-type' } });
  });

  it('passes a valid body through to the handler', async () => {
    const res = await post(JSON.stringify({ question: '  why?  ', mode: 'fast' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ question: 'why?', mode: 'fast' });
  });
});
