// `citelens index <files...>`: builds or updates an index from paper files.
import path from 'node:path';
import { type Command, Option } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import {
  defaultZoteroFolder,
  ENCODINGS,
  type Encoding,
  FORMATS,
  type Format,
  formatProblem,
  type InputProblem,
  indexPapers,
} from '../../indexer/index.ts';
import { action, formatBytes, printJson, usageError } from '../output.ts';
import { createProgressBar } from '../progress-bar.ts';

type IndexCommandOptions = {
  index?: string;
  format?: Format;
  embedder: 'auto' | 'builtin' | 'transformers';
  model?: string;
  modelDir?: string;
  offline?: boolean;
  skipInvalid?: boolean;
  strict?: boolean;
  encoding?: Encoding;
  zotero?: string | true;
  rebuild?: boolean;
  refit?: boolean;
  prune?: boolean;
  json?: boolean;
};

export function registerIndexCommand(program: Command): void {
  const config = loadConfig();
  program
    .command('index')
    .description(
      'Index paper files (JSON Lines, JSON incl. OpenAlex/Semantic Scholar/Crossref answers, CSV/TSV incl. IEEE/Scopus/Dimensions/Lens.org, BibTeX, CSL-JSON, RIS, EndNote and RefWorks tagged text, PubMed MEDLINE, Web of Science, PubMed/EndNote/MODS XML, Zotero RDF, arXiv Atom) or a Zotero library into a local index',
    )
    .argument('[files...]', 'files of papers to index')
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
    .option(
      '--zotero [folder]',
      "also index a Zotero library, read from a copy of its zotero.sqlite (default: the data folder Zotero's settings name, else ~/Zotero)",
    )
    .option('--strict', 'refuse any record with a problem instead of repairing it, and the whole run over it')
    .option(
      '--skip-invalid',
      'with --strict: index the valid records and list the invalid ones instead of refusing the run',
    )
    .addOption(new Option('--encoding <encoding>', 'text encoding of the files (default: detected)').choices(ENCODINGS))
    .option('--rebuild', 'start from an empty index instead of updating the current one')
    .option('--refit', 'refit the builtin embedder on the whole corpus (re-embeds every paper)')
    .option('--prune', 'remove papers that are not in these files')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (paths: string[], options: IndexCommandOptions) => {
        const files = [...paths];
        if (options.zotero !== undefined) {
          // The database file, so its ".sqlite" extension selects the Zotero reader whatever --format says.
          const folder = options.zotero === true ? defaultZoteroFolder() : options.zotero;
          files.push(folder.endsWith('.sqlite') ? folder : path.join(folder, 'zotero.sqlite'));
        }
        if (files.length === 0) {
          throw usageError(
            new AppError('INVALID_INPUT', 'Name the files to index, or pass --zotero to index a Zotero library.'),
          );
        }
        const progress = options.json ? undefined : createProgressBar();
        const summary = await indexPapers({
          indexDir: options.index ?? config.indexDir,
          files,
          ...(options.format ? { format: options.format } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
          strict: Boolean(options.strict),
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
        listProblems('repaired', summary.repairs);
        listProblems('refused', summary.skipped);
        const lines = [
          `Indexed ${summary.papers} papers (${summary.passages} passages) into generation ${summary.generation}.`,
          `  ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.removed} removed; ${summary.repaired} repaired, ${summary.skipped.length} refused`,
          `  ${summary.seconds.toFixed(1)} s, ${summary.papersPerSecond.toFixed(0)} papers/s, index size ${formatBytes(summary.bytes)}`,
          `  embedder: ${summary.embedder.kind} (${summary.embedder.model}, ${summary.embedder.dimensions} dimensions)`,
          `  fit: ${summary.embedderFit.action} (${summary.embedderFit.reason})`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}

/** Most lines of one kind printed; the rest are counted (--json lists every one). */
const SHOWN_PROBLEMS = 50;

function listProblems(label: string, problems: readonly InputProblem[]): void {
  for (const problem of problems.slice(0, SHOWN_PROBLEMS))
    process.stderr.write(`${label}: ${formatProblem(problem)}\n`);
  const more = problems.length - SHOWN_PROBLEMS;
  if (more > 0) process.stderr.write(`${label}: … and ${more} more (--json lists them all)\n`);
}
