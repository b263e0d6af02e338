// The performance targets Citelens holds itself to (set for 100k papers on 2 cores with the
// builtin embedder), checked against a benchmark result.
import type { BenchResult, TargetCheck } from './bench-result.schema.ts';

const GB = 1024 ** 3;

type Measured = Omit<BenchResult, 'targets'>;

function atMost(id: string, label: string, value: number, limit: number, unit: string): TargetCheck {
  return { id, label, value, target: `≤ ${limit}${unit}`, pass: value <= limit };
}

function atLeast(id: string, label: string, value: number, limit: number, unit: string): TargetCheck {
  return { id, label, value, target: `≥ ${limit}${unit}`, pass: value >= limit };
}

/** Every target, with the measured value and whether it is met. */
export function checkTargets(result: Measured): TargetCheck[] {
  const { indexing, reindex, search, library, http, ann, floor, peer, cranfield } = result;
  const slowestListing = Math.max(...Object.values(library).map((latency) => latency.p50Ms));
  const checks: TargetCheck[] = [
    atMost('index-seconds', 'Indexing end to end (s)', indexing.wallSeconds, 180, ' s'),
    atLeast('index-throughput', 'Indexing throughput (papers/s)', indexing.papersPerSecond, 550, ''),
    atMost('index-peak-rss', 'Indexing peak RSS (GB)', indexing.peakRssBytes / GB, 2, ' GB'),
    atMost('reindex-seconds', 'Re-index of 1% changed (s)', reindex.wallSeconds, 10, ' s'),
    atMost('hybrid-p50', 'Hybrid in-process p50 (ms)', search.hybrid.p50Ms, 15, ' ms'),
    atMost('hybrid-p95', 'Hybrid in-process p95 (ms)', search.hybrid.p95Ms, 40, ' ms'),
    {
      id: 'keyword-faster',
      label: 'Keyword p50 / hybrid p50',
      value: search.keyword.p50Ms / search.hybrid.p50Ms,
      target: '< 1 (and p95 too)',
      pass: search.keyword.p50Ms < search.hybrid.p50Ms && search.keyword.p95Ms < search.hybrid.p95Ms,
    },
    {
      id: 'semantic-faster',
      label: 'Semantic p50 / hybrid p50',
      value: search.semantic.p50Ms / search.hybrid.p50Ms,
      target: '< 1 (and p95 too)',
      pass: search.semantic.p50Ms < search.hybrid.p50Ms && search.semantic.p95Ms < search.hybrid.p95Ms,
    },
    atMost('library-p50', 'Library listing p50, slowest kind of request (ms)', slowestListing, 100, ' ms'),
    atLeast('http-throughput', 'HTTP hybrid throughput (req/s)', http.requestsPerSecond, 150, ''),
    atMost('http-errors', 'HTTP errors (warm-up and measured load)', http.errors + http.warmup.errors, 0, ''),
    atMost('http-p99', 'HTTP hybrid p99 (ms)', http.latency.p99Ms, 250, ' ms'),
    atLeast(
      'hnsw-recall',
      `HNSW recall@10 at default ef (${ann.defaultEf}), paper graph`,
      ann.papers.recallAt10,
      0.98,
      '',
    ),
    atMost('cold-start', 'Server cold start to first answer (s)', http.coldStartMs / 1000, 3, ' s'),
    atMost('server-rss', 'Server peak RSS (GB)', http.serverPeakRssBytes / GB, 1.5, ' GB'),
    atMost('hybrid-over-floor', 'Hybrid p50 / (raw HNSW + bare FTS5) p50', floor.hybridOverFloor, 3, '×'),
    // Not a speed target: the postings are meant to rank exactly as FTS5, and the floor query checks it.
    atMost(
      'postings-vs-fts5',
      `Queries where the postings' top ${floor.k} differs from FTS5's (of ${floor.agreement.queries})`,
      floor.agreement.differing,
      0,
      '',
    ),
    {
      id: 'peer-speed',
      label: `Hybrid p50 / ${peer.name} hybrid p50 (synthetic)`,
      value: search.hybrid.p50Ms / peer.hybrid.p50Ms,
      target: '< 1',
      pass: search.hybrid.p50Ms < peer.hybrid.p50Ms,
    },
  ];
  if (!cranfield.skipped) {
    checks.push(
      {
        id: 'cranfield-quality',
        label: `Cranfield nDCG@10: Citelens hybrid − ${peer.name} hybrid`,
        value: cranfield.citelens.ndcg10.hybrid - cranfield.peer.ndcg10,
        target: '≥ 0',
        pass: cranfield.citelens.ndcg10.hybrid >= cranfield.peer.ndcg10,
      },
      {
        id: 'cranfield-speed',
        label: `Cranfield hybrid p50 / ${peer.name} hybrid p50`,
        value: cranfield.citelens.hybrid.p50Ms / cranfield.peer.hybrid.p50Ms,
        target: '< 1',
        pass: cranfield.citelens.hybrid.p50Ms < cranfield.peer.hybrid.p50Ms,
      },
    );
  }
  return checks;
}
