import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerRemoveCommand } from '../../cli/commands/remove.command.ts';
import { currentGeneration } from '../../indexer/store/generations.ts';
import { runCommand } from '../support/run-command.ts';
import { buildIndex, SAMPLE_PAPERS_FILE, samplePapers } from '../support/sample-index.ts';
import { lockDatabaseInChild } from '../support/system-failures.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A library of the sample's first `count` papers, in a file of its own. */
function firstPapers(count: number): string {
  const file = path.join(tempDir(), 'few.jsonl');
  const lines = fs.readFileSync(SAMPLE_PAPERS_FILE, 'utf8').split('\n').filter(Boolean).slice(0, count);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('remove.command', () => {
  // Regression (review of ed105b3): remove passed no onNotice, so its wait for another process's lock went unsaid.
  it("says on stderr that it waits for another process's lock on the published database, then removes the paper", async () => {
    const { dir } = await buildIndex([firstPapers(3)]);
    const [first] = samplePapers();
    const db = path.join(currentGeneration(dir)!.dir, 'index.db');
    const lock = await lockDatabaseInChild(db);
    const released = new Promise((resolve) => setTimeout(resolve, 400)).then(() => lock.release());
    try {
      const run = await runCommand(registerRemoveCommand, ['remove', first!.id, '--index', dir]);
      expect(run.exitCode, run.stderr).toBeUndefined();
      expect(run.stderr).toContain(
        `notice: Another process holds a lock on ${db}; waiting up to 5 s for it to let go.`,
      );
      expect(run.stdout).toMatch(/^Removed 1 paper; 2 papers \(\d+ passages\) remain\.\n$/);
    } finally {
      await released;
    }
  }, 30_000);
});
