// Several processes race for one index's writer lock, over and over: at no moment may two of them
// hold it (each holder creates a marker file exclusively while it holds the lock).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const PROCESSES = 4;
const ROUNDS = 150;

// One racer: tries to lock ROUNDS times; whenever it holds the lock it claims the marker, which fails
// if another holder has it, and reports how often that happened.
const RACER = `
import fs from 'node:fs';
import path from 'node:path';
import { acquireLock } from ${JSON.stringify(path.resolve('indexer/store/generations.ts'))};
const [dir, rounds] = [process.argv[2], Number(process.argv[3])];
let held = 0, overlaps = 0;
for (let i = 0; i < rounds; i++) {
  let release;
  try { release = acquireLock(dir); } catch (error) { if (error.code !== 'INDEX_LOCKED') throw error; continue; }
  held++;
  try { fs.writeFileSync(path.join(dir, 'HELD'), String(process.pid), { flag: 'wx' }); } catch { overlaps++; release(); continue; }
  for (let spin = Date.now(); Date.now() - spin < 1; );
  fs.rmSync(path.join(dir, 'HELD'));
  release();
}
process.stdout.write(JSON.stringify({ held, overlaps }));
`;

describe('the index writer lock under a race of processes', () => {
  it(`is never held by two of ${PROCESSES} processes at once over ${ROUNDS} attempts each`, async () => {
    const dir = tempDir();
    const script = path.join(tempDir(), 'racer.mts');
    (await import('node:fs')).writeFileSync(script, RACER);
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        runNode(['--import', 'tsx', script, dir, String(ROUNDS)], { env: process.env }),
      ),
    );
    const results = runs.map((run) => {
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { held: number; overlaps: number };
    });
    expect(results.reduce((sum, r) => sum + r.overlaps, 0)).toBe(0);
    expect(results.reduce((sum, r) => sum + r.held, 0)).toBeGreaterThan(ROUNDS / 4);
  }, 60_000);
});
