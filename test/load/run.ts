// `npm run load`: the load test from the command line. Flags: --papers (default 10000), --seconds
// (20), --connections (32), --json. Exits 1 when a target is missed, 2 on bad flags.
import { parseArgs } from 'node:util';
import { formatReport, LOAD_DEFAULTS, runLoad } from './run-load.ts';

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    process.stderr.write(`--${name} must be a whole number of at least 1, not '${value}'.\n`);
    process.exit(2);
  }
  return Number(value);
}

const { values } = parseArgs({
  options: {
    papers: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});

const report = await runLoad({
  papers: positiveInteger('papers', values.papers, LOAD_DEFAULTS.papers),
  seconds: positiveInteger('seconds', values.seconds, LOAD_DEFAULTS.seconds),
  connections: positiveInteger('connections', values.connections, LOAD_DEFAULTS.connections),
  onProgress: (message) => process.stderr.write(`${message}\n`),
});
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
process.exitCode = report.ok ? 0 : 1;
