// The generation the holder serves and those it served: the leases requests hold on a reader, the
// switch to a newer one (with who is told), and closing a replaced reader once its last lease is released.
import type { IndexReader } from '../../indexer/index.ts';
import { databaseIdentity } from './peer-damage.ts';

/** A reader held for the length of one request; `release` may be called more than once. */
export type IndexLease = { reader: IndexReader; release: () => void };

/** A generation's reader, counted leases on it, and whether it is still the one served. */
export class ServedGeneration {
  readonly reader: IndexReader;
  /** The publish it was opened from (see `publicationOf`); undefined for an older generation served instead. */
  readonly stamp: string | undefined;
  /** Its database file's identity as it starts serving (see databaseIdentity), which damage reports name. */
  readonly file: string | undefined;
  #leases = 0;
  #retired = false;
  #closed = false;

  constructor(reader: IndexReader, stamp: string | undefined) {
    this.reader = reader;
    this.stamp = stamp;
    this.file = databaseIdentity(reader);
  }

  /** Takes a lease on the reader; it stays open until every lease is released. */
  lease(): IndexLease {
    this.#leases++;
    let released = false;
    return {
      reader: this.reader,
      release: () => {
        if (released) return;
        released = true;
        this.#leases--;
        this.#closeIfIdle();
      },
    };
  }

  /** No new request gets this generation: its reader closes once the last lease is released (now, if none is held). */
  retire(): void {
    this.#retired = true;
    this.#closeIfIdle();
  }

  #closeIfIdle(): void {
    if (!this.#retired || this.#leases > 0 || this.#closed) return;
    this.#closed = true;
    this.reader.close();
  }
}

/**
 * Which generation is served: switching to another retires the one before it (closed once idle),
 * starts `onServe` on the new one and tells the change listeners.
 */
export class GenerationSwitch {
  #current: ServedGeneration | undefined;
  readonly #listeners = new Set<(generation: number | null) => void>();
  readonly #onServe: ((reader: IndexReader) => void) | undefined;

  /** `onServe` is called with each reader as it starts being served. */
  constructor(onServe?: (reader: IndexReader) => void) {
    this.#onServe = onServe;
  }

  /** The generation new requests get, if any. */
  get current(): ServedGeneration | undefined {
    return this.#current;
  }

  /** Calls `listener` with the served generation number (null: none) after each switch; returns its remover. */
  onChange(listener: (generation: number | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Serves `reader` (opened from the publish `stamp`) from now on. */
  serve(reader: IndexReader, stamp: string | undefined): void {
    const old = this.#current;
    this.#current = new ServedGeneration(reader, stamp);
    old?.retire();
    this.#onServe?.(reader);
    this.#changed();
  }

  /** Serves nothing from now on (listeners are told only when something was served). */
  stop(): void {
    const served = this.#current;
    this.#current = undefined;
    if (!served) return;
    served.retire();
    this.#changed();
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener(this.#current?.reader.generation ?? null);
  }
}
