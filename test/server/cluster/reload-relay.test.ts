import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SentError } from '../../../server/cluster/messages.ts';
import { ReloadRelay } from '../../../server/cluster/reload-relay.ts';

type Peer = { pid: number };

/** A relay whose messages are recorded as `reload <pid> <relayId>` and `answer <pid> <id> [error]`. */
function recordingRelay(timeoutMs = 1_000) {
  const said: string[] = [];
  const relayIds = new Map<number, number>();
  const relay = new ReloadRelay<Peer>(
    {
      reload: (peer, relayId) => {
        relayIds.set(peer.pid, relayId);
        said.push(`reload ${peer.pid}`);
      },
      answer: (peer, id, error?: SentError) =>
        said.push(`answer ${peer.pid} ${id}${error ? ` ${error.code}: ${error.message}` : ''}`),
    },
    timeoutMs,
  );
  return { relay, said, relayIdOf: (peer: Peer) => relayIds.get(peer.pid)! };
}

const [a, b, c] = [{ pid: 1 }, { pid: 2 }, { pid: 3 }];

afterEach(() => {
  vi.useRealTimers();
});

describe('ReloadRelay', () => {
  it('answers the asking worker only once every other one has reloaded', () => {
    const { relay, said, relayIdOf } = recordingRelay();
    relay.start(a, 7, [b, c]);
    expect(said).toEqual(['reload 2', 'reload 3']);
    relay.done(b, relayIdOf(b), undefined);
    expect(said).toHaveLength(2);
    relay.done(c, relayIdOf(c), undefined);
    expect(said).toEqual(['reload 2', 'reload 3', 'answer 1 7']);
    expect(relay.count).toBe(1);
  });

  it('answers at once when there is no other worker', () => {
    const { relay, said } = recordingRelay();
    relay.start(a, 1, []);
    expect(said).toEqual(['answer 1 1']);
  });

  it('does not wait for a worker that died, and says which one failed to reload', () => {
    const { relay, said, relayIdOf } = recordingRelay();
    relay.start(a, 1, [b, c]);
    relay.forget(b);
    relay.done(c, relayIdOf(c), { code: 'INDEX_CORRUPT', message: 'gen-000002 is missing' });
    expect(said.at(-1)).toBe(
      'answer 1 1 INDEX_CORRUPT: This server reloaded, but not every other one did: server worker 3: gen-000002 is missing.',
    );
  });

  it('answers with TIMEOUT naming the workers that did not finish in time', () => {
    vi.useFakeTimers();
    const { relay, said, relayIdOf } = recordingRelay(2_000);
    relay.start(a, 4, [b, c]);
    relay.done(b, relayIdOf(b), undefined);
    vi.advanceTimersByTime(2_000);
    expect(said.at(-1)).toBe(
      'answer 1 4 TIMEOUT: This server reloaded, but not every other one did: server worker 3 did not finish reloading within 2 s.',
    );
    // A late answer changes nothing.
    relay.done(c, relayIdOf(c), undefined);
    expect(said.filter((line) => line.startsWith('answer'))).toHaveLength(1);
  });
});
