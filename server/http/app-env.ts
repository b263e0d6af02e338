// What every API handler can read from its context: the index generation the request is served
// from (held for the whole request, so a reload never mixes two generations) and the config.
import type { Config } from '../../core/config.ts';
import type { IndexReader } from '../../indexer/index.ts';
import type { IndexHolder } from '../index-holder.ts';

export type AppEnv = {
  Variables: {
    /** The index this request reads; set by the index middleware on every /api route that needs one. */
    index: IndexReader;
    config: Config;
    /** Owns the served index generation; admin routes reload through it, health reads its generation. */
    holder: IndexHolder;
    /** Longest a streamed answer may run before it ends with an error event (TIMEOUT). */
    maxStreamMs: number;
  };
};
