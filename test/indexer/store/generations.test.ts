import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, removeLeftovers } from '../../../indexer/store/generations.ts';
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
});
