import { describe, expect, it } from 'vitest';
import { registerInfoCommand } from '../../cli/commands/info.command.ts';
import { currentGeneration } from '../../indexer/store/generations.ts';
import { downgradeIndexModel } from '../support/lsa-version1.ts';
import { runCommand } from '../support/run-command.ts';
import { buildIndex, samplePapers } from '../support/sample-index.ts';

describe('citelens info', () => {
  it('prints what the index holds and which embedder built it', async () => {
    const { dir } = await buildIndex();
    const run = await runCommand(registerInfoCommand, ['info', '--index', dir]);
    expect(run.stdout).toMatch(new RegExp(`papers: +${samplePapers().length}\\n`));
    expect(run.stdout).toMatch(/embedder: +builtin /);
    expect(run.stderr).not.toMatch(/out of date/);
  });

  it('says when the embedder model is out of date and that the next index run refits it, in JSON too', async () => {
    const { dir } = await buildIndex();
    downgradeIndexModel(currentGeneration(dir)!.dir);
    const run = await runCommand(registerInfoCommand, ['info', '--index', dir]);
    expect(run.stderr).toMatch(
      /notice: The embedder model is out of date \(.*older Citelens.*\); the next `citelens index` run refits it\./,
    );
    const json = JSON.parse((await runCommand(registerInfoCommand, ['info', '--index', dir, '--json'])).stdout);
    expect(json.embedderOutdated).toMatch(/older Citelens/);
  });
});
