// Owns the index generation the server answers from: hands out counted leases on it, swaps in a
// newer published generation atomically, and closes an old one only when its last request is done.
// With several server processes, a reload here also reloads its peers (see server/cluster/).
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../core/errors.ts';
import {
  checkDatabaseInBackground,
  currentGeneration,
  type IndexReader,
  type OpenIndexOptions,
  olderGenerations,
  openIndex,
} from '../indexer/index.ts';
import { FILES } from '../indexer/store/generations.ts';
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
  /**
   * How long `open` waits for the database's integrity check, which runs on its own thread: a
   * library checked sooner opens as before (a damaged one refused), a larger one is served while
   * its check finishes (`checking`), then dropped, or replaced by the generation before it, if damaged.
   */
  integrityWaitMs?: number;
  /** The integrity check (tests replace it to control when and how it ends). */
  checkDatabase?: (file: string) => Promise<AppError | null>;
};

/** `open` waits this long for the integrity check by default (about 30,000 papers' database in the page cache). */
export const INTEGRITY_WAIT_MS = 300;

type Slot = {
  reader: IndexReader;
  /** The publish it was opened from (see publicationOf). */
  stamp: string | undefined;
  leases: number;
  retired: boolean;
  closed: boolean;
};

/**
 * What tells one publish from another: the generation CURRENT names, and the CURRENT file itself,
 * which every publish replaces with a new file (its own inode and modification time). An index
 * deleted and built again from scratch publishes generation 1 again: by its number alone the server
 * kept serving the deleted index. Undefined while the folder holds no index.
 */
function publicationOf(dir: string): { generation: number; stamp: string } | undefined {
  const current = currentGeneration(dir);
  const file = current && fs.statSync(path.join(dir, 'CURRENT'), { bigint: true, throwIfNoEntry: false });
  if (!current || !file) return undefined;
  return { generation: current.generation, stamp: `${current.generation}:${file.dev}:${file.ino}:${file.mtimeNs}` };
}

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
  /** The publish found damaged, so a watcher does not open it again and again. */
  #problemStamp: string | undefined;
  readonly #options: OpenIndexOptions;
  readonly #onNotice: (message: string) => void;
  readonly #reloadPeers: ((result: ReloadResult) => Promise<void>) | undefined;
  readonly #onServe: ((reader: IndexReader) => void) | undefined;
  readonly #listeners = new Set<(generation: number | null) => void>();
  readonly #integrityWaitMs: number;
  readonly #checkDatabase: (file: string) => Promise<AppError | null>;
  #checking = false;

  /** `options` (but `reloadPeers`) are passed to `openIndex` for every generation this holder opens. */
  constructor(options: IndexHolderOptions = {}) {
    const { reloadPeers, onServe, integrityWaitMs, checkDatabase, ...openOptions } = options;
    this.#checkDatabase = checkDatabase ?? checkDatabaseInBackground;
    this.#options = openOptions;
    this.#onServe = onServe;
    this.#integrityWaitMs = integrityWaitMs ?? INTEGRITY_WAIT_MS;
    this.#onNotice = options.onNotice ?? (() => {});
    this.#reloadPeers = reloadPeers;
  }

  /** Whether the served generation's integrity check, begun at `open`, is still running. */
  get checking(): boolean {
    return this.#checking;
  }

  /** The index folder this holder serves (set by `open`, even when that found no index yet). */
  get dir(): string | undefined {
    return this.#dir;
  }

  /**
   * Calls `listener` each time another generation starts being served, or none is (a rebuild from
   * scratch that publishes generation 1 again counts: it is another publish). Returns a function
   * that stops calling it.
   */
  onChange(listener: (generation: number | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener(this.generation);
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
    const stamp = this.#stampOf(this.#dir);
    try {
      const reader = await this.#openRecordingDamage(this.#dir, stamp, { deferIntegrityCheck: true });
      this.#swap(reader, stamp);
      let opened = false;
      const checked = this.#checkInBackground(reader, stamp, () => opened);
      await Promise.race([checked, new Promise((resolve) => setTimeout(resolve, this.#integrityWaitMs).unref())]);
      opened = true;
      // Found damaged within the wait: refused as a damaged open always was, or an older generation serves.
      if (this.#current) return this.#current.reader;
      throw this.#problem?.error ?? new AppError('INDEX_CORRUPT', 'The index could not be opened.');
    } catch (error) {
      if (this.#current) throw error;
      const damage = this.#problem;
      const damagedStamp = this.#problemStamp;
      const older = damage ? await this.#openOlder(this.#dir, damage) : undefined;
      if (!damage || !older) throw error;
      // Not the publish CURRENT names: a reload tries that one again, a watcher once it is replaced.
      this.#swap(older, undefined);
      this.#problem = damage;
      this.#problemStamp = damagedStamp;
      const which = damage.generation === null ? 'The published index' : `Index generation ${damage.generation}`;
      this.#onNotice(
        `${which} is damaged: ${damage.error.message} Serving generation ${older.generation}, the one before it, until a sound generation is published. ${damage.error.hint}`,
      );
      return older;
    }
  }

  /**
   * Runs the database's integrity check on its own thread. If it fails while `reader` is still
   * served, the generation before it serves instead when one opens; otherwise requests get 503
   * INDEX_CORRUPT (said as a notice once `open` has returned; before, `open` itself refuses).
   */
  async #checkInBackground(reader: IndexReader, stamp: string | undefined, opened: () => boolean): Promise<void> {
    this.#checking = true;
    let damage: AppError | null;
    try {
      damage = await this.#checkDatabase(path.join(reader.generationDir, FILES.db));
    } finally {
      if (this.#current?.reader === reader) this.#checking = false;
    }
    const slot = this.#current;
    if (!damage || slot?.reader !== reader || !this.#dir) return;
    const problem: IndexProblem = { generation: reader.generation, error: damage };
    const older = await this.#openOlder(this.#dir, problem);
    if (this.#current !== slot) return;
    if (older) this.#swap(older, undefined);
    else {
      this.#current = undefined;
      this.#retire(slot);
      this.#changed();
    }
    this.#problem = problem;
    this.#problemStamp = stamp;
    if (older) {
      this.#onNotice(
        `Index generation ${reader.generation} is damaged: ${damage.message} Serving generation ${older.generation}, the one before it, until a sound generation is published. ${damage.hint}`,
      );
    } else if (opened()) {
      this.#onNotice(`${damage.message} The API answers 503 until it is rebuilt: ${damage.hint}`);
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
    const published = publicationOf(dir);
    // Unchanged only when CURRENT is the very file the served generation was opened from.
    if (!published || (this.#current && published.stamp === this.#current.stamp))
      return { changed: false, previous, generation: previous };
    const reader = await this.#openRecordingDamage(dir, published.stamp);
    await warmUp(reader);
    this.#swap(reader, published.stamp);
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
      let published: { generation: number; stamp: string } | undefined;
      try {
        published = publicationOf(dir);
      } catch (error) {
        this.#onNotice(`Not reloading the index: ${(error as Error).message}`);
        return;
      }
      // A generation found damaged is not opened again and again; a new publish is tried.
      if (!published || published.stamp === this.#current?.stamp || published.stamp === this.#problemStamp) return;
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
            this.#onNotice(`Could not load index generation ${published?.generation}: ${(error as Error).message}`),
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
    if (slot) {
      this.#retire(slot);
      this.#changed();
    }
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

  // The publish in `dir` as it is before opening it: were it replaced meanwhile, the next reload
  // sees another stamp and opens the newer one (never the other way round).
  #stampOf(dir: string): string | undefined {
    try {
      return publicationOf(dir)?.stamp;
    } catch {
      return undefined;
    }
  }

  async #openRecordingDamage(
    dir: string,
    stamp: string | undefined,
    extra: Partial<OpenIndexOptions> = {},
  ): Promise<IndexReader> {
    try {
      return await openIndex(dir, { ...this.#options, ...extra });
    } catch (error) {
      if (isAppError(error) && error.code === 'INDEX_CORRUPT') {
        let generation: number | null = null;
        try {
          generation = currentGeneration(dir)?.generation ?? null;
        } catch {
          // CURRENT itself is what is damaged.
        }
        this.#problem = { generation, error };
        this.#problemStamp = stamp;
      }
      throw error;
    }
  }

  #swap(reader: IndexReader, stamp: string | undefined): void {
    this.#problem = undefined;
    this.#checking = false;
    this.#problemStamp = undefined;
    const old = this.#current;
    this.#current = { reader, stamp, leases: 0, retired: false, closed: false };
    if (old) this.#retire(old);
    this.#onServe?.(reader);
    this.#changed();
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
