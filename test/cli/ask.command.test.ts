import { describe, expect, it } from 'vitest';
import { registerAskCommand } from '../../cli/commands/ask.command.ts';
import { runCommand } from '../support/run-command.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Runs `citelens ask ...args` in this process; a bad option is refused before any index is opened. */
function run(...args: string[]) {
  return runCommand(registerAskCommand, ['ask', ...args, '--index', tempDir()]);
}

describe('ask command', () => {
  it('words a bad option or an empty question as the HTTP API words it, naming the option as typed', async () => {
    const cases: Array<[string[], string]> = [
      [['why?', '--k', 'abc'], '--k must be a number.'],
      [['why?', '--k', '31'], '--k must be at most 30.'],
      [['why?', '--k', '1.5'], '--k must be a whole number.'],
      [['   '], 'The question must not be empty.'],
    ];
    for (const [args, message] of cases) {
      const { stderr, exitCode } = await run(...args);
      expect(exitCode, args.join(' ')).toBe(1);
      expect(stderr, args.join(' ')).toBe(
        `error: ${message}\nhint: Check the named field or parameter and try again.\n`,
      );
    }
  });
});
