// What tells one publish of an index folder from another, and the poll that reloads on a new one:
// the holder reloads only when CURRENT is another file than the one its served generation came from.
import fs from 'node:fs';
import path from 'node:path';
import { currentGeneration } from '../../indexer/index.ts';
import type { ReloadResult } from './holder-options.ts';

/** One publish of an index folder: the generation CURRENT names, and a stamp unique to this publish. */
export type Publication = { generation: number; stamp: string };

/**
 * What tells one publish from another: the generation CURRENT names, and the CURRENT file itself,
 * which every publish replaces with a new file (its own inode and modification time). An index
 * deleted and built again from scratch publishes generation 1 again: by its number alone the server
 * kept serving the deleted index. Undefined while the folder holds no index.
 */
export function publicationOf(dir: string): Publication | undefined {
  const current = currentGeneration(dir);
  const file = current && fs.statSync(path.join(dir, 'CURRENT'), { bigint: true, throwIfNoEntry: false });
  if (!current || !file) return undefined;
  return { generation: current.generation, stamp: `${current.generation}:${file.dev}:${file.ino}:${file.mtimeNs}` };
}

/**
 * The stamp of the publish in `dir` as it is before opening it (undefined when unreadable): were it
 * replaced meanwhile, the next reload sees another stamp and opens the newer one (never the other way round).
 */
export function stampOf(dir: string): string | undefined {
  try {
    return publicationOf(dir)?.stamp;
  } catch {
    return undefined;
  }
}

/** What a publication poll asks of its holder on each tick. */
export type PublicationPoll = {
  /** The folder to look at (none yet: nothing to do). */
  dir: () => string | undefined;
  /** Whether a reload is running already (then this tick is skipped). */
  busy: () => boolean;
  /** Whether this publish is one to load (not the one served, nor one already found damaged). */
  wanted: (published: Publication) => boolean;
  /** Told when CURRENT itself could not be read (the error `publicationOf` threw). */
  unreadable?: (error: unknown) => void;
  /** Reloads in this process (`IndexHolder.reloadHere`). */
  reload: () => Promise<ReloadResult>;
  /** Brings the other server processes along after a reload that changed something. */
  reloadPeers: ((result: ReloadResult) => Promise<void>) | undefined;
  /** Where a reload, or a failure to reload, is reported. */
  onNotice: (message: string) => void;
};

/** A publish whose reload failed is tried again at most this often once its waits have doubled up to it. */
export const RETRY_MAX_MS = 60_000;

/**
 * Polls CURRENT every `intervalMs` and reloads when it names a wanted publish; the outcome of each
 * reload is a notice (a failed one leaves the served generation as it was, and is said again only
 * once it fails otherwise or has succeeded). A publish whose reload failed is tried again after
 * twice the interval, then twice that, up to RETRY_MAX_MS: each try may wait on a lock on the
 * main thread. Returns the timer (unreferenced, so it never keeps the process alive); clear it to stop.
 */
export function pollPublications(poll: PublicationPoll, intervalMs: number): NodeJS.Timeout {
  // A failure that lasts (permissions, a lock) is tried again but said once, until it changes.
  let lastFailure: string | undefined;
  const failed = (message: string) => {
    if (message !== lastFailure) poll.onNotice(message);
    lastFailure = message;
  };
  // The publish last failed, when it may be tried again, and how long it was told to wait.
  let retry: { stamp: string; at: number; waitMs: number } | undefined;
  const timer = setInterval(() => {
    const dir = poll.dir();
    if (!dir || poll.busy()) return;
    let published: Publication | undefined;
    try {
      published = publicationOf(dir);
    } catch (error) {
      poll.unreadable?.(error);
      failed(`Not reloading the index: ${(error as Error).message}`);
      return;
    }
    if (!published || !poll.wanted(published)) return;
    const { generation, stamp } = published;
    if (retry?.stamp === stamp && Date.now() < retry.at) return;
    poll
      .reload()
      .then(async (result) => {
        if (result.changed) await poll.reloadPeers?.(result);
        return result;
      })
      .then(
        (result) => {
          lastFailure = undefined;
          retry = undefined;
          if (result.changed) poll.onNotice(`Now serving index generation ${result.generation}.`);
        },
        (error: unknown) => {
          const waitMs = Math.min(RETRY_MAX_MS, (retry?.stamp === stamp ? retry.waitMs : intervalMs) * 2);
          retry = { stamp, at: Date.now() + waitMs, waitMs };
          failed(`Could not load index generation ${generation}: ${(error as Error).message}`);
        },
      );
  }, intervalMs);
  timer.unref();
  return timer;
}
