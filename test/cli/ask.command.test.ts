import { describe, expect, it } from 'vitest';
import { registerAskCommand } from '../../cli/commands/ask.command.ts';
import type { AskResponse } from '../../server/answer/index.ts';
import { runCommand } from '../support/run-command.ts';
import { sampleIndex } from '../support/sample-index.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Runs `citelens ask ...args` in this process; a bad option is refused before any index is opened. */
function run(...args: string[]) {
  return runCommand(registerAskCommand, ['ask', ...args, '--index', tempDir()]);
}

describe('ask command', () => {
  it('answers from the papers the filters keep, in at most --max-sentences sentences, as search filters', async () => {
    const index = await sampleIndex();
    const ask = (...args: string[]) =>
      runCommand(registerAskCommand, ['ask', 'What causes attention sinks?', '--json', '--index', index, ...args]);
    const whole = JSON.parse((await ask()).stdout) as AskResponse;
    expect(whole.abstained).toBe(false);
    const short = JSON.parse((await ask('--max-sentences', '1')).stdout) as AskResponse;
    expect(short.answer.sentences).toHaveLength(1);
    // Every paper of the sample library is from 2026: nothing is left to answer from before it.
    const older = JSON.parse((await ask('--year-to', '2025')).stdout) as AskResponse;
    expect(older).toMatchObject({ abstained: true, sources: [] });
    const tagged = JSON.parse((await ask('--tag', 'kv-cache')).stdout) as AskResponse;
    const tags = tagged.sources.map((s) => s.paper.tags.map((t) => t.toLowerCase()));
    expect(tags.length).toBeGreaterThan(0);
    for (const paperTags of tags) expect(paperTags).toContain('kv-cache');
  });

  it('words a bad option or an empty question as the HTTP API words it, naming the option as typed', async () => {
    const cases: Array<[string[], string]> = [
      [['why?', '--k', 'abc'], '--k must be a number.'],
      [['why?', '--k', '31'], '--k must be at most 30.'],
      [['why?', '--k', '1.5'], '--k must be a whole number.'],
      [['   '], 'The question must not be empty.'],
      [['why?', '--max-sentences', '0'], '--max-sentences must be at least 1.'],
      [['why?', '--year-from', 'soon'], '--year-from must be a number.'],
      [['why?', '--year-from', '2030', '--year-to', '2020'], '--year-from must not be after --year-to (2030 > 2020).'],
    ];
    for (const [args, message] of cases) {
      const { stderr, exitCode } = await run(...args);
      expect(exitCode, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toBe(
        `error: ${message}\nhint: Check the named field or parameter and try again.\n`,
      );
    }
  });
});
