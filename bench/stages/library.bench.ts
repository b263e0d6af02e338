// In-process latency of the library listing (`listLibrary`, what GET /api/library answers): the
// table's first page with its facet counts, a page sorted by year, a deep page while scrolling, and
// the text and author filters, each with its facets as the web table asks for them.
import type { IndexReader } from '../../indexer/index.ts';
import { type LibraryQueryInput, listLibrary, zLibraryQuery } from '../../server/library/index.ts';
import { type LatencyStats, latencyStats } from '../measure/latency.ts';

export const LIBRARY_REQUESTS = ['firstPage', 'byYear', 'deepPage', 'textFilter', 'authorFilter'] as const;
export type LibraryRequest = (typeof LIBRARY_REQUESTS)[number];
export type LibraryLatency = Record<LibraryRequest, LatencyStats>;

/** The listing requests timed, for a library of `papers` papers whose first author is `author`. */
function requestsFor(papers: number, author: string, word: string): Record<LibraryRequest, LibraryQueryInput> {
  return {
    firstPage: { limit: 100 },
    byYear: { limit: 100, sort: 'year', order: 'desc' },
    deepPage: { limit: 100, offset: Math.floor(papers / 2), facets: false },
    textFilter: { limit: 100, text: word },
    authorFilter: { limit: 100, author },
  };
}

/** p50/p95/p99 of each listing request over `rounds` rounds, after one warm-up round (which builds the listing table). */
export async function benchLibrary(reader: IndexReader, options: { rounds?: number } = {}): Promise<LibraryLatency> {
  const first = reader.getPaperByDoc(1);
  const author = first?.authors[0] ?? 'nobody';
  const word = first?.title.split(/\s+/).find((w) => w.length > 4) ?? 'model';
  const requests = requestsFor(reader.manifest.papers, author, word);
  const samples = Object.fromEntries(LIBRARY_REQUESTS.map((name) => [name, [] as number[]])) as Record<
    LibraryRequest,
    number[]
  >;
  const rounds = options.rounds ?? 20;
  for (let round = -1; round < rounds; round++) {
    for (const name of LIBRARY_REQUESTS) {
      const query = zLibraryQuery.parse(requests[name]);
      const start = performance.now();
      await listLibrary(reader, query);
      if (round >= 0) samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(LIBRARY_REQUESTS.map((name) => [name, latencyStats(samples[name])])) as LibraryLatency;
}
