// `citelens index <files...>`: builds or updates an index from paper files.
import { type Command, Option } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { FORMATS, type Format, formatProblem, indexPapers } from '../../indexer/index.ts';
import { action, formatBytes, printJson } from '../output.ts';
import { createProgressBar } from '../progress-bar.ts';

type IndexCommandOptions = {
  index?: string;
  format?: Format;
  embedder: 'auto' | 'builtin' | 'transformers';
  model?: string;
  modelDir?: string;
  offline?: boolean;
  skipInvalid?: boolean;
  rebuild?: boolean;
  refit?: boolean;
  prune?: boolean;
  json?: boolean;
};

export function registerIndexCommand(program: Command): void {
  const config = loadConfig();
  program
    .command('index')
    .description('Index paper files (JSON Lines, JSON, CSV/TSV, BibTeX, CSL-JSON, arXiv Atom) into a local index')
    .argument('<files...>', 'files of papers to index')
    .option('--index <dir>', 'index folder', config.indexDir)
    .addOption(new Option('--format <format>', 'input format (default: detected per file)').choices(FORMATS))
    .addOption(
      new Option('--embedder <kind>', 'embedder for a new index')
        .choices(['auto', 'builtin', 'transformers'])
        .default(config.embedder),
    )
    .option('--model <id-or-folder>', 'transformers model id or local model folder', config.model)
    .option('--model-dir <dir>', 'transformers model cache folder', config.modelDir)
    .option('--offline', 'never download a model', config.offline)
    .option('--skip-invalid', 'index the valid records and list the invalid ones instead of refusing the run')
    .option('--rebuild', 'start from an empty index instead of updating the current one')
    .option('--refit', 'refit the builtin embedder on the whole corpus (re-embeds every paper)')
    .option('--prune', 'remove papers that are not in these files')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (files: string[], options: IndexCommandOptions) => {
        const progress = options.json ? undefined : createProgressBar();
        const summary = await indexPapers({
          indexDir: options.index ?? config.indexDir,
          files,
          ...(options.format ? { format: options.format } : {}),
          embedder: options.embedder,
          model: options.model ?? config.model,
          modelDir: options.modelDir ?? config.modelDir,
          offline: Boolean(options.offline),
          skipInvalid: Boolean(options.skipInvalid),
          rebuild: Boolean(options.rebuild),
          refit: Boolean(options.refit),
          prune: Boolean(options.prune),
          ...(progress ? { onProgress: progress.update } : {}),
          onNotice: (message) => process.stderr.write(`notice: ${message}\n`),
        });
        progress?.done();
        if (options.json) {
          printJson(summary);
          return;
        }
        for (const problem of summary.skipped) process.stderr.write(`skipped: ${formatProblem(problem)}\n`);
        const lines = [
          `Indexed ${summary.papers} papers (${summary.passages} passages) into generation ${summary.generation}.`,
          `  ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.removed} removed, ${summary.skipped.length} skipped`,
          `  ${summary.seconds.toFixed(1)} s, ${summary.papersPerSecond.toFixed(0)} papers/s, index size ${formatBytes(summary.bytes)}`,
          `  embedder: ${summary.embedder.kind} (${summary.embedder.model}, ${summary.embedder.dimensions} dimensions)`,
          `  fit: ${summary.embedderFit.action} (${summary.embedderFit.reason})`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}
