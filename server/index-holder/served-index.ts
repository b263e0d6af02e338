// What a holder serves and what it knows of damage: the generation served, the damage (or failure
// to read) that keeps the newest publish from serving, the integrity check of a served generation on its own thread,
// and the generation before a damaged one served in its place.
import path from 'node:path';
import { AppError, isAppError } from '../../core/errors.ts';
import { checkDatabaseInBackground, type IndexReader, type OpenIndexOptions, openIndex } from '../../indexer/index.ts';
import type { DatabaseVerdict } from '../../indexer/read/integrity-check.ts';
import { FILES } from '../../indexer/store/generations.ts';
import {
  type IndexProblem,
  isDamage,
  openOlderGeneration,
  publishedGenerationOrNull,
  READ_FAILURES,
  servingOlderNotice,
  uncheckedNotice,
} from './damaged-generations.ts';
import { apiDamageNotice, type IndexHolderOptions } from './holder-options.ts';
import { type DamageReport, damageReport, databaseIdentity, reportedDamage } from './peer-damage.ts';
import type { Publication } from './publication.ts';
import { GenerationSwitch, type ServedGeneration } from './served-generation.ts';

/** What a ServedIndex is made with: the holder's options, `openIndex`'s apart. */
export type ServedIndexOptions = Pick<IndexHolderOptions, 'onServe' | 'checkDatabase' | 'damageNotice'> & {
  /** Passed to `openIndex` for every generation opened. */
  open: OpenIndexOptions;
  onNotice: (message: string) => void;
};

/** The generation an IndexHolder serves, the damage found in the newest publish, and the fall back from it. */
export class ServedIndex {
  /** Which generation new requests get. */
  readonly served: GenerationSwitch;
  #problem: IndexProblem | undefined;
  /** The publish found damaged, so a watcher does not open it again and again. */
  #problemStamp: string | undefined;
  #checking = false;
  readonly #open: OpenIndexOptions;
  readonly #onNotice: (message: string) => void;
  readonly #checkDatabase: (file: string) => Promise<DatabaseVerdict>;
  readonly #damageNotice: NonNullable<IndexHolderOptions['damageNotice']>;
  readonly #damageListeners = new Set<(report: DamageReport) => void>();
  /** The last damage the check confirmed, told to a listener that comes later (a worker's, once it started). */
  #lastConfirmed: DamageReport | undefined;

  constructor(options: ServedIndexOptions) {
    this.served = new GenerationSwitch(options.onServe);
    this.#open = options.open;
    this.#onNotice = options.onNotice;
    this.#checkDatabase = options.checkDatabase ?? checkDatabaseInBackground;
    this.#damageNotice = options.damageNotice ?? apiDamageNotice;
  }

  /** Why the newest publish is not served (see IndexHolder.problem). */
  get problem(): IndexProblem | undefined {
    return this.#problem;
  }

  /** The stamp of the publish found damaged, if any. */
  get problemStamp(): string | undefined {
    return this.#problemStamp;
  }

  /** Whether the served generation's integrity check is still running. */
  get checking(): boolean {
    return this.#checking;
  }

  /**
   * Calls `listener` with each damage this process's integrity check confirms (in a generation served
   * or about to be), for the other server processes, starting with the last one confirmed before it was
   * added (as a server opens, its check may confirm damage before anyone listens). Returns a function
   * that stops calling it.
   */
  onConfirmedDamage(listener: (report: DamageReport) => void): () => void {
    this.#damageListeners.add(listener);
    if (this.#lastConfirmed) listener(this.#lastConfirmed);
    return () => this.#damageListeners.delete(listener);
  }

  /** Tells the listeners that the check confirmed `problem` in `reader`'s database (whose identity is `file`). */
  confirmedDamage(reader: IndexReader, problem: IndexProblem, stamp: string | undefined, file?: string): void {
    const identity = file ?? databaseIdentity(reader);
    if (identity === undefined) return;
    const report = damageReport(reader.generation, identity, stamp, problem.error);
    this.#lastConfirmed = report;
    for (const listener of [...this.#damageListeners]) listener(report);
  }

  /**
   * Applies damage another server process confirmed: if this process serves that very database file,
   * the generation before it serves in its place, as if this process's own check had found it (with
   * none on disk, the damaged one keeps answering what its sound pages answer, its problem recorded).
   * Returns whether it serves that file.
   */
  async applyReportedDamage(report: DamageReport): Promise<boolean> {
    const served = this.served.current;
    if (served?.file === undefined || served.file !== report.file) return false;
    const problem: IndexProblem = { generation: served.reader.generation, error: reportedDamage(report) };
    const damagedStamp = report.stamp ?? served.stamp ?? this.#problemStamp;
    if (!(await this.#fallBack(served, problem, damagedStamp)) && this.served.current === served) {
      this.recordProblem(problem, damagedStamp);
    }
    return true;
  }

  /** Serves `reader` from now on; the generation it replaces closes once its last lease is released. */
  serve(reader: IndexReader, stamp: string | undefined): void {
    this.#problem = undefined;
    this.#checking = false;
    this.#problemStamp = undefined;
    this.served.serve(reader, stamp);
  }

  /**
   * Records `problem`, found in the publish `stamp`, as why the newest publish is not served; a
   * publish with a stamp is not opened again by a watcher (give none for a failure worth retrying).
   */
  recordProblem(problem: IndexProblem, stamp: string | undefined): void {
    this.#problem = problem;
    this.#problemStamp = stamp;
  }

  /**
   * Records that CURRENT itself could not be read (a failure that says nothing of damage, such as
   * INDEX_ACCESS_DENIED): the newest publish is unknown, so the one served may not be it.
   */
  recordUnreadablePublication(error: unknown): void {
    if (isAppError(error) && READ_FAILURES.has(error.code)) this.recordProblem({ generation: null, error }, undefined);
  }

  /**
   * Whether a watcher should open `published`: neither the publish served nor one found damaged.
   * Found to be the one served, a failure to read that was recorded meanwhile is over.
   */
  wants(published: Publication): boolean {
    if (published.stamp === this.served.current?.stamp) {
      if (this.#problem && !isDamage(this.#problem)) this.#problem = undefined;
      return false;
    }
    return published.stamp !== this.#problemStamp;
  }

  /**
   * Opens `dir`'s published generation. A damaged one is recorded as `problem` with its stamp (not
   * opened again until another is published); one that could not be read (READ_FAILURES) is recorded
   * without it, so it is tried again. Either way the error is rethrown.
   */
  async openPublished(
    dir: string,
    stamp: string | undefined,
    extra: Partial<OpenIndexOptions> = {},
  ): Promise<IndexReader> {
    try {
      return await openIndex(dir, { ...this.#open, ...extra });
    } catch (error) {
      if (isAppError(error) && (error.code === 'INDEX_CORRUPT' || READ_FAILURES.has(error.code))) {
        const problem = { generation: publishedGenerationOrNull(dir), error };
        this.recordProblem(problem, isDamage(problem) ? stamp : undefined);
      }
      throw error;
    }
  }

  /** The newest generation in `dir` older than the damaged one that opens, if any. */
  openOlder(dir: string, damage: IndexProblem): Promise<IndexReader | undefined> {
    return openOlderGeneration(dir, this.#open, damage);
  }

  /**
   * The integrity check's verdict on `reader`'s database. One that could not run (`unknown`, also a
   * check that threw) says nothing of damage: the generation is served as if sound, with a notice.
   */
  async verdictOf(reader: IndexReader): Promise<DatabaseVerdict> {
    try {
      return await this.#checkDatabase(path.join(reader.generationDir, FILES.db));
    } catch (error) {
      return { verdict: 'unknown', reason: (error as Error).message };
    }
  }

  /**
   * Runs the database's integrity check on its own thread. If it finds damage while `reader` is still
   * served, the generation before it in `dir` serves instead when one opens; otherwise requests get
   * INDEX_CORRUPT (said by the front end's `damageNotice` once `opened()`; before, `open` itself refuses).
   * A check that could not run leaves `reader` served, with a notice saying why.
   */
  async checkInBackground(
    dir: string,
    reader: IndexReader,
    stamp: string | undefined,
    opened: () => boolean,
  ): Promise<void> {
    this.#checking = true;
    let checked: DatabaseVerdict;
    try {
      checked = await this.verdictOf(reader);
    } finally {
      if (this.served.current?.reader === reader) this.#checking = false;
    }
    const served = this.served.current;
    if (served?.reader !== reader) return;
    if (checked.verdict === 'unknown') this.#onNotice(uncheckedNotice(reader, checked.reason));
    if (checked.verdict !== 'damaged') return;
    const problem: IndexProblem = { generation: reader.generation, error: checked.error };
    this.confirmedDamage(reader, problem, stamp, served.file);
    const older = await this.openOlder(dir, problem);
    if (this.served.current !== served) {
      older?.close();
      return;
    }
    if (older) this.serve(older, undefined);
    else this.served.stop();
    this.recordProblem(problem, stamp);
    if (older) this.#onNotice(servingOlderNotice(problem, older));
    else if (opened()) this.#onNotice(this.#damageNotice(checked.error, 'index'));
  }

  /**
   * Records that `reader`, the generation a request read from, met damage while answering (SQLite
   * reported a corrupt page): health stops saying ok until a sound generation is loaded. Requests keep
   * being tried. A report from a generation no longer served (a request still running on the one a
   * fallback replaced) is ignored: the damage is already known, and the one served is not to blame.
   * Said once per generation, through the front end's `damageNotice` (its folder, its rebuild command).
   * The whole database is then checked on its own thread: found damaged, the generation before it
   * serves in its place when one opens, as at open (see `fallBackIfDamaged`); while the check begun
   * at open is still running, that check does it.
   */
  reportDamage(error: AppError, reader: Pick<IndexReader, 'generation'>): void {
    const served = this.served.current;
    if (served?.reader !== reader) return;
    const generation = reader.generation;
    if (this.#problem?.generation === generation) return;
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
    if (!this.#checking) void this.fallBackIfDamaged(served).catch(() => {});
  }

  /**
   * After SQLite met a damaged page in `served`: its integrity check (on its own thread) confirms the
   * damage, and while it is still served the newest older generation that opens serves in its place,
   * with the notice said at open, and the publish is not opened again. With none, or a check that does
   * not find the damage, `served` keeps answering what its sound pages answer.
   */
  async fallBackIfDamaged(served: ServedGeneration): Promise<void> {
    const { reader } = served;
    const checked = await this.verdictOf(reader);
    if (checked.verdict !== 'damaged') return;
    const problem: IndexProblem = { generation: reader.generation, error: checked.error };
    // A generation served in place of a damaged publish has no stamp of its own: the publish found
    // damaged stays the one a watcher does not open again.
    const damagedStamp = served.stamp ?? this.#problemStamp;
    // Said even when this process no longer serves it: another may still.
    this.confirmedDamage(reader, problem, damagedStamp, served.file);
    if (this.served.current === served) await this.#fallBack(served, problem, damagedStamp);
  }

  /**
   * While `served` is still served, serves the newest older generation that opens in its place, for
   * `problem` found in the publish `damagedStamp`, with the notice said at open. Returns whether one opened.
   */
  async #fallBack(served: ServedGeneration, problem: IndexProblem, damagedStamp: string | undefined): Promise<boolean> {
    const older = await this.openOlder(served.reader.dir, problem);
    if (!older) return false;
    if (this.served.current !== served) {
      older.close();
      return true;
    }
    this.serve(older, undefined);
    this.recordProblem(problem, damagedStamp);
    this.#onNotice(servingOlderNotice(problem, older));
    return true;
  }
}
