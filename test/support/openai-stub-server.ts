// A real OpenAI-compatible chat-completions server on 127.0.0.1 (port 0) for tests: it records
// every request and answers with scripted replies, whole or streamed, including broken ones.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply. */
export type StubReply =
  /** A normal reply; streamed in small pieces when the request asks for a stream. */
  | { kind: 'text'; content: string }
  /** A 200 reply whose body (or, streamed, whose first chunk) is not JSON. */
  | { kind: 'malformed' }
  /** A 200 reply that is JSON but has no choices. */
  | { kind: 'no-choices' }
  /** Never answers (for timeouts). */
  | { kind: 'hang' }
  /** Streams the first `pieces` pieces of `content`, then stalls without ending. */
  | { kind: 'stall'; content: string; pieces: number }
  | { kind: 'http-error'; status: number; body: string }
  /** Streams `bytes` bytes of one `data:` line that never ends (no newline), then stalls. */
  | { kind: 'endless-line'; bytes: number };

/** What the stub received: the parsed JSON body and the request headers. */
export type ReceivedRequest = {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model?: string;
    stream?: boolean;
    messages?: Array<{ role: string; content: string }>;
    [key: string]: unknown;
  };
};

export type Script = StubReply | ((request: ReceivedRequest) => StubReply);

export type OpenAiStub = {
  /** Base URL including /v1, as a client is configured with. */
  baseUrl: string;
  /** Every chat-completions request received, in order. */
  requests: ReceivedRequest[];
  /** Queues replies for the next requests; when the queue is empty the default reply answers. */
  enqueue(...replies: Script[]): void;
  close(): Promise<void>;
};

const PIECE_CHARS = 7;

function pieces(content: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < content.length; i += PIECE_CHARS) out.push(content.slice(i, i + PIECE_CHARS));
  return out;
}

function chunk(content: string): string {
  return `data: ${JSON.stringify({ id: 'stub', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] })}\n\n`;
}

function answer(reply: StubReply, stream: boolean, res: http.ServerResponse): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'http-error':
      res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body);
      return;
    case 'no-choices':
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'stub', object: 'error' }));
      return;
    case 'malformed':
      if (stream) res.writeHead(200, { 'content-type': 'text/event-stream' }).end('data: {"choices": [ not json\n\n');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [ not json');
      return;
    case 'endless-line': {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const block = 'x'.repeat(64 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < reply.bytes && !res.destroyed) {
          sent += block.length;
          if (!res.write(sent === block.length ? `data: ${block}` : block)) {
            res.once('drain', more);
            return;
          }
        }
      };
      more();
      return;
    }
    case 'stall':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of pieces(reply.content).slice(0, reply.pieces)) res.write(chunk(piece));
      return;
    case 'text':
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'stub',
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant' } }] })}\n\n`);
      for (const piece of pieces(reply.content)) res.write(chunk(piece));
      res.end('data: [DONE]\n\n');
  }
}

/** Starts a stub; `fallback` answers when no reply is queued (default: a fixed short reply). */
export async function startOpenAiStub(
  fallback: Script = { kind: 'text', content: 'Stub reply.' },
): Promise<OpenAiStub> {
  const requests: ReceivedRequest[] = [];
  const queue: Script[] = [];
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`no route ${req.method} ${req.url}`);
        return;
      }
      let body: ReceivedRequest['body'];
      try {
        body = JSON.parse(Buffer.concat(parts).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('request body is not JSON');
        return;
      }
      const received: ReceivedRequest = { path: req.url ?? '', headers: req.headers, body };
      requests.push(received);
      const script = queue.shift() ?? fallback;
      answer(typeof script === 'function' ? script(received) : script, body.stream === true, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
