// Renders a benchmark result as the Markdown tables the README embeds (bench/results/latest.md).
import type { BenchResult } from './bench-result.schema.ts';

type Latency = { p50Ms: number; p95Ms: number; p99Ms: number; meanMs: number };

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0));
const s = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const num = (value: number) => Math.round(value).toLocaleString('en-US');
const ratio = (value: number) => value.toFixed(3);

function bytes(value: number): string {
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(2)} GB`;
  return `${(value / 1024 ** 2).toFixed(0)} MB`;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const latencyRow = (name: string, l: Latency) => [name, ms(l.p50Ms), ms(l.p95Ms), ms(l.p99Ms), ms(l.meanMs)];

function formatValue(id: string, value: number): string {
  if (id.includes('rss')) return `${value.toFixed(2)} GB`;
  if (id.startsWith('hnsw-recall')) return value.toFixed(3);
  if (id === 'cranfield-quality') return `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
  if (id === 'http-errors' || id === 'index-throughput' || id === 'http-throughput' || id === 'postings-vs-fts5')
    return num(value);
  if (id.endsWith('-faster') || id.includes('peer') || id.includes('over-floor') || id === 'cranfield-speed')
    return `${value.toFixed(2)}×`;
  if (id.endsWith('-seconds') || id === 'cold-start') return `${s(value)} s`;
  return `${ms(value)} ms`;
}

/** The whole report: targets first, then each measured area in its own table. */
export function renderMarkdown(result: BenchResult): string {
  const { machine, corpus, indexing, reindex, search, library, http, ann, floor, peer, cranfield } = result;
  const out: string[] = [];
  out.push(`### Benchmark: ${num(corpus.papers)} papers (${num(corpus.passages)} passages)`);
  out.push('');
  out.push(
    `Run on ${result.date} with \`${result.command}\`${result.options.quick ? ' (quick smoke run: small samples)' : ''}.`,
  );
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}; SQLite ${machine.sqlite}; ` +
      `${Object.entries(machine.packages)
        .map(([name, version]) => `${name} ${version}`)
        .join(', ')}${machine.gitCommit ? `; commit ${machine.gitCommit}` : ''}.`,
  );
  const busiest = Math.max(machine.loadAverageAtStart, result.loadAverageAtEnd);
  out.push(
    `Load average (1 min): ${machine.loadAverageAtStart} at the start, ${result.loadAverageAtEnd} at the end` +
      (busiest > machine.cores / 2
        ? ' — the machine was busy with other work, so these figures are pessimistic.'
        : '.'),
  );
  out.push(
    `Corpus: seeded synthetic papers (seed \`${corpus.seed}\`, generator v${corpus.generatorVersion}), abstracts of 120–300 words; ` +
      `${result.options.queries} generated queries; builtin embedder.`,
  );
  out.push('');
  out.push('#### Targets (set for 100k papers, 2 cores)');
  out.push('');
  out.push(
    table(
      ['Figure', 'Measured', 'Target', 'Met'],
      result.targets.map((t) => [t.label, formatValue(t.id, t.value), t.target, t.pass ? 'yes' : '**no**']),
    ),
  );
  out.push('');
  out.push('#### Indexing (`citelens index` as a child process)');
  out.push('');
  out.push(
    table(
      ['Run', 'Wall', 'CPU', 'Papers/s', 'Peak RSS', 'read', 'embed', 'store', 'vectors', 'publish'],
      [
        [
          `Full (${num(corpus.papers)} papers)`,
          `${s(indexing.wallSeconds)} s`,
          `${s(indexing.cpuSeconds)} s`,
          num(indexing.papersPerSecond),
          bytes(indexing.peakRssBytes),
          ...Object.values(indexing.stages).map((v) => `${s(v)} s`),
        ],
        [
          `Re-index (${num(reindex.changedPapers)} changed)`,
          `${s(reindex.wallSeconds)} s`,
          `${s(reindex.cpuSeconds)} s`,
          num(reindex.papersPerSecond),
          bytes(reindex.peakRssBytes),
          ...Object.values(reindex.stages).map((v) => `${s(v)} s`),
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    "Stage columns are `indexPapers`' own laps. The paper graph is built on a worker thread while batches are embedded " +
      'and stored, so `vectors` is mostly waiting for the graph thread after the last batch (and its save).',
  );
  out.push('');
  out.push(
    `Index size on disk: ${bytes(indexing.indexBytes)}. Stages timed one by one in process: parse ${s(indexing.detail.parseSeconds)} s, ` +
      `passages ${s(indexing.detail.passagesSeconds)} s, embedder fit ${s(indexing.detail.fitSeconds)} s, embed ${s(indexing.detail.embedSeconds)} s ` +
      '(`indexPapers` counts passage splitting under embed and the fit under store).',
  );
  out.push('');
  out.push('#### Queries in process (`searchPapers`, k = 10, ms)');
  out.push('');
  out.push(
    table(
      ['Mode', 'p50', 'p95', 'p99', 'mean'],
      [
        latencyRow('keyword', search.keyword),
        latencyRow('semantic', search.semantic),
        latencyRow('hybrid', search.hybrid),
      ],
    ),
  );
  out.push('');
  out.push('#### Library listing in process (`listLibrary`, 100 rows, ms)');
  out.push('');
  out.push(
    table(
      ['Request', 'p50', 'p95', 'p99', 'mean'],
      [
        latencyRow('first page, sorted by title, with facets', library.firstPage),
        latencyRow('newest first, with facets', library.byYear),
        latencyRow('a page halfway down, no facets', library.deepPage),
        latencyRow('title/author text filter, with facets', library.textFilter),
        latencyRow('one author, with facets', library.authorFilter),
      ],
    ),
  );
  out.push('');
  out.push(
    `#### HTTP (\`citelens serve --workers ${http.workers}\`, autocannon, ${http.connections} connections, ${s(http.durationSeconds)} s, hybrid)`,
  );
  out.push('');
  out.push(
    table(
      ['Cold start', 'Req/s', 'Requests', 'Errors', 'p50', 'p90', 'p99', 'max', 'Server peak RSS', 'Server cores busy'],
      [
        [
          `${s(http.coldStartMs / 1000)} s`,
          num(http.requestsPerSecond),
          num(http.requests),
          num(http.errors),
          `${ms(http.latency.p50Ms)} ms`,
          `${ms(http.latency.p90Ms)} ms`,
          `${ms(http.latency.p99Ms)} ms`,
          `${ms(http.latency.maxMs)} ms`,
          bytes(http.serverPeakRssBytes),
          http.serverCoresBusy.toFixed(2),
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    `Cold start is the spawn of \`citelens serve\` to its first answered search (the first worker answers while the ` +
      `others start); every worker served ${s(http.allWorkersMs / 1000)} s after the spawn, and their background ` +
      `start-up work (the database's integrity check, the library's concept statistics) ended ${s(http.settledMs / 1000)} s ` +
      'after it. The measured load follows ' +
      `${s(http.warmup.seconds)} s of the same load, which fills each worker's caches: ${num(http.warmup.requests)} ` +
      `requests, ${num(http.warmup.errors)} errors, p99 ${ms(http.warmup.p99Ms)} ms, max ${ms(http.warmup.maxMs)} ms.`,
  );
  out.push('');
  const { papers } = ann;
  out.push(
    `#### ANN quality (HNSW paper graph vs exact search over ${num(papers.vectors)} vectors, ${ann.queries} queries, k = 10)`,
  );
  out.push('');
  out.push(
    table(
      ['ef', 'recall@10', 'p50 (ms)', 'p95 (ms)'],
      [
        ...papers.curve.map((point) => [
          point.ef === ann.defaultEf ? `**${point.ef}** (default)` : String(point.ef),
          ratio(point.recallAt10),
          ms(point.latency.p50Ms),
          ms(point.latency.p95Ms),
        ]),
        ['exact', '1.000', ms(papers.exactLatency.p50Ms), ms(papers.exactLatency.p95Ms)],
      ],
    ),
  );
  out.push('');
  out.push(
    'Semantic and hybrid search walk this graph, the only one in the index: passages have none, and the best passages ' +
      'of a hit are scored from their vectors in SQLite.',
  );
  out.push('');
  out.push('#### The limits, side by side (same data, same queries, ms)');
  out.push('');
  out.push(
    table(
      ['What', 'p50', 'p95', 'p99', 'mean'],
      [
        latencyRow(`raw hnswlib-node k-NN (k = ${floor.k}, ef = ${floor.ef})`, floor.hnsw),
        latencyRow('bare FTS5 BM25 query (table built by the benchmark)', floor.fts),
        latencyRow('bare postings BM25 query (`reader.postings.bm25`)', floor.postings),
        latencyRow('raw HNSW + bare FTS5 (the floor)', floor.combined),
        latencyRow('raw HNSW + bare postings', floor.combinedPostings),
        latencyRow('builtin query embedding', floor.embedQuery),
        latencyRow('Citelens hybrid', search.hybrid),
        latencyRow(`${peer.name} hybrid`, peer.hybrid),
      ],
    ),
  );
  out.push('');
  const { agreement } = floor;
  out.push(
    `Citelens hybrid is ${floor.hybridOverFloor.toFixed(2)}× the floor at p50 (${floor.hybridOverPostingsFloor.toFixed(2)}× raw HNSW + bare postings). ` +
      `The index keeps its own BM25 postings and no FTS5 table, so the benchmark builds \`papers_fts\` (title and body of ` +
      `the same analyzed terms) in a temporary file: ${s(floor.ftsBuildSeconds)} s to read, analyze, insert and optimize ` +
      `${num(corpus.papers)} papers. The postings' top ${floor.k} ` +
      (agreement.differing === 0
        ? `matches FTS5's on all ${agreement.queries} queries`
        : `**differs from FTS5's on ${agreement.differing} of ${agreement.queries} queries**`) +
      ` (${num(agreement.hits)} FTS5 hits; docs whose scores tie exactly may come in either order). Largest score ` +
      `difference on a doc both returned: ${agreement.maxScoreDifference === 0 ? '0' : agreement.maxScoreDifference.toExponential(1)}.`,
  );
  out.push('');
  out.push(
    `${peer.name} took ${s(peer.insertSeconds)} s to insert ` +
      `${num(peer.documents)} papers with precomputed vectors (${num(peer.documentsPerSecond)}/s; peak RSS ${bytes(peer.peakRssBytes)}), ` +
      `against ${s(indexing.wallSeconds)} s for Citelens to parse, embed and index them (peak RSS ${bytes(indexing.peakRssBytes)}).`,
  );
  out.push('');
  out.push(
    cranfield.skipped
      ? '#### Quality: Cranfield'
      : `#### Quality: Cranfield (${num(cranfield.documents)} abstracts, ${cranfield.queries} queries, graded judgments)`,
  );
  out.push('');
  if (cranfield.skipped) {
    out.push(`Skipped: ${cranfield.reason}`);
  } else {
    out.push(
      table(
        ['System', 'nDCG@10', 'p50 (ms)', 'p95 (ms)'],
        [
          ['Citelens keyword', ratio(cranfield.citelens.ndcg10.keyword), '', ''],
          ['Citelens semantic', ratio(cranfield.citelens.ndcg10.semantic), '', ''],
          [
            'Citelens hybrid',
            ratio(cranfield.citelens.ndcg10.hybrid),
            ms(cranfield.citelens.hybrid.p50Ms),
            ms(cranfield.citelens.hybrid.p95Ms),
          ],
          [
            `${peer.name} hybrid (similarity ≥ ${cranfield.peer.similarity})`,
            ratio(cranfield.peer.ndcg10),
            ms(cranfield.peer.hybrid.p50Ms),
            ms(cranfield.peer.hybrid.p95Ms),
          ],
        ],
      ),
    );
    out.push('');
    out.push(
      `${peer.name} nDCG@10 by its vector similarity cut-off: ${cranfield.peer.bySimilarity.map((b) => `${b.similarity} → ${ratio(b.ndcg10)}`).join(', ')} ` +
        '(both systems use the same builtin-embedder vectors; latencies include query embedding).',
    );
  }
  out.push('');
  return out.join('\n');
}
