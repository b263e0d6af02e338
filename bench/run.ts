// `npm run bench`: the benchmark's command line. Flags: --papers <n> (default 10000),
// --duration <s> of HTTP load (default 30), --quick for a smoke run.
import { parseArgs } from 'node:util';
import { BENCH_DEFAULTS, runBench } from './run-bench.ts';

const USAGE = 'usage: npm run bench -- [--papers <n>] [--duration <seconds>] [--quick]';

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`--${flag} must be a whole number above 0; got "${value}".\n${USAGE}`);
  }
  return parsed;
}

try {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string' },
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
  } else {
    const quick = values.quick ?? false;
    const papers = positiveInteger('papers', values.papers, quick ? 1_000 : BENCH_DEFAULTS.papers);
    const durationSeconds = positiveInteger('duration', values.duration, quick ? 5 : BENCH_DEFAULTS.durationSeconds);
    const flags = process.argv.slice(2).join(' ');
    const { result, files } = await runBench({
      papers,
      durationSeconds,
      quick,
      command: `npm run bench${flags ? ` -- ${flags}` : ''}`,
    });
    const missed = result.targets.filter((t) => !t.pass);
    process.stdout.write(`${files.markdown}\n`);
    process.stdout.write(
      missed.length === 0
        ? `All ${result.targets.length} targets met.\n`
        : `${missed.length} of ${result.targets.length} targets missed: ${missed.map((t) => t.id).join(', ')}\n`,
    );
  }
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
