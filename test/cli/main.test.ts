import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('cli main', () => {
  it('reports an invalid environment variable once, by name, without a stack trace, and exits non-zero', async () => {
    for (const [name, value] of [
      ['CITELENS_PORT', 'abc'],
      ['CITELENS_TOKEN', 'a token with spaces'],
    ] as const) {
      const result = await runCli(['info', '--index', tempDir()], { env: { [name]: value } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Invalid environment variable ${name}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr.match(/Invalid environment variable/g)).toHaveLength(1);
    }
  }, 60_000);

  it('exits 2 when the command line is wrong, 1 when a command fails, 0 for help', async () => {
    const index = tempDir();
    for (const args of [
      ['bogus'],
      ['search', 'attention', '--mode', 'fuzzy', '--index', index],
      ['ask', '--index', index],
      ['serve', '--port', 'abc'],
      ['search', 'attention', '--k', '0', '--index', index],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^error: /);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    const failed = await runCli(['search', 'attention', '--index', index]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`There is no index in ${index}`);
    const help = await runCli(['search', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: citelens search');
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    // What each status means, however the lines are wrapped.
    const overviewText = overview.stdout.replace(/\s+/gu, ' ');
    for (const status of [
      'Exit status: 0 done;',
      '1 the command failed (no index, an unreadable file, refused records);',
      '2 the command line is wrong (an unknown command or option, a bad value, a missing argument);',
      '3 verify --strict checked the text and a citation is not supported.',
    ])
      expect(overviewText).toContain(status);
  }, 60_000);
});
