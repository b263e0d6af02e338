import { describe, expect, it } from 'vitest';
import { readEventStream, type StreamEvent } from '../../../web/src/api/event-stream.ts';

const encoder = new TextEncoder();

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function eventsOf(chunks: Uint8Array[]): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  await readEventStream(streamOf(chunks), (event) => events.push(event));
  return events;
}

describe('event-stream', () => {
  it('reads named events whose lines and characters are split across chunks', async () => {
    const bytes = encoder.encode(
      'event: sources\ndata: {"a":1}\n\n: a comment\nevent: delta\ndata: {"text":"é…"}\n\nevent: done\ndata: {}\n\n',
    );
    // Cut inside the event name, between the two newlines, and inside the two bytes of "é".
    const eAcute = bytes.indexOf(0xc3);
    const cuts = [10, 28, eAcute + 1, bytes.length];
    const chunks = cuts.map((end, i) => bytes.slice(i === 0 ? 0 : cuts[i - 1], end));
    expect(await eventsOf(chunks)).toEqual([
      { event: 'sources', data: '{"a":1}' },
      { event: 'delta', data: '{"text":"é…"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('joins multi-line data, defaults the event name, and reads a last event without a blank line', async () => {
    expect(
      await eventsOf([encoder.encode('data: one\ndata: two\r\n\r\n'), encoder.encode('event: done\ndata: {}')]),
    ).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'done', data: '{}' },
    ]);
  });
});
