// The citelens command line: one program, one subcommand per verb.
import { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { registerAskCommand } from './commands/ask.command.ts';
import { registerEvalCommand } from './commands/eval.command.ts';
import { registerEvalAskCommand } from './commands/eval-ask.command.ts';
import { registerEvalVerifyCommand } from './commands/eval-verify.command.ts';
import { registerIndexCommand } from './commands/index.command.ts';
import { registerInfoCommand } from './commands/info.command.ts';
import { registerMcpCommand } from './commands/mcp.command.ts';
import { registerRemoveCommand } from './commands/remove.command.ts';
import { registerSearchCommand } from './commands/search.command.ts';
import { registerServeCommand } from './commands/serve.command.ts';
import { registerStartCommand } from './commands/start.command.ts';
import { registerVerifyCommand } from './commands/verify.command.ts';
import { reportFailure } from './output.ts';

// The environment is checked once, before any command reads it: one clean message, no stack.
try {
  loadConfig();
} catch (error) {
  reportFailure(error, process.argv.includes('--json'));
  process.exit(1);
}

const program = new Command()
  .name('citelens')
  .description('Local-first semantic search, cited answers and citation checks over your paper summaries')
  .showHelpAfterError('(run with --help for usage)');

registerIndexCommand(program);
registerRemoveCommand(program);
registerInfoCommand(program);
registerServeCommand(program);
registerStartCommand(program);
registerSearchCommand(program);
registerAskCommand(program);
registerVerifyCommand(program);
registerEvalCommand(program);
registerEvalVerifyCommand(program);
registerEvalAskCommand(program);
registerMcpCommand(program);

await program.parseAsync(process.argv);
