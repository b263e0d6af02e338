import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, pruneToSoundFallback, removeLeftovers } from '../../../indexer/store/generations.ts';
import { tempDir } from '../../support/temp-dir.ts';

describe('generations', () => {
  it('treats a lock file that is created but not yet written as held, not as stale', () => {
    const dir = tempDir();
    // What another process's lock looked like between creating the file and writing its pid.
    fs.writeFileSync(path.join(dir, 'LOCK'), '');
    expect(() => acquireLock(dir)).toThrow(expect.objectContaining({ code: 'INDEX_LOCKED' }));
    expect(fs.existsSync(path.join(dir, 'LOCK'))).toBe(true);
  });

  it('creates the lock with the pid already in it and leaves no temporary file behind', () => {
    const dir = tempDir();
    const release = acquireLock(dir);
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8')).toBe(String(process.pid));
    expect(fs.readdirSync(dir)).toEqual(['LOCK']);
    release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose process is gone, and refuses one whose process runs', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'LOCK'), '999999999');
    const release = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrow(expect.objectContaining({ code: 'INDEX_LOCKED' }));
    release();
  });

  it('keeps a running writer lock when a lock holder removes leftovers', () => {
    const dir = tempDir();
    const release = acquireLock(dir);
    removeLeftovers(dir);
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8')).toBe(String(process.pid));
    release();
  });
  it('keeps, of the generations before the published one, only the newest that opens, deleting damaged and older ones', async () => {
    const dir = tempDir();
    for (const generation of [1, 2, 3, 4, 5]) fs.mkdirSync(path.join(dir, `gen-00000${generation}`));
    const damaged = new Set(['gen-000004', 'gen-000003']);
    const asked: string[] = [];
    await pruneToSoundFallback(dir, 5, async (generationDir) => {
      asked.push(path.basename(generationDir));
      return damaged.has(path.basename(generationDir)) ? 'damaged' : 'sound';
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['gen-000002', 'gen-000005']);
    // Once the fallback is found, older generations are deleted without being checked.
    expect(asked).toEqual(['gen-000004', 'gen-000003', 'gen-000002']);
  });

  it('deletes nothing when the check of the newest older generation could not run', async () => {
    const dir = tempDir();
    for (const generation of [1, 2, 3, 4, 5]) fs.mkdirSync(path.join(dir, `gen-00000${generation}`));
    await pruneToSoundFallback(dir, 5, async () => 'unknown');
    // The old code read a check that could not run (EMFILE, SQLITE_CANTOPEN) as damage and deleted the fallback.
    expect(fs.readdirSync(dir).sort()).toEqual(['gen-000001', 'gen-000002', 'gen-000003', 'gen-000004', 'gen-000005']);
  });

  it('deletes the damaged generations before one it cannot check, and stops there', async () => {
    const dir = tempDir();
    for (const generation of [1, 2, 3, 4, 5]) fs.mkdirSync(path.join(dir, `gen-00000${generation}`));
    const asked: string[] = [];
    await pruneToSoundFallback(dir, 5, async (generationDir) => {
      asked.push(path.basename(generationDir));
      return path.basename(generationDir) === 'gen-000004' ? 'damaged' : 'unknown';
    });
    expect(fs.readdirSync(dir).sort()).toEqual(['gen-000001', 'gen-000002', 'gen-000003', 'gen-000005']);
    expect(asked).toEqual(['gen-000004', 'gen-000003']);
  });

  it('deletes every generation before the published one when none of them opens', async () => {
    const dir = tempDir();
    for (const generation of [1, 2, 3]) fs.mkdirSync(path.join(dir, `gen-00000${generation}`));
    await pruneToSoundFallback(dir, 3, async () => 'damaged');
    expect(fs.readdirSync(dir)).toEqual(['gen-000003']);
  });
});
