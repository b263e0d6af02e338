// `citelens remove <ids...>`: deletes papers from an index.
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { removePapers } from '../../indexer/index.ts';
import { action, printJson } from '../output.ts';

export function registerRemoveCommand(program: Command): void {
  const config = loadConfig();
  program
    .command('remove')
    .description('Remove papers from the index by id')
    .argument('<ids...>', 'paper ids')
    .option('--index <dir>', 'index folder', config.indexDir)
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (ids: string[], options: { index: string; json?: boolean }) => {
        const summary = await removePapers(options.index, ids, {
          onNotice: (message) => process.stderr.write(`notice: ${message}\n`),
        });
        if (options.json) printJson(summary);
        else
          process.stdout.write(
            `Removed ${summary.removed.length} paper${summary.removed.length === 1 ? '' : 's'}; ${summary.papers} papers (${summary.passages} passages) remain.\n`,
          );
      }),
    );
}
