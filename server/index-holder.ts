// Owns the index generation the server answers from: hands out counted leases on it, swaps in a
// newer published generation atomically, and closes an old one only when its last request is done.
// With several server processes, a reload here also reloads its peers (see server/cluster/).
import path from 'node:path';
import { AppError, isAppError } from '../core/errors.ts';
import {
  currentGeneration,
  type IndexReader,
  type OpenIndexOptions,
  olderGenerations,
  openIndex,
} from '../indexer/index.ts';
import { searchPapers } from './search/index.ts';

/** A reader held for the length of one request; `release` may be called more than once. */
export type IndexLease = { reader: IndexReader; release: () => void };

/** What a reload did. */
export type ReloadResult = { changed: boolean; previous: number | null; generation: number | null };

/** Options for `openIndex`, plus how to bring the other server processes along on a reload. */
export type IndexHolderOptions = OpenIndexOptions & {
  /**
   * Called after every `reload` (and a watcher's reload that changed something), and awaited
   * before the reload resolves, so that when it does every process serves this generation or newer.
   */
  reloadPeers?: (result: ReloadResult) => Promise<void>;
  /** Called with each generation as it starts being served (work to begin before its first requests). */
  onServe?: (reader: IndexReader) => void;
};

type Slot = { reader: IndexReader; leases: number; retired: boolean; closed: boolean };

/** The newest published generation could not be opened because it is damaged (INDEX_CORRUPT). */
export type IndexProblem = { generation: number | null; error: AppError };

/**
 * Searched on a newly published generation before it replaces the served one: the first searches
 * of a reader are several times slower (statements not prepared, pages not read), and under load
 * the requests queued behind them would wait for that. (At start, `startServer` warms up instead.)
 */
export const WARM_UP_QUERIES = ['attention heads in transformer layers', 'graph neural networks', 'retrieval evidence'];

async function warmUp(reader: IndexReader): Promise<void> {
  try {
    for (const query of WARM_UP_QUERIES) await searchPapers(reader, { query, mode: 'hybrid', k: 10 });
  } catch {
    // A generation that cannot answer these says so to the first real request, with its error.
  }
}

export class IndexHolder {
  #dir: string | undefined;
  #current: Slot | undefined;
  #reloading: Promise<ReloadResult> | undefined;
  #watcher: NodeJS.Timeout | undefined;
  #problem: IndexProblem | undefined;
  readonly #options: OpenIndexOptions;
  readonly #onNotice: (message: string) => void;
  readonly #reloadPeers: ((result: ReloadResult) => Promise<void>) | undefined;
  readonly #onServe: ((reader: IndexReader) => void) | undefined;

  /** `options` (but `reloadPeers`) are passed to `openIndex` for every generation this holder opens. */
  constructor(options: IndexHolderOptions = {}) {
    const { reloadPeers, onServe, ...openOptions } = options;
    this.#options = openOptions;
    this.#onServe = onServe;
    this.#onNotice = options.onNotice ?? (() => {});
    this.#reloadPeers = reloadPeers;
  }

  /** The index folder this holder serves (set by `open`, even when that found no index yet). */
  get dir(): string | undefined {
    return this.#dir;
  }

  /** The generation new requests are served from, or null when no index is loaded. */
  get generation(): number | null {
    return this.#current?.reader.generation ?? null;
  }

  /**
   * Why the newest published generation is not the one served: it is damaged. Cleared once a
   * generation opens; a served older generation keeps answering meanwhile.
   */
  get problem(): IndexProblem | undefined {
    return this.#problem;
  }

  /**
   * Opens the published generation in `dir` and serves it. When it is damaged, serves the newest
   * older generation still on disk that opens (the one it replaced, kept until the next run) and
   * keeps the damage as `problem`. Throws INDEX_NOT_FOUND when the folder holds no index yet,
   * INDEX_CORRUPT when it is damaged and nothing older opens; the folder is remembered, so
   * `reload` and `watch` pick the index up later.
   */
  async open(dir: string): Promise<IndexReader> {
    this.#dir = path.resolve(dir);
    try {
      const reader = await this.#openRecordingDamage(this.#dir);
      this.#swap(reader);
      return reader;
    } catch (error) {
      const damage = this.#problem;
      const older = damage ? await this.#openOlder(this.#dir, damage) : undefined;
      if (!damage || !older) throw error;
      this.#swap(older);
      this.#problem = damage;
      const which = damage.generation === null ? 'The published index' : `Index generation ${damage.generation}`;
      this.#onNotice(
        `${which} is damaged: ${damage.error.message} Serving generation ${older.generation}, the one before it, until a sound generation is published. ${damage.error.hint}`,
      );
      return older;
    }
  }

  /** The newest generation older than the damaged one that opens, if any. */
  async #openOlder(dir: string, damage: IndexProblem): Promise<IndexReader | undefined> {
    for (const older of olderGenerations(dir, damage.generation ?? Number.POSITIVE_INFINITY)) {
      try {
        return await openIndex(dir, { ...this.#options, generation: older });
      } catch {
        // Damaged too, or half deleted by a run pruning it: try the next.
      }
    }
    return undefined;
  }

  /** Takes a lease on the current generation. Throws INDEX_NOT_FOUND or INDEX_CORRUPT (503) when none is loaded. */
  acquire(): IndexLease {
    const slot = this.#current;
    if (!slot) {
      if (this.#problem) throw this.#problem.error;
      throw new AppError('INDEX_NOT_FOUND', 'The server has no index loaded yet.');
    }
    slot.leases++;
    let released = false;
    return {
      reader: slot.reader,
      release: () => {
        if (released) return;
        released = true;
        slot.leases--;
        this.#closeIfIdle(slot);
      },
    };
  }

  /**
   * Opens the newest published generation if it differs from the one being served and swaps it in;
   * requests already running keep the reader they hold. Then reloads the peer processes, if any,
   * even when nothing changed here (a watcher may have got here first, but not to the peers).
   */
  async reload(): Promise<ReloadResult> {
    const result = await this.reloadHere();
    await this.#reloadPeers?.(result);
    return result;
  }

  /**
   * `reload` in this process only: what a peer does when told to. Concurrent calls share one
   * reload, which never waits on other processes (so two peers reloading each other cannot deadlock).
   */
  reloadHere(): Promise<ReloadResult> {
    this.#reloading ??= this.#reload().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  async #reload(): Promise<ReloadResult> {
    const previous = this.generation;
    const dir = this.#dir;
    if (!dir) throw new AppError('INDEX_NOT_FOUND', 'The server was started without an index folder.');
    const published = currentGeneration(dir);
    if (!published || published.generation === previous) return { changed: false, previous, generation: previous };
    const reader = await this.#openRecordingDamage(dir);
    await warmUp(reader);
    this.#swap(reader);
    return { changed: true, previous, generation: reader.generation };
  }

  /**
   * Polls the index folder's CURRENT file every `intervalMs` and reloads when it names another
   * generation. A failed reload is reported through `onNotice` and the old generation stays.
   * Returns a function that stops watching.
   */
  watch(intervalMs: number): () => void {
    this.unwatch();
    const timer = setInterval(() => {
      const dir = this.#dir;
      if (!dir || this.#reloading) return;
      let published: number | undefined;
      try {
        published = currentGeneration(dir)?.generation;
      } catch (error) {
        this.#onNotice(`Not reloading the index: ${(error as Error).message}`);
        return;
      }
      // A generation found damaged is not opened again and again; a new publish is tried.
      if (published === undefined || published === this.generation || published === this.#problem?.generation) return;
      this.reloadHere()
        .then(async (result) => {
          if (result.changed) await this.#reloadPeers?.(result);
          return result;
        })
        .then(
          (result) => {
            if (result.changed) this.#onNotice(`Now serving index generation ${result.generation}.`);
          },
          (error: unknown) =>
            this.#onNotice(`Could not load index generation ${published}: ${(error as Error).message}`),
        );
    }, intervalMs);
    timer.unref();
    this.#watcher = timer;
    return () => this.unwatch();
  }

  /** Stops a running `watch`. */
  unwatch(): void {
    if (this.#watcher) clearInterval(this.#watcher);
    this.#watcher = undefined;
  }

  /** Stops watching and closes the current generation once its leases are released. */
  close(): void {
    this.unwatch();
    const slot = this.#current;
    this.#current = undefined;
    if (slot) this.#retire(slot);
  }

  /**
   * Records that the served generation met damage while answering (SQLite reported a corrupt
   * page): health stops saying ok until a sound generation is loaded. Requests keep being tried.
   */
  reportDamage(error: AppError): void {
    const generation = this.generation;
    if (generation === null || this.#problem?.generation === generation) return;
    this.#problem = { generation, error };
    this.#onNotice(`Index generation ${generation} is damaged: ${error.message} ${error.hint}`);
  }

  async #openRecordingDamage(dir: string): Promise<IndexReader> {
    try {
      return await openIndex(dir, this.#options);
    } catch (error) {
      if (isAppError(error) && error.code === 'INDEX_CORRUPT') {
        let generation: number | null = null;
        try {
          generation = currentGeneration(dir)?.generation ?? null;
        } catch {
          // CURRENT itself is what is damaged.
        }
        this.#problem = { generation, error };
      }
      throw error;
    }
  }

  #swap(reader: IndexReader): void {
    this.#problem = undefined;
    const old = this.#current;
    this.#current = { reader, leases: 0, retired: false, closed: false };
    if (old) this.#retire(old);
    this.#onServe?.(reader);
  }

  #retire(slot: Slot): void {
    slot.retired = true;
    this.#closeIfIdle(slot);
  }

  #closeIfIdle(slot: Slot): void {
    if (!slot.retired || slot.leases > 0 || slot.closed) return;
    slot.closed = true;
    slot.reader.close();
  }
}
