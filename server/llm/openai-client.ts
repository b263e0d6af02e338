// An LlmClient for any OpenAI-compatible chat-completions server (llama.cpp, Ollama, vLLM, hosted
// APIs): plain fetch, whole or streamed (server-sent events), with a timeout on every wait.
import { AppError } from '../../core/errors.ts';
import type { ChatRequest, LlmClient } from './llm-client.ts';

export type OpenAiClientOptions = {
  /** Base URL up to and including the API version, e.g. http://127.0.0.1:8080/v1. */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Longest wait for the reply (whole reply), or for the first and each next piece (streamed). */
  timeoutMs: number;
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
};

export const OPENAI_CLIENT_DEFAULTS = {
  temperature: 0.1,
  maxTokens: 700,
} satisfies Partial<ChatRequest>;

/**
 * Longest line a streamed reply may send before its newline (characters). A chunk of 700 tokens
 * is a few KB; a server that never sends a newline would otherwise grow the buffer without end.
 */
export const MAX_SSE_LINE_CHARS = 1024 * 1024;

/**
 * The chat-completions URL under `baseUrl`, joined with the URL API (a query string such as
 * `?api-version=…` stays after the path), with any `user:password@` taken out of it, plus those
 * credentials, and the URL as it may be shown to people (no credentials, no query).
 */
export function chatCompletionsUrl(baseUrl: string): { url: string; credentials: string | undefined; shown: string } {
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  const credentials = url.username
    ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
    : undefined;
  url.username = '';
  url.password = '';
  const shown = new URL(url);
  shown.search = '';
  shown.hash = '';
  return { url: url.href, credentials, shown: shown.href };
}

/** Why a call failed, carried in AppError details so callers can tell a timeout from a bad reply. */
export type LlmFailureReason = 'unreachable' | 'http' | 'malformed' | 'timeout' | 'aborted';

function failure(reason: LlmFailureReason, message: string, cause?: unknown): AppError {
  return new AppError('LLM_UNAVAILABLE', message, { reason }, { cause });
}

// One timer that can be pushed back: each streamed piece resets it.
class Deadline {
  readonly controller = new AbortController();
  timedOut = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    outer: AbortSignal | undefined,
  ) {
    if (outer) {
      if (outer.aborted) this.controller.abort(outer.reason);
      else outer.addEventListener('abort', () => this.controller.abort(outer.reason), { once: true });
    }
    this.reset();
  }

  reset(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error('timeout'));
    }, this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

function contentOfCompletion(body: unknown): string | undefined {
  const choice = (body as { choices?: Array<{ message?: { content?: unknown } }> } | null)?.choices?.[0];
  const content = choice?.message?.content;
  return typeof content === 'string' ? content : undefined;
}

function contentOfChunk(body: unknown): string | undefined | null {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { choices?: unknown }).choices)) return null;
  const choice = (body as { choices: Array<{ delta?: { content?: unknown } }> }).choices[0];
  const content = choice?.delta?.content;
  return typeof content === 'string' ? content : undefined;
}

/** Creates a client for the chat-completions endpoint under `baseUrl`. */
export function createOpenAiClient(options: OpenAiClientOptions): LlmClient {
  const { url, credentials, shown } = chatCompletionsUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch;
  // Messages reach API clients (an answer's notice): they name the server, never its secrets.
  const where = `the LLM at ${shown}`;

  const translate = (error: unknown, deadline: Deadline): AppError => {
    if (error instanceof AppError) return error;
    if (deadline.timedOut) return failure('timeout', `${where} did not answer within ${options.timeoutMs} ms.`, error);
    if (deadline.controller.signal.aborted) return failure('aborted', `The request to ${where} was cancelled.`, error);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error as Error).message;
    return failure('unreachable', `Could not reach ${where}: ${detail}.`, error);
  };

  const post = async (request: ChatRequest, stream: boolean, deadline: Deadline): Promise<Response> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (stream) headers.accept = 'text/event-stream';
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    else if (credentials) headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    const response = await doFetch(url, {
      method: 'POST',
      headers,
      signal: deadline.controller.signal,
      body: JSON.stringify({
        model: options.model,
        messages: request.messages,
        temperature: request.temperature ?? OPENAI_CLIENT_DEFAULTS.temperature,
        max_tokens: request.maxTokens ?? OPENAI_CLIENT_DEFAULTS.maxTokens,
        stream,
      }),
    });
    if (!response.ok) {
      // The body is not quoted: upstream errors echo keys, organisations and internal hosts.
      await response.body?.cancel().catch(() => {});
      throw failure('http', `${where} answered HTTP ${response.status}.`);
    }
    return response;
  };

  const parseJson = (text: string, what: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw failure('malformed', `${where} sent ${what} that is not JSON (${text.length} characters).`, error);
    }
  };

  return {
    model: options.model,

    async complete(request) {
      const deadline = new Deadline(options.timeoutMs, request.signal);
      try {
        const response = await post(request, false, deadline);
        const body = parseJson(await response.text(), 'a reply');
        const content = contentOfCompletion(body);
        if (content === undefined)
          throw failure('malformed', `${where} sent a reply without choices[0].message.content.`);
        return content;
      } catch (error) {
        throw translate(error, deadline);
      } finally {
        deadline.clear();
      }
    },

    async *stream(request) {
      const deadline = new Deadline(options.timeoutMs, request.signal);
      try {
        const response = await post(request, true, deadline);
        // A server that ignores `stream: true` sends one ordinary completion.
        if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
          const content = contentOfCompletion(parseJson(await response.text(), 'a reply'));
          if (content === undefined)
            throw failure('malformed', `${where} sent a reply without choices[0].message.content.`);
          yield content;
          return;
        }
        if (!response.body) throw failure('malformed', `${where} sent an empty stream.`);
        for await (const data of sseData(response.body, () => deadline.reset())) {
          if (data === '[DONE]') return;
          const content = contentOfChunk(parseJson(data, 'a stream chunk'));
          if (content === null) throw failure('malformed', `${where} sent a stream chunk without choices.`);
          if (content) yield content;
        }
      } catch (error) {
        throw translate(error, deadline);
      } finally {
        deadline.clear();
      }
    },
  };
}

/**
 * The `data:` payloads of a server-sent event stream, one per event (multi-line data joined by \n).
 * Throws LLM_UNAVAILABLE (malformed) when a line or an event grows past `maxChars`.
 */
export async function* sseData(
  body: ReadableStream<Uint8Array>,
  onChunk?: () => void,
  maxChars: number = MAX_SSE_LINE_CHARS,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let data: string[] = [];
  let dataChars = 0;
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk?.();
      buffer += decoder.decode(value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
          dataChars = 0;
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
          dataChars += line.length;
        }
        newline = buffer.indexOf('\n');
      }
      if (buffer.length > maxChars || dataChars > maxChars) {
        throw failure('malformed', `The LLM sent a stream line or event longer than ${maxChars} characters.`);
      }
    }
    const rest = buffer.replace(/\r$/, '');
    if (rest.startsWith('data:')) data.push(rest.slice(5).replace(/^ /, ''));
    if (data.length > 0) yield data.join('\n');
  } finally {
    // Stops the download when the consumer leaves early (after [DONE], or on an error).
    await reader.cancel().catch(() => {});
  }
}
