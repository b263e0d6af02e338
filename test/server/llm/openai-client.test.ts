import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { createOpenAiClient } from '../../../server/llm/index.ts';
import { MAX_SSE_LINE_CHARS, sseData } from '../../../server/llm/openai-client.ts';
import { type OpenAiStub, startOpenAiStub } from '../../support/openai-stub-server.ts';

const messages = [
  { role: 'system' as const, content: 'Answer briefly.' },
  { role: 'user' as const, content: 'Say hello.' },
];

async function collect(pieces: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const piece of pieces) out.push(piece);
  return out;
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

describe('openai-client', () => {
  let stub: OpenAiStub;
  beforeEach(async () => {
    stub = await startOpenAiStub();
  });
  afterEach(async () => {
    await stub.close();
  });

  const client = (timeoutMs = 2_000, apiKey?: string) =>
    createOpenAiClient({ baseUrl: stub.baseUrl, model: 'stub-model', apiKey, timeoutMs });

  it('sends the model, the messages and the API key, and returns the whole reply', async () => {
    stub.enqueue({ kind: 'text', content: 'Hello there.' });
    const reply = await client(2_000, 'secret-key').complete({ messages });
    expect(reply).toBe('Hello there.');
    const [request] = stub.requests;
    expect(request?.body.model).toBe('stub-model');
    expect(request?.body.stream).toBe(false);
    expect(request?.body.messages).toEqual(messages);
    expect(request?.headers.authorization).toBe('Bearer secret-key');
  });

  it('streams the reply in pieces that join to the whole text', async () => {
    stub.enqueue({ kind: 'text', content: 'A streamed reply of several pieces.' });
    const pieces = await collect(client().stream({ messages }));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('A streamed reply of several pieces.');
    expect(stub.requests[0]?.body.stream).toBe(true);
  });

  it('reports a malformed reply as LLM_UNAVAILABLE with reason malformed, whole or streamed', async () => {
    stub.enqueue({ kind: 'malformed' }, { kind: 'malformed' }, { kind: 'no-choices' });
    const whole = await failureOf(client().complete({ messages }));
    expect(whole.code).toBe('LLM_UNAVAILABLE');
    expect(whole.details).toEqual({ reason: 'malformed' });
    const streamed = await failureOf(collect(client().stream({ messages })));
    expect(streamed.details).toEqual({ reason: 'malformed' });
    const empty = await failureOf(client().complete({ messages }));
    expect(empty.message).toMatch(/without choices/);
  });

  it('gives up after the timeout when the server never answers', async () => {
    stub.enqueue({ kind: 'hang' });
    const started = Date.now();
    const error = await failureOf(client(150).complete({ messages }));
    expect(error.details).toEqual({ reason: 'timeout' });
    expect(error.message).toMatch(/did not answer within 150 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a stream that stalls after its first pieces', async () => {
    stub.enqueue({ kind: 'stall', content: 'This reply stops half way through.', pieces: 2 });
    const seen: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const piece of client(200).stream({ messages })) seen.push(piece);
      })(),
    );
    expect(seen.join('')).toBe('This reply sto');
    expect(error.details).toEqual({ reason: 'timeout' });
  });

  it('reports an HTTP error with its status but not the upstream body, which may echo secrets', async () => {
    stub.enqueue({ kind: 'http-error', status: 401, body: 'invalid api key sk-live-1234 for org acme' });
    const error = await failureOf(client().complete({ messages }));
    expect(error.details).toEqual({ reason: 'http' });
    expect(error.message).toMatch(/HTTP 401/);
    expect(error.message).not.toContain('sk-live-1234');
    expect(error.message).not.toContain('acme');
  });

  it('keeps the query string of the base URL after the joined path', async () => {
    const base = `${stub.baseUrl}/?api_key=query-secret&region=eu`;
    await createOpenAiClient({ baseUrl: base, model: 'm', timeoutMs: 2_000 }).complete({ messages });
    expect(stub.requests[0]?.path).toBe('/v1/chat/completions?api_key=query-secret&region=eu');
  });

  it('sends credentials of the base URL as basic auth and never names them or the query in an error', async () => {
    stub.enqueue({ kind: 'http-error', status: 500, body: 'boom' });
    const base = stub.baseUrl.replace('http://', 'http://alice:pa55word@');
    const error = await failureOf(
      createOpenAiClient({ baseUrl: `${base}?api_key=query-secret`, model: 'm', timeoutMs: 2_000 }).complete({
        messages,
      }),
    );
    expect(stub.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('alice:pa55word').toString('base64')}`);
    expect(error.message).toContain(stub.baseUrl.replace('/v1', ''));
    for (const secret of ['alice', 'pa55word', 'query-secret']) expect(error.message).not.toContain(secret);
  });

  it('reports a server that is not running as unreachable', async () => {
    const baseUrl = stub.baseUrl;
    await stub.close();
    const error = await failureOf(createOpenAiClient({ baseUrl, model: 'm', timeoutMs: 2_000 }).complete({ messages }));
    expect(error.details).toEqual({ reason: 'unreachable' });
    expect(error.message).toContain(baseUrl);
    stub = await startOpenAiStub();
  });

  it('stops reading a stream whose line never ends once it passes the line limit', async () => {
    const piece = new TextEncoder().encode('data: '.padEnd(64 * 1024, 'x'));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 4 MB, then the stream ends: without a limit the whole of it is buffered.
        if (sent++ * piece.length > 4 * 1024 * 1024) controller.close();
        else controller.enqueue(piece);
      },
    });
    const error = await failureOf(collect(sseData(endless)));
    expect(error.details).toEqual({ reason: 'malformed' });
    expect(sent * piece.length).toBeLessThan(MAX_SSE_LINE_CHARS + 2 * piece.length);
  });
});
