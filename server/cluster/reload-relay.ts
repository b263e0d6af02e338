// Relays one worker's reload to the others and answers it once they all have: the cluster's part
// in keeping every worker on the same index generation.
import type { SentError } from './messages.ts';

/** A worker as the relay sees it: something to tell, named by its pid in messages. */
export type RelayPeer = { pid: number | undefined };

type Relay<P extends RelayPeer> = {
  from: P;
  /** The id the asking worker gave its request. */
  id: number;
  waiting: Set<P>;
  errors: SentError[];
  timer: NodeJS.Timeout;
};

/** Sends and answers the messages of relayed reloads; `tell` delivers them to a worker. */
export class ReloadRelay<P extends RelayPeer> {
  readonly #relays = new Map<number, Relay<P>>();
  #nextId = 1;
  /** How many reloads were relayed so far: a worker forked before the last one may have missed it. */
  count = 0;

  constructor(
    private readonly tell: {
      reload: (peer: P, relayId: number) => void;
      answer: (peer: P, id: number, error: SentError | undefined) => void;
    },
    private readonly timeoutMs: number,
  ) {}

  /** `from` reloaded (its request `id`): tell every one of `others` to, and answer `from` when they have. */
  start(from: P, id: number, others: P[]): void {
    this.count++;
    const relayId = this.#nextId++;
    const timer = setTimeout(() => {
      const slow = [...relay.waiting].map((peer) => peer.pid).join(', ');
      relay.errors.push({
        code: 'TIMEOUT',
        message: `server worker ${slow} did not finish reloading within ${this.timeoutMs / 1000} s`,
      });
      this.#finish(relayId);
    }, this.timeoutMs);
    timer.unref();
    const relay: Relay<P> = { from, id, waiting: new Set(others), errors: [], timer };
    this.#relays.set(relayId, relay);
    for (const other of others) this.tell.reload(other, relayId);
    if (others.length === 0) this.#finish(relayId);
  }

  /** `peer` finished the reload relayed under `relayId` (or failed with `error`). */
  done(peer: P, relayId: number, error: SentError | undefined): void {
    const relay = this.#relays.get(relayId);
    if (!relay) return;
    if (error) relay.errors.push({ code: error.code, message: `server worker ${peer.pid}: ${error.message}` });
    relay.waiting.delete(peer);
    if (relay.waiting.size === 0) this.#finish(relayId);
  }

  /** `peer` is gone: a reload does not wait for it (its replacement opens the newest generation). */
  forget(peer: P): void {
    for (const [relayId, relay] of [...this.#relays]) {
      if (relay.waiting.delete(peer) && relay.waiting.size === 0) this.#finish(relayId);
    }
  }

  #finish(relayId: number): void {
    const relay = this.#relays.get(relayId);
    if (!relay) return;
    clearTimeout(relay.timer);
    this.#relays.delete(relayId);
    const [first] = relay.errors;
    const error: SentError | undefined = first && {
      code: first.code,
      message: `This server reloaded, but not every other one did: ${relay.errors.map((e) => e.message).join('; ')}.`,
    };
    this.tell.answer(relay.from, relay.id, error);
  }
}
