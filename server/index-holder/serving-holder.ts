// The holder a server answers from, made the same way by every front end (`citelens serve` over
// HTTP, `citelens mcp` over stdio), so the work each starts on a generation it serves cannot drift apart.
import type { Config } from '../../core/config.ts';
import { IndexHolder } from '../index-holder.ts';
import type { IndexHolderOptions } from './holder-options.ts';
import { warmServedGeneration } from './warm-up.ts';

/** What a front end says about the holder it serves from. */
export type ServingHolderOptions = {
  /** The model folder and offline switch come from here. */
  config: Pick<Config, 'modelDir' | 'offline'>;
  /** Where the holder's notices go (reloads, damage, an unreadable English word list). */
  onNotice: (message: string) => void;
  /** Brings the other server processes along on a reload (a cluster worker's). */
  reloadPeers?: IndexHolderOptions['reloadPeers'];
  /** How this front end says damage found after start (the HTTP API's wording unless given). */
  damageNotice?: IndexHolderOptions['damageNotice'];
};

/**
 * An IndexHolder (not opened yet) that warms each generation as it starts serving it: the library's
 * concept statistics and the English words are read then, not on the first question (see warmServedGeneration).
 */
export function createServingHolder(options: ServingHolderOptions): IndexHolder {
  const { config, onNotice, reloadPeers, damageNotice } = options;
  return new IndexHolder({
    modelDir: config.modelDir,
    offline: config.offline,
    onNotice,
    ...(reloadPeers ? { reloadPeers } : {}),
    ...(damageNotice ? { damageNotice } : {}),
    onServe: (reader) => warmServedGeneration(reader, onNotice),
  });
}
