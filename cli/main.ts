// The citelens command line: one program, one subcommand per verb.
import { Command } from 'commander';
import { registerIndexCommand } from './commands/index.command.ts';
import { registerInfoCommand } from './commands/info.command.ts';
import { registerRemoveCommand } from './commands/remove.command.ts';

const program = new Command()
  .name('citelens')
  .description('Local-first semantic search, cited answers and citation checks over your paper summaries')
  .showHelpAfterError('(run with --help for usage)');

registerIndexCommand(program);
registerRemoveCommand(program);
registerInfoCommand(program);

await program.parseAsync(process.argv);
