// How an IndexHolder is set up: what it passes to `openIndex`, how it brings peer processes along
// on a reload, what it starts on each generation it serves, how long it waits for the integrity
// check, and how its front end says damage found after start.
import type { AppError } from '../../core/errors.ts';
import type { IndexReader, OpenIndexOptions } from '../../indexer/index.ts';
import type { DatabaseVerdict } from '../../indexer/read/integrity-check.ts';

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
  /**
   * The integrity check (tests replace it to control when and how it ends): `damaged` drops the
   * generation, `unknown` (the check could not run) keeps it served, with a notice saying why.
   */
  checkDatabase?: (file: string) => Promise<DatabaseVerdict>;
  /**
   * The notice for damage found after `open` has returned: what is damaged, and how this front end
   * answers until a rebuild, as far as `reach` says the damage goes (`apiDamageNotice` unless given).
   */
  damageNotice?: (damage: AppError, reach: DamageReach) => string;
};

/**
 * How far damage found after start reaches: `index` when the damaged generation no longer serves and
 * nothing older does (every request is answered INDEX_CORRUPT); `pages` when SQLite met damaged pages
 * while answering and the generation still serves (the requests that read them fail).
 */
export type DamageReach = 'index' | 'pages';

/**
 * `citelens serve`'s notice for damage (at start, or found later): its API answers 503 and the MCP
 * tools it serves at /mcp answer INDEX_CORRUPT, every request or those that read the damaged pages.
 */
export function apiDamageNotice(damage: AppError, reach: DamageReach = 'index'): string {
  const answered =
    reach === 'index'
      ? 'The API answers 503 and the MCP tools at /mcp answer INDEX_CORRUPT'
      : 'Requests that read the damaged pages get 503 from the API and INDEX_CORRUPT from the MCP tools at /mcp';
  return `${damage.message} ${answered} until it is rebuilt: ${damage.hint}`;
}

/** `open` waits this long for the integrity check by default (about 30,000 papers' database in the page cache). */
export const INTEGRITY_WAIT_MS = 300;
