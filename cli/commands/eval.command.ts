// `citelens eval <beir-folder>`: measures search quality and latency on a BEIR test collection.
import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { type EvalReport, evaluateRetrieval } from '../../server/eval/retrieval-eval.ts';
import { type SearchMode, zSearchMode } from '../../server/search/search.schema.ts';
import { action, printJson } from '../output.ts';

type EvalCommandOptions = { split: string; modes: string; index?: string; json?: boolean };

/** The modes of a comma-separated list, in order, each once; INVALID_INPUT names an unknown one. */
export function parseModes(list: string): SearchMode[] {
  const modes: SearchMode[] = [];
  for (const part of list.split(',').map((s) => s.trim())) {
    if (part === '') continue;
    const mode = zSearchMode.safeParse(part);
    if (!mode.success) {
      throw new AppError('INVALID_INPUT', `Unknown mode "${part}" in --modes; use keyword, semantic or hybrid.`, {
        field: 'modes',
      });
    }
    if (!modes.includes(mode.data)) modes.push(mode.data);
  }
  if (modes.length === 0) throw new AppError('INVALID_INPUT', '--modes names no mode.', { field: 'modes' });
  return modes;
}

/** The report as a table for a person. */
export function formatEvalReport(report: EvalReport): string {
  const e = report.embedder;
  const where = report.index.dir
    ? `${report.index.reused ? 'reused' : 'built'} index ${report.index.dir}`
    : 'temporary index';
  const explained =
    report.explainedShare === null ? '' : `, explains ${report.explainedShare.toFixed(3)} of the library`;
  const lines = [
    `${report.collection} (${report.split}): ${report.papers} papers, ${report.queries} queries; ${e.kind} embedder ${e.model} (${e.dimensions} dimensions${explained}); ${where} (${report.index.seconds.toFixed(1)} s)`,
    '',
    `${'mode'.padEnd(10)}${'nDCG@10'.padStart(9)}${'R@100'.padStart(9)}${'MRR@10'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'dense w'.padStart(9)}`,
  ];
  for (const m of report.modes) {
    const cells = [m.ndcg10, m.recall100, m.mrr10].map((v) => v.toFixed(3).padStart(9));
    const times = [m.latencyMs.p50, m.latencyMs.p95, m.latencyMs.p99].map((v) => v.toFixed(2).padStart(9));
    lines.push(`${m.mode.padEnd(10)}${cells.join('')}${times.join('')}${m.denseWeight.toFixed(2).padStart(9)}`);
  }
  lines.push(
    '',
    'Metrics as trec_eval computes them; latency is one page of 10 results per query, run one at a time; dense w is the mean share of meaning in the scores.',
  );
  return `${lines.join('\n')}\n`;
}

/** Adds `citelens eval` to the program. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('Measure search quality (nDCG@10, Recall@100, MRR@10) and latency on a BEIR test collection')
    .argument('<beir-folder>', 'folder with corpus.jsonl, queries.jsonl and qrels/<split>.tsv')
    .option('--split <name>', 'which qrels file to score against', 'test')
    .option('--modes <list>', 'comma-separated search modes', 'keyword,semantic,hybrid')
    .option('--index <dir>', 'reuse this index if it holds the corpus, or build it there (default: a temporary index)')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (folder: string, options: EvalCommandOptions) => {
        const modes = parseModes(options.modes);
        const tty = Boolean(process.stderr.isTTY) && !options.json;
        const report = await evaluateRetrieval({
          folder,
          split: options.split,
          modes,
          ...(options.index ? { indexDir: options.index } : {}),
          onNotice: (message) => process.stderr.write(`notice: ${message}\n`),
          ...(tty
            ? {
                onProgress: ({ mode, done, total }) => {
                  process.stderr.write(`\r${mode}: ${done}/${total} queries\u001b[K${done === total ? '\n' : ''}`);
                },
              }
            : {}),
        });
        if (options.json) printJson(report);
        else process.stdout.write(formatEvalReport(report));
      }),
    );
}
