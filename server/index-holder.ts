// Owns the index generation the server answers from: hands out counted leases on it, swaps in a
// newer published generation atomically, and closes an old one only when its last request is done.
// With several server processes, a reload here also reloads its peers (see server/cluster/). Its
// parts are in server/index-holder/: publishes and their poll, leases, damaged generations, warm-up.
import path from 'node:path';
import { AppError, isAppError } from '../core/errors.ts';
import { checkDatabaseInBackground, type IndexReader, type OpenIndexOptions, openIndex } from '../indexer/index.ts';
import type { DatabaseVerdict } from '../indexer/read/integrity-check.ts';
import { FILES } from '../indexer/store/generations.ts';
import {
  type IndexProblem,
  openOlderGeneration,
  publishedGenerationOrNull,
  servingOlderNotice,
  uncheckedNotice,
} from './index-holder/damaged-generations.ts';
import {
  apiDamageNotice,
  INTEGRITY_WAIT_MS,
  type IndexHolderOptions,
  type ReloadResult,
} from './index-holder/holder-options.ts';
import { pollPublications, publicationOf, stampOf } from './index-holder/publication.ts';
import { GenerationSwitch, type IndexLease } from './index-holder/served-generation.ts';
import { warmUpSearches } from './index-holder/warm-up.ts';

export type { IndexProblem } from './index-holder/damaged-generations.ts';
export {
  apiDamageNotice,
  type DamageReach,
  INTEGRITY_WAIT_MS,
  type IndexHolderOptions,
  type ReloadResult,
} from './index-holder/holder-options.ts';
export type { IndexLease } from './index-holder/served-generation.ts';
export { WARM_UP_QUERIES } from './index-holder/warm-up.ts';

/** The index folder a server answers from: the generation it serves, its reloads and its damage. */
export class IndexHolder {
  #dir: string | undefined;
  readonly #served: GenerationSwitch;
  #reloading: Promise<ReloadResult> | undefined;
  #watcher: NodeJS.Timeout | undefined;
  #problem: IndexProblem | undefined;
  /** The publish found damaged, so a watcher does not open it again and again. */
  #problemStamp: string | undefined;
  readonly #options: OpenIndexOptions;
  readonly #onNotice: (message: string) => void;
  readonly #reloadPeers: ((result: ReloadResult) => Promise<void>) | undefined;
  readonly #integrityWaitMs: number;
  readonly #checkDatabase: (file: string) => Promise<DatabaseVerdict>;
  readonly #damageNotice: NonNullable<IndexHolderOptions['damageNotice']>;
  #checking = false;
  /** Set by `close` (cleared by `open`): a reload still opening then closes what it opened instead of serving it. */
  #closed = false;

  /** `options` (but `reloadPeers`) are passed to `openIndex` for every generation this holder opens. */
  constructor(options: IndexHolderOptions = {}) {
    const { reloadPeers, onServe, integrityWaitMs, checkDatabase, damageNotice, ...openOptions } = options;
    this.#checkDatabase = checkDatabase ?? checkDatabaseInBackground;
    this.#damageNotice = damageNotice ?? apiDamageNotice;
    this.#options = openOptions;
    this.#served = new GenerationSwitch(onServe);
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
    return this.#served.onChange(listener);
  }

  /** The generation new requests are served from, or null when no index is loaded. */
  get generation(): number | null {
    return this.#served.current?.reader.generation ?? null;
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
    this.#closed = false;
    const stamp = stampOf(this.#dir);
    try {
      const reader = await this.#openRecordingDamage(this.#dir, stamp, { deferIntegrityCheck: true });
      this.#swap(reader, stamp);
      let opened = false;
      const checked = this.#checkInBackground(reader, stamp, () => opened);
      await Promise.race([checked, new Promise((resolve) => setTimeout(resolve, this.#integrityWaitMs).unref())]);
      opened = true;
      // Found damaged within the wait: refused as a damaged open always was, or an older generation serves.
      if (this.#served.current) return this.#served.current.reader;
      throw this.#problem?.error ?? new AppError('INDEX_CORRUPT', 'The index could not be opened.');
    } catch (error) {
      if (this.#served.current) throw error;
      const damage = this.#problem;
      const damagedStamp = this.#problemStamp;
      const older = damage ? await openOlderGeneration(this.#dir, this.#options, damage) : undefined;
      if (!damage || !older) throw error;
      // Not the publish CURRENT names: a reload tries that one again, a watcher once it is replaced.
      this.#swap(older, undefined);
      this.#problem = damage;
      this.#problemStamp = damagedStamp;
      this.#onNotice(servingOlderNotice(damage, older));
      return older;
    }
  }

  /**
   * Runs the database's integrity check on its own thread. If it finds damage while `reader` is still
   * served, the generation before it serves instead when one opens; otherwise requests get
   * INDEX_CORRUPT (said by the front end's `damageNotice` once `open` has returned; before, `open` itself refuses).
   * A check that could not run leaves `reader` served, with a notice saying why.
   */
  async #checkInBackground(reader: IndexReader, stamp: string | undefined, opened: () => boolean): Promise<void> {
    this.#checking = true;
    let checked: DatabaseVerdict;
    try {
      checked = await this.#verdictOf(reader);
    } finally {
      if (this.#served.current?.reader === reader) this.#checking = false;
    }
    const served = this.#served.current;
    if (served?.reader !== reader || !this.#dir) return;
    if (checked.verdict === 'unknown') this.#onNotice(uncheckedNotice(reader, checked.reason));
    if (checked.verdict !== 'damaged') return;
    const damage = checked.error;
    const problem: IndexProblem = { generation: reader.generation, error: damage };
    const older = await openOlderGeneration(this.#dir, this.#options, problem);
    if (this.#served.current !== served) {
      older?.close();
      return;
    }
    if (older) this.#swap(older, undefined);
    else this.#served.stop();
    this.#problem = problem;
    this.#problemStamp = stamp;
    if (older) this.#onNotice(servingOlderNotice(problem, older));
    else if (opened()) this.#onNotice(this.#damageNotice(damage, 'index'));
  }

  /** Takes a lease on the current generation. Throws INDEX_NOT_FOUND or INDEX_CORRUPT (503) when none is loaded. */
  acquire(): IndexLease {
    const served = this.#served.current;
    if (!served) {
      if (this.#problem) throw this.#problem.error;
      throw new AppError('INDEX_NOT_FOUND', 'The server has no index loaded yet.');
    }
    return served.lease();
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
    const served = this.#served.current;
    if (!published || (served && published.stamp === served.stamp))
      return { changed: false, previous, generation: previous };
    // Checked on a thread of its own, so requests keep being answered meanwhile.
    const reader = await this.#openRecordingDamage(dir, published.stamp, { deferIntegrityCheck: true });
    const checked = await this.#verdictOf(reader);
    if (checked.verdict === 'unknown') this.#onNotice(uncheckedNotice(reader, checked.reason));
    if (checked.verdict === 'damaged') {
      reader.close();
      this.#problem = { generation: reader.generation, error: checked.error };
      this.#problemStamp = published.stamp;
      throw checked.error;
    }
    await warmUpSearches(reader);
    // Closed while it was opened and checked: serving it now would leave it open for good.
    if (this.#closed) {
      reader.close();
      return { changed: false, previous, generation: null };
    }
    this.#swap(reader, published.stamp);
    return { changed: true, previous, generation: reader.generation };
  }

  /**
   * The integrity check's verdict on `reader`'s database. One that could not run (`unknown`, also a
   * check that threw) says nothing of damage: the generation is served as if sound, with a notice.
   */
  async #verdictOf(reader: IndexReader): Promise<DatabaseVerdict> {
    try {
      return await this.#checkDatabase(path.join(reader.generationDir, FILES.db));
    } catch (error) {
      return { verdict: 'unknown', reason: (error as Error).message };
    }
  }

  /**
   * Polls the index folder's CURRENT file every `intervalMs` and reloads when it names another
   * generation. A failed reload is reported through `onNotice` and the old generation stays.
   * Returns a function that stops watching.
   */
  watch(intervalMs: number): () => void {
    this.unwatch();
    this.#watcher = pollPublications(
      {
        dir: () => this.#dir,
        busy: () => this.#reloading !== undefined,
        // A generation found damaged is not opened again and again; a new publish is tried.
        wanted: ({ stamp }) => stamp !== this.#served.current?.stamp && stamp !== this.#problemStamp,
        reload: () => this.reloadHere(),
        reloadPeers: this.#reloadPeers,
        onNotice: (message) => this.#onNotice(message),
      },
      intervalMs,
    );
    return () => this.unwatch();
  }

  /** Stops a running `watch`. */
  unwatch(): void {
    if (this.#watcher) clearInterval(this.#watcher);
    this.#watcher = undefined;
  }

  /** Stops watching and closes the current generation once its leases are released. */
  close(): void {
    this.#closed = true;
    this.unwatch();
    this.#served.stop();
  }

  /**
   * Records that the served generation met damage while answering (SQLite reported a corrupt
   * page): health stops saying ok until a sound generation is loaded. Requests keep being tried.
   * Said once per generation, through the front end's `damageNotice` (its folder, its rebuild command).
   */
  reportDamage(error: AppError): void {
    const generation = this.generation;
    if (generation === null || this.#problem?.generation === generation) return;
    this.#problem = { generation, error };
    // Said as the front end says damage, with what SQLite met rather than the failed request's wording.
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const found = new AppError(
      'INDEX_CORRUPT',
      `SQLite met a damaged page in index generation ${generation} while answering${cause}.`,
      { generation },
      { cause: error },
    );
    this.#onNotice(this.#damageNotice(found, 'pages'));
  }

  /** Opens `dir`'s published generation; a damaged one is recorded as `problem` (with its stamp) and rethrown. */
  async #openRecordingDamage(
    dir: string,
    stamp: string | undefined,
    extra: Partial<OpenIndexOptions> = {},
  ): Promise<IndexReader> {
    try {
      return await openIndex(dir, { ...this.#options, ...extra });
    } catch (error) {
      if (isAppError(error) && error.code === 'INDEX_CORRUPT') {
        this.#problem = { generation: publishedGenerationOrNull(dir), error };
        this.#problemStamp = stamp;
      }
      throw error;
    }
  }

  /** Serves `reader` from now on; the generation it replaces closes once its last lease is released. */
  #swap(reader: IndexReader, stamp: string | undefined): void {
    this.#problem = undefined;
    this.#checking = false;
    this.#problemStamp = undefined;
    this.#served.serve(reader, stamp);
  }
}
