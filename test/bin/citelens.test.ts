import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('citelens (the command)', () => {
  it('sets aside a bundle folder outside the project, says why, and still runs', async () => {
    const outside = path.join(tempDir('citelens-bundle-outside-'), 'bundle');
    const result = await runCli(['--help'], { env: { CITELENS_BUNDLE_DIR: outside } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: citelens/m);
    expect(result.stderr).toContain(`notice: CITELENS_BUNDLE_DIR (${outside}) lies outside the project`);
    expect(fs.existsSync(outside)).toBe(false);
  });
});
