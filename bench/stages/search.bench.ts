// In-process query latency of Citelens search, per mode, through the same service the HTTP API
// and the CLI call (searchPapers). Modes are interleaved query by query after a full warm-up, so
// each sees the same caches and the same load from anything else on the machine.
import type { IndexReader } from '../../indexer/index.ts';
import { searchPapers } from '../../server/search/index.ts';
import type { SearchMode } from '../../server/search/search.schema.ts';
import { type LatencyStats, latencyStats } from '../measure/latency.ts';

export const SEARCH_MODES: readonly SearchMode[] = ['keyword', 'semantic', 'hybrid'];

export type SearchLatency = Record<SearchMode, LatencyStats>;

/** p50/p95/p99 of `searchPapers` (k = 10) over the queries, for each mode. */
export async function benchSearch(
  reader: IndexReader,
  queries: readonly string[],
  options: { rounds?: number } = {},
): Promise<SearchLatency> {
  for (const mode of SEARCH_MODES) for (const query of queries) await searchPapers(reader, { query, mode, k: 10 });
  const samples: Record<SearchMode, number[]> = { keyword: [], semantic: [], hybrid: [] };
  let turn = 0;
  for (let round = 0; round < (options.rounds ?? 1); round++) {
    for (const query of queries) {
      // Rotate which mode goes first, so none always runs right after another's cache misses.
      turn++;
      for (let i = 0; i < SEARCH_MODES.length; i++) {
        const mode = SEARCH_MODES[(turn + i) % SEARCH_MODES.length]!;
        const start = performance.now();
        await searchPapers(reader, { query, mode, k: 10 });
        samples[mode].push(performance.now() - start);
      }
    }
  }
  return {
    keyword: latencyStats(samples.keyword),
    semantic: latencyStats(samples.semantic),
    hybrid: latencyStats(samples.hybrid),
  };
}
