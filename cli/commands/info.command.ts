// `citelens info`: what an index holds, which embedder built it, and how big it is.
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { openIndex } from '../../indexer/index.ts';
import { indexStats } from '../../server/library/index.ts';
import { action, formatBytes, printJson, printNotice } from '../output.ts';

export function registerInfoCommand(program: Command): void {
  const config = loadConfig();
  program
    .command('info')
    .description('Show what an index holds')
    .option('--index <dir>', 'index folder', config.indexDir)
    .option('--json', 'print as JSON')
    .action(
      action(async (options: { index: string; json?: boolean }) => {
        const reader = await openIndex(options.index, {
          modelDir: config.modelDir,
          offline: true,
          onNotice: printNotice,
        });
        try {
          const info = { index: reader.dir, ...indexStats(reader) };
          if (options.json) {
            printJson(info);
            return;
          }
          const e = info.embedder;
          process.stdout.write(
            `${[
              `index:      ${info.index} (generation ${info.generation})`,
              `papers:     ${info.papers}`,
              `passages:   ${info.passages}`,
              `built at:   ${info.builtAt}`,
              `embedder:   ${e.kind} ${e.model} (revision ${e.revision}, ${e.dimensions} dimensions)`,
              `size:       ${formatBytes(info.sizeBytes)}`,
            ].join('\n')}\n`,
          );
          if (info.embedderOutdated) {
            printNotice(
              `The embedder model is out of date (${info.embedderOutdated}); the next \`citelens index\` run refits it.`,
            );
          }
        } finally {
          reader.close();
        }
      }),
    );
}
