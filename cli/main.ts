// The citelens command line: one program, one subcommand per verb.
import { Command, CommanderError } from 'commander';
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
import { EXIT_CODES, reportFailure } from './output.ts';

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
  .showHelpAfterError('(run with --help for usage)')
  // Commander's own refusals (an unknown command or option, a bad choice, a missing argument) are
  // usage errors: exit 2 rather than commander's 1, which a failure to run also gives.
  .exitOverride()
  .addHelpText(
    'after',
    [
      '',
      'Exit status: 0 done; 1 the command failed (no index, an unreadable file,',
      'refused records); 2 the command line is wrong (an unknown command or option,',
      'a bad value, a missing argument); 3 verify --strict checked the text and a',
      'citation is not supported.',
      'With --json the result, or the error of a command that ran, is JSON on stdout;',
      'notices and progress go to stderr.',
    ].join('\n'),
  );

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Commander has printed the message (or the help that --help asked for) already.
  process.exitCode = error.exitCode === 0 ? 0 : EXIT_CODES.usage;
}
