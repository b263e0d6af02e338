// The load test: serves a synthetic library from a `citelens serve` child process, drives it with
// autocannon (every client cycles through searches, answers and citation checks), samples the
// server's memory, and judges the run: no errors, no timeouts, no non-2xx answers, stable memory.
import autocannon from 'autocannon';
import { ensureLoadIndex, LOAD_CACHE_DIR } from './load-index.ts';
import { headersOf, type LoadKind, type LoadRequest, requestMix } from './load-requests.ts';
import { type RssSample, sampleRss, startServerProcess } from './server-process.ts';

export const LOAD_DEFAULTS = {
  papers: 10_000,
  seconds: 20,
  connections: 32,
  seed: 1,
  /** What each client sends, in turn: half searches, a quarter questions, a quarter texts to verify. */
  cycle: ['search', 'ask', 'search', 'verify'] as LoadKind[],
  /**
   * Seconds a client waits for an answer: above the server's own 15 s request limit, so a timeout
   * here means the server could not even answer 503 in time (its event loop was stuck).
   */
  timeoutSeconds: 20,
  rssIntervalMs: 250,
  /** Largest accepted growth of mean RSS from the first to the last quarter of the run. */
  maxRssGrowth: 0.1,
  /** Requests of each kind sent one by one before the run, so lazy caches are filled first. */
  warmupRequests: 3,
  /**
   * Seconds of the same load before the measured run, so memory is measured in steady state: V8
   * grows its young generation under sustained allocation, which takes a few seconds of full load
   * (after 3 s the 20 s run still saw +16%; over 60 s the same server stayed within 1%).
   */
  warmupSeconds: 10,
  /** Where the index of each library size is cached between runs. */
  cacheDir: LOAD_CACHE_DIR,
};

export type LoadOptions = Partial<typeof LOAD_DEFAULTS> & { onProgress?: (message: string) => void };

type Latency = { p50: number; p99: number; max: number };

export type KindReport = {
  kind: LoadKind;
  requests: number;
  perSecond: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  latencyMs: Latency;
};

export type Target = { name: string; actual: number; limit: string; ok: boolean };

/** One autocannon run: answers per kind, and the failures autocannon cannot attribute to a kind. */
type CannonResult = {
  kinds: KindReport[];
  requests: number;
  perSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  latencyMs: Latency;
};

export type LoadReport = {
  papers: number;
  seconds: number;
  connections: number;
  indexBuilt: boolean;
  indexBuildSeconds: number;
  kinds: KindReport[];
  total: Omit<CannonResult, 'kinds'>;
  rss: ReturnType<typeof rssGrowth>;
  /** Lines the server wrote to stderr about failures it did not expect. */
  serverErrors: string[];
  targets: Target[];
  ok: boolean;
};

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

function latencySummary(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 };
}

/** Mean RSS of the first and last quarter of the run, and the growth between them. */
export function rssGrowth(samples: readonly RssSample[], durationMs: number) {
  const mean = (list: readonly RssSample[], of: (s: RssSample) => number) =>
    list.reduce((acc, s) => acc + of(s), 0) / Math.max(1, list.length);
  const firstSamples = samples.filter((s) => s.atMs <= durationMs / 4);
  const lastSamples = samples.filter((s) => s.atMs >= (durationMs * 3) / 4);
  const first = mean(firstSamples, (s) => s.bytes);
  const last = mean(lastSamples, (s) => s.bytes);
  const mb = (bytes: number) => bytes / (1024 * 1024);
  return {
    samples: samples.length,
    firstQuarterMb: mb(first),
    lastQuarterMb: mb(last),
    /** The anonymous part (heaps), without pages of the memory-mapped index database. */
    anonFirstQuarterMb: mb(mean(firstSamples, (s) => s.anonBytes)),
    anonLastQuarterMb: mb(mean(lastSamples, (s) => s.anonBytes)),
    maxMb: mb(Math.max(0, ...samples.map((s) => s.bytes))),
    growth: first > 0 ? last / first - 1 : Number.NaN,
  };
}

async function warmUp(url: string, requests: Record<LoadKind, LoadRequest[]>, count: number): Promise<void> {
  for (const [kind, list] of Object.entries(requests)) {
    for (const request of list.slice(0, count)) {
      const res = await fetch(`${url}${request.path}`, {
        method: request.method,
        headers: headersOf(request),
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const text = await res.text();
      if (res.status !== 200)
        throw new Error(`Warm-up ${kind} ${request.path} answered ${res.status}: ${text.slice(0, 300)}`);
    }
  }
}

/**
 * Waits until the server has finished the work a run left behind: autocannon closes its
 * connections when time is up, but the server still computes the answers it had received.
 */
async function drained(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const started = performance.now();
    await (await fetch(`${url}/api/health`)).text();
    if (performance.now() - started < 50) return;
  }
  throw new Error(`The server was still busy ${timeoutMs} ms after the warm-up.`);
}

/** Runs autocannon with `connections` clients, each sending the kinds of `cycle` in turn. */
async function cannon(
  url: string,
  requests: Record<LoadKind, LoadRequest[]>,
  cycle: readonly LoadKind[],
  connections: number,
  seconds: number,
  timeoutSeconds: number,
): Promise<CannonResult> {
  const next: Record<string, number> = {};
  const seen = new Map<LoadKind, { latencies: number[]; statusCodes: Record<string, number> }>(
    cycle.map((kind) => [kind, { latencies: [], statusCodes: {} }]),
  );
  const all: number[] = [];
  // autocannon calls a request's onResponse and then, at once, emits 'response' for the same answer.
  let answered: LoadKind = cycle[0]!;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: timeoutSeconds,
        requests: cycle.map((kind) => ({
          setupRequest: (request: autocannon.Request) => {
            const list = requests[kind];
            const position = (next[kind] ?? -1) + 1;
            next[kind] = position;
            const chosen = list[position % list.length]!;
            return {
              ...request,
              method: chosen.method,
              path: chosen.path,
              headers: headersOf(chosen),
              ...(chosen.body === undefined ? {} : { body: chosen.body }),
            };
          },
          onResponse: () => {
            answered = kind;
          },
        })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      const kind = seen.get(answered)!;
      kind.latencies.push(responseTime);
      kind.statusCodes[status] = (kind.statusCodes[status] ?? 0) + 1;
      all.push(responseTime);
    });
  });
  const kinds = [...seen].map(([kind, { latencies, statusCodes }]) => ({
    kind,
    requests: latencies.length,
    perSecond: latencies.length / result.duration,
    non2xx: Object.entries(statusCodes).reduce((acc, [code, n]) => acc + (/^2/.test(code) ? 0 : n), 0),
    statusCodes,
    latencyMs: latencySummary(latencies),
  }));
  return {
    kinds,
    requests: all.length,
    perSecond: all.length / result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    latencyMs: latencySummary(all),
  };
}

/** Builds (or reuses) the index, runs the load against a server child process and reports. */
export async function runLoad(options: LoadOptions = {}): Promise<LoadReport> {
  const opts = { ...LOAD_DEFAULTS, ...options };
  const progress = options.onProgress ?? (() => {});

  progress(`Preparing an index of ${opts.papers} papers in ${opts.cacheDir}…`);
  const index = await ensureLoadIndex({ count: opts.papers, seed: opts.seed, cacheDir: opts.cacheDir });
  progress(index.built ? `Built it in ${index.buildSeconds.toFixed(1)} s.` : 'Reusing the cached index.');
  const requests = requestMix(index.papers, opts.seed);

  const server = await startServerProcess(index.indexDir);
  try {
    progress(`Server ${server.pid} at ${server.url}; warming up…`);
    await warmUp(server.url, requests, opts.warmupRequests);
    const { cycle, connections, timeoutSeconds } = opts;
    const warmup = await cannon(server.url, requests, cycle, connections, opts.warmupSeconds, timeoutSeconds);
    const warmupFailures = warmup.errors + warmup.timeouts + warmup.non2xx;
    await drained(server.url);

    progress(`Running ${opts.connections} connections for ${opts.seconds} s…`);
    const sampler = sampleRss(server.pid, opts.rssIntervalMs);
    const started = performance.now();
    const { kinds, ...total } = await cannon(server.url, requests, cycle, connections, opts.seconds, timeoutSeconds);
    const rss = rssGrowth(sampler.stop(), performance.now() - started);
    const serverErrors = server
      .stderr()
      .split('\n')
      .filter((line) => /unexpected error|uncaught|FATAL|heap out of memory/i.test(line));

    const targets: Target[] = [
      { name: 'requests answered', actual: total.requests, limit: '> 0', ok: total.requests > 0 },
      { name: 'failures during warm-up', actual: warmupFailures, limit: '= 0', ok: warmupFailures === 0 },
      { name: 'errors', actual: total.errors, limit: '= 0', ok: total.errors === 0 },
      { name: 'timeouts', actual: total.timeouts, limit: '= 0', ok: total.timeouts === 0 },
      { name: 'non-2xx answers', actual: total.non2xx, limit: '= 0', ok: total.non2xx === 0 },
      {
        name: 'unexpected server errors logged',
        actual: serverErrors.length,
        limit: '= 0',
        ok: serverErrors.length === 0,
      },
      {
        name: 'RSS growth, first to last quarter',
        actual: rss.growth,
        limit: `< ${opts.maxRssGrowth}`,
        ok: rss.growth < opts.maxRssGrowth,
      },
    ];
    return {
      papers: opts.papers,
      seconds: opts.seconds,
      connections: opts.connections,
      indexBuilt: index.built,
      indexBuildSeconds: index.buildSeconds,
      kinds,
      total,
      rss,
      serverErrors,
      targets,
      ok: targets.every((t) => t.ok),
    };
  } finally {
    await server.stop();
  }
}

/** The report as a few lines of text. */
export function formatReport(report: LoadReport): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const latency = (l: Latency) => `p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  max ${ms(l.max)}`;
  const { total, rss } = report;
  const lines = [
    `Load: ${report.papers} papers, ${report.connections} connections, ${report.seconds} s`,
    ...report.kinds.map(
      (k) =>
        `  ${k.kind.padEnd(7)} ${String(k.requests).padStart(6)} req  ${k.perSecond.toFixed(1).padStart(6)} req/s  ` +
        `${latency(k.latencyMs)}  non-2xx ${k.non2xx}  codes ${JSON.stringify(k.statusCodes)}`,
    ),
    `  total   ${String(total.requests).padStart(6)} req  ${total.perSecond.toFixed(1).padStart(6)} req/s  ` +
      `${latency(total.latencyMs)}  errors ${total.errors}  timeouts ${total.timeouts}  non-2xx ${total.non2xx}`,
    `  server RSS: first quarter ${rss.firstQuarterMb.toFixed(1)} MB, last quarter ${rss.lastQuarterMb.toFixed(1)} MB ` +
      `(${(rss.growth * 100).toFixed(1)}%), max ${rss.maxMb.toFixed(1)} MB, ${rss.samples} samples; ` +
      `anonymous ${rss.anonFirstQuarterMb.toFixed(1)} → ${rss.anonLastQuarterMb.toFixed(1)} MB`,
    ...report.serverErrors.map((line) => `  server: ${line}`),
    ...report.targets.map(
      (t) => `  ${t.ok ? 'ok  ' : 'FAIL'} ${t.name}: ${Number(t.actual.toFixed(4))} (target ${t.limit})`,
    ),
    report.ok ? 'All targets met.' : 'Some targets were missed.',
  ];
  return lines.join('\n');
}
