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
});
