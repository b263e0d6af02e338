// `npm run bench:verify-cpu`: CPU time per POST /api/verify, in process, on the load test's
// synthetic libraries and its 40 texts to verify, with a hash of every response (timing fields
// removed) so that a change meant to save work can be checked to leave every answer as it was.
// CPU time (process.cpuUsage) rather than wall time: the machine it runs on is shared.
// Flags: --papers 1500,10000 --passes 7 --seed 1 --cache-dir <dir> --profile <file.cpuprofile>
// (the CPU profile covers only the timed passes, of the last library size) --json, and --fresh:
// each timed pass sends texts made with another seed, so no text is one the process has seen
// (what caches keyed by text gain from the load test's repeated texts is then left out).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { createApp } from '../server/app.ts';
import { IndexHolder } from '../server/index-holder.ts';
import { ensureLoadIndex, LOAD_CACHE_DIR } from '../test/load/load-index.ts';
import { requestMix } from '../test/load/load-requests.ts';

const USAGE =
  'usage: npm run bench:verify-cpu -- [--papers 1500,10000] [--passes 7] [--seed 1] [--fresh] [--cache-dir <dir>] [--profile <file>] [--json]';

/** What one library size measured. */
export type VerifyCpuResult = {
  papers: number;
  requests: number;
  /** Median over the timed passes of (user + system CPU of the pass) / requests, in ms. */
  cpuMsPerRequest: number;
  /** Every pass's figure, in the order run. */
  passes: number[];
  /** Whether each timed pass sent texts of its own (--fresh). */
  fresh: boolean;
  /** sha256 of every response (of one pass, or with --fresh of every pass), in order, timing fields removed. */
  responsesHash: string;
};

// Fields that say how long something took: the only part of a response allowed to differ.
const TIMING_FIELDS = new Set(['tookMs']);

function withoutTiming(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTiming);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !TIMING_FIELDS.has(key))
      .map(([key, field]) => [key, withoutTiming(field)]),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Times the load mix's verify requests against a library of `papers` papers. */
async function measure(
  papers: number,
  options: { passes: number; seed: number; fresh: boolean; cacheDir: string; profile?: string },
): Promise<VerifyCpuResult> {
  const index = await ensureLoadIndex({ count: papers, seed: options.seed, cacheDir: options.cacheDir });
  const holder = new IndexHolder({ offline: true });
  await holder.open(index.indexDir);
  try {
    const app = createApp({ holder, config: loadConfig({}), log: () => {} });
    const requestsOf = (pass: number) =>
      requestMix(index.papers, options.fresh ? options.seed + 1 + pass : options.seed).verify;
    const requests = requestMix(index.papers, options.seed).verify;
    const send = async (requests: ReturnType<typeof requestsOf>): Promise<string[]> => {
      const bodies: string[] = [];
      for (const request of requests) {
        const response = await app.request(request.path, {
          method: request.method,
          headers: { 'content-type': 'application/json' },
          body: request.body,
        });
        if (response.status !== 200) throw new Error(`verify answered ${response.status}: ${await response.text()}`);
        bodies.push(JSON.stringify(withoutTiming(await response.json())));
      }
      return bodies;
    };

    // The first pass fills the caches a running server would have filled (the load test warms up too).
    const first = await send(requests);
    const hash = createHash('sha256');
    if (!options.fresh) hash.update(first.join('\n'));
    const session = options.profile ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const passes: number[] = [];
    for (let pass = 0; pass < options.passes; pass++) {
      const sent = requestsOf(pass);
      const before = process.cpuUsage();
      const bodies = await send(sent);
      const used = process.cpuUsage(before);
      passes.push((used.user + used.system) / 1000 / sent.length);
      if (options.fresh) hash.update(`${bodies.join('\n')}\n`);
      else if (bodies.join('\n') !== first.join('\n'))
        throw new Error('a repeated verify request answered differently');
    }
    if (session && options.profile) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(options.profile, JSON.stringify(profile));
      session.disconnect();
    }
    return {
      papers,
      requests: requests.length,
      cpuMsPerRequest: median(passes),
      passes,
      fresh: options.fresh,
      responsesHash: hash.digest('hex'),
    };
  } finally {
    holder.close();
  }
}

function positiveIntegers(flag: string, value: string): number[] {
  return value.split(',').map((part) => {
    const parsed = Number(part);
    if (!Number.isInteger(parsed) || parsed <= 0)
      throw new Error(`--${flag} takes whole numbers above 0; got "${part}".`);
    return parsed;
  });
}

try {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '1500,10000' },
      passes: { type: 'string', default: '7' },
      seed: { type: 'string', default: '1' },
      'cache-dir': { type: 'string', default: LOAD_CACHE_DIR },
      profile: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
  } else {
    const sizes = positiveIntegers('papers', values.papers);
    const [passes] = positiveIntegers('passes', values.passes);
    const [seed] = positiveIntegers('seed', values.seed);
    const results: VerifyCpuResult[] = [];
    for (const [i, papers] of sizes.entries()) {
      const profile = i === sizes.length - 1 ? values.profile : undefined;
      results.push(
        await measure(papers, {
          passes: passes!,
          seed: seed!,
          fresh: values.fresh ?? false,
          cacheDir: values['cache-dir'],
          ...(profile ? { profile } : {}),
        }),
      );
    }
    for (const result of results) {
      process.stdout.write(
        values.json
          ? `${JSON.stringify(result)}\n`
          : `verify, ${result.papers} papers${result.fresh ? ', new texts each pass' : ''}: ${result.cpuMsPerRequest.toFixed(2)} ms CPU per request (median of ${result.passes.length} passes of ${result.requests}: ${result.passes.map((x) => x.toFixed(2)).join(' ')}); responses ${result.responsesHash.slice(0, 16)}\n`,
      );
    }
  }
} catch (error) {
  process.stderr.write(`verify-cpu failed: ${(error as Error).message}\n${USAGE}\n`);
  process.exitCode = 1;
}
