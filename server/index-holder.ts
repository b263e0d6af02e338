// Owns the index generation the server answers from: hands out counted leases on it, swaps in a
// newer published generation atomically, and closes an old one only when its last request is done.
// With several server processes, a reload here also reloads its peers, and damage confirmed here
// reaches them (see server/cluster/). Its parts are in server/index-holder/: what is served and its
// damage, publishes and their poll, leases, damaged generations, damage told by peers, warm-up.
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import type { IndexReader } from '../indexer/index.ts';
import {
  fallsBack,
  type IndexProblem,
  servingOlderNotice,
  uncheckedNotice,
} from './index-holder/damaged-generations.ts';
import { INTEGRITY_WAIT_MS, type IndexHolderOptions, type ReloadResult } from './index-holder/holder-options.ts';
import { type DamageReport, reportedDamage } from './index-holder/peer-damage.ts';
import { pollPublications, publicationOf, stampOf } from './index-holder/publication.ts';
import type { IndexLease } from './index-holder/served-generation.ts';
import { ServedIndex } from './index-holder/served-index.ts';
import { warmUpSearches } from './index-holder/warm-up.ts';

export type { IndexProblem } from './index-holder/damaged-generations.ts';
export {
  apiDamageNotice,
  type DamageReach,
  INTEGRITY_WAIT_MS,
  type IndexHolderOptions,
  type ReloadResult,
} from './index-holder/holder-options.ts';
export type { DamageReport } from './index-holder/peer-damage.ts';
export type { IndexLease } from './index-holder/served-generation.ts';
export { WARM_UP_QUERIES } from './index-holder/warm-up.ts';

/** The index folder a server answers from: the generation it serves, its reloads and its damage. */
export class IndexHolder {
  #dir: string | undefined;
  readonly #index: ServedIndex;
  #reloading: Promise<ReloadResult> | undefined;
  #watcher: NodeJS.Timeout | undefined;
  readonly #onNotice: (message: string) => void;
  readonly #reloadPeers: ((result: ReloadResult) => Promise<void>) | undefined;
  readonly #integrityWaitMs: number;
  /** Set by `close` (cleared by `open`): a reload still opening then closes what it opened instead of serving it. */
  #closed = false;
  /** Counts the calls to `open`: an open overtaken by a close or a later open closes what it opened. */
  #opens = 0;

  /** `options` (but `reloadPeers`) are passed to `openIndex` for every generation this holder opens. */
  constructor(options: IndexHolderOptions = {}) {
    const { reloadPeers, onServe, integrityWaitMs, checkDatabase, damageNotice, ...openOptions } = options;
    this.#onNotice = options.onNotice ?? (() => {});
    this.#index = new ServedIndex({
      open: openOptions,
      onNotice: this.#onNotice,
      ...(onServe ? { onServe } : {}),
      ...(checkDatabase ? { checkDatabase } : {}),
      ...(damageNotice ? { damageNotice } : {}),
    });
    this.#integrityWaitMs = integrityWaitMs ?? INTEGRITY_WAIT_MS;
    this.#reloadPeers = reloadPeers;
  }

  /** Whether the served generation's integrity check, begun at `open`, is still running. */
  get checking(): boolean {
    return this.#index.checking;
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
    return this.#index.served.onChange(listener);
  }

  /**
   * Calls `listener` with each damage this process's integrity check confirms, so that the other
   * server processes of a cluster learn it (see applyReportedDamage). Returns a function that stops calling it.
   */
  onConfirmedDamage(listener: (report: DamageReport) => void): () => void {
    return this.#index.onConfirmedDamage(listener);
  }

  /**
   * Applies damage another server process's check confirmed. Serving that database file, this process
   * falls back to the generation before it as if its own check had found it, without running one. Not
   * serving it, while it is still the newest publish, it records it as the damaged publish not to load,
   * so its watcher does not open and check it again (health says so, as in the process that found it).
   */
  async applyReportedDamage(report: DamageReport): Promise<void> {
    if (await this.#index.applyReportedDamage(report)) return;
    const dir = this.#dir;
    if (report.stamp === undefined || !dir || stampOf(dir) !== report.stamp) return;
    if (this.#index.problem?.error.code === 'INDEX_CORRUPT' && this.#index.problemStamp === report.stamp) return;
    this.#index.recordProblem({ generation: report.generation, error: reportedDamage(report) }, report.stamp);
  }

  /** The generation new requests are served from, or null when no index is loaded. */
  get generation(): number | null {
    return this.#index.served.current?.reader.generation ?? null;
  }

  /**
   * Why the newest published generation is not the one served: it is damaged (INDEX_CORRUPT), or it
   * could not be read (INDEX_UNREADABLE, INDEX_ACCESS_DENIED, INDEX_BUSY, RESOURCES_EXHAUSTED,
   * DISK_FULL), which a watcher tries again. Cleared once a generation opens; a served older generation keeps answering meanwhile.
   */
  get problem(): IndexProblem | undefined {
    return this.#index.problem;
  }

  /**
   * Opens the published generation in `dir` and serves it. When it is damaged, or a file of it is
   * gone (INDEX_UNREADABLE: deleted, a folder in its place, an I/O error), serves the newest older
   * generation still on disk that opens (the one it replaced, kept until the next run) and keeps
   * why as `problem`. Throws INDEX_NOT_FOUND when the folder holds no index yet (or the holder is
   * closed before the open ends: what it opened is closed), INDEX_CORRUPT or INDEX_UNREADABLE when
   * nothing older opens, and INDEX_ACCESS_DENIED, INDEX_BUSY, RESOURCES_EXHAUSTED or DISK_FULL (kept
   * as `problem`, which `acquire` then throws) with no older one served in its place. The folder is
   * remembered, so `reload` and `watch` pick the index up later.
   */
  async open(dir: string): Promise<IndexReader> {
    const indexDir = path.resolve(dir);
    this.#dir = indexDir;
    this.#closed = false;
    const open = ++this.#opens;
    const index = this.#index;
    const stamp = stampOf(indexDir);
    try {
      const reader = await index.openPublished(indexDir, stamp, { deferIntegrityCheck: true });
      if (this.#overtaken(open)) {
        reader.close();
        throw this.#notOpened(indexDir);
      }
      index.serve(reader, stamp);
      let opened = false;
      const checked = index.checkInBackground(indexDir, reader, stamp, () => opened);
      await Promise.race([checked, new Promise((resolve) => setTimeout(resolve, this.#integrityWaitMs).unref())]);
      opened = true;
      // Closed meanwhile: `close` retired the reader (closed once its leases are released).
      if (this.#overtaken(open)) throw this.#notOpened(indexDir);
      // Found damaged within the wait: refused as a damaged open always was, or an older generation serves.
      if (index.served.current) return index.served.current.reader;
      throw index.problem?.error ?? new AppError('INDEX_CORRUPT', 'The index could not be opened.');
    } catch (error) {
      if (index.served.current || this.#overtaken(open)) throw error;
      const damage = index.problem;
      // Undefined for a file that could not be read: a watcher tries that publish again.
      const damagedStamp = index.problemStamp;
      const older = damage && fallsBack(damage) ? await index.openOlder(indexDir, damage) : undefined;
      if (!damage || !older) throw error;
      if (this.#overtaken(open)) {
        older.close();
        throw this.#notOpened(indexDir);
      }
      // Not the publish CURRENT names: a reload tries that one again, a watcher once it is replaced.
      index.serve(older, undefined);
      index.recordProblem(damage, damagedStamp);
      this.#onNotice(servingOlderNotice(damage, older));
      return older;
    }
  }

  /** Whether the open numbered `open` was overtaken by a `close`, or by a later `open`. */
  #overtaken(open: number): boolean {
    return this.#closed || open !== this.#opens;
  }

  #notOpened(dir: string): AppError {
    return new AppError(
      'INDEX_NOT_FOUND',
      `The index in ${dir} was not opened: the holder was closed (or opened again) while it was opening.`,
    );
  }

  /**
   * Takes a lease on the current generation. When none is loaded, throws why (`problem`: INDEX_CORRUPT,
   * INDEX_BUSY…), else INDEX_NOT_FOUND (all 503).
   */
  acquire(): IndexLease {
    const served = this.#index.served.current;
    if (!served) {
      if (this.#index.problem) throw this.#index.problem.error;
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
    let published: ReturnType<typeof publicationOf>;
    try {
      published = publicationOf(dir);
    } catch (error) {
      this.#index.recordUnreadablePublication(error);
      throw error;
    }
    // Unchanged only when CURRENT is the very file the served generation was opened from.
    const index = this.#index;
    const served = index.served.current;
    if (!published || (served && published.stamp === served.stamp))
      return { changed: false, previous, generation: previous };
    // Checked on a thread of its own, so requests keep being answered meanwhile.
    const reader = await index.openPublished(dir, published.stamp, { deferIntegrityCheck: true });
    const checked = await index.verdictOf(reader);
    if (checked.verdict === 'unknown') this.#onNotice(uncheckedNotice(reader, checked.reason));
    if (checked.verdict === 'damaged') {
      const problem = { generation: reader.generation, error: checked.error };
      index.confirmedDamage(reader, problem, published.stamp);
      reader.close();
      index.recordProblem(problem, published.stamp);
      throw checked.error;
    }
    await warmUpSearches(reader);
    // Closed while it was opened and checked: serving it now would leave it open for good.
    if (this.#closed) {
      reader.close();
      return { changed: false, previous, generation: null };
    }
    index.serve(reader, published.stamp);
    return { changed: true, previous, generation: reader.generation };
  }

  /**
   * Polls the index folder's CURRENT file every `intervalMs` and reloads when it names another
   * generation. A failed reload is reported through `onNotice` and the old generation stays; one
   * that could not read the publish is tried again, less and less often (see pollPublications).
   * Returns a function that stops watching.
   */
  watch(intervalMs: number): () => void {
    this.unwatch();
    this.#watcher = pollPublications(
      {
        dir: () => this.#dir,
        busy: () => this.#reloading !== undefined,
        // A generation found damaged is not opened again and again; a new publish is tried.
        wanted: (published) => this.#index.wants(published),
        unreadable: (error) => this.#index.recordUnreadablePublication(error),
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
    this.#index.served.stop();
  }

  /**
   * Records damage SQLite met while answering from `reader`, the generation the request read from:
   * health stops saying ok while it is served; ignored once another is (see ServedIndex).
   */
  reportDamage(error: AppError, reader: Pick<IndexReader, 'generation'>): void {
    this.#index.reportDamage(error, reader);
  }
}
