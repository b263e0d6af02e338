import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexPapers, openIndex } from '../../indexer/index.ts';
import { syntheticPapers, writeJsonl } from '../support/synthetic-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

// These tests mount a tiny tmpfs, which needs root (as in CI); elsewhere they are skipped.
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
});

function smallDisk(bytes: number): string {
  const dir = tempDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

async function paperCount(indexDir: string): Promise<number> {
  const reader = await openIndex(indexDir);
  try {
    return reader.manifest.papers;
  } finally {
    reader.close();
  }
}

describe.skipIf(!canMount())('indexing on a failing disk', () => {
  it('reports a full disk clearly and leaves the previous index intact', async () => {
    const disk = smallDisk(3 * 1024 * 1024);
    const indexDir = path.join(disk, 'index');
    const inputDir = tempDir();
    await indexPapers({
      indexDir,
      files: [writeJsonl(inputDir, 'a.jsonl', syntheticPapers(100))],
      embedder: 'builtin',
    });
    const big = writeJsonl(inputDir, 'b.jsonl', syntheticPapers(6000));
    await expect(indexPapers({ indexDir, files: [big], embedder: 'builtin' })).rejects.toMatchObject({
      code: 'INDEX_WRITE_FAILED',
      message: expect.stringMatching(/disk is full/),
    });
    expect(await paperCount(indexDir)).toBe(100);
    expect(fs.readdirSync(indexDir).filter((e) => e.startsWith('.build-'))).toEqual([]);
  });

  it('reports a read-only file system clearly and leaves the previous index intact', async () => {
    const disk = smallDisk(8 * 1024 * 1024);
    const indexDir = path.join(disk, 'index');
    const file = writeJsonl(tempDir(), 'a.jsonl', syntheticPapers(50));
    await indexPapers({ indexDir, files: [file], embedder: 'builtin' });
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    await expect(indexPapers({ indexDir, files: [file], embedder: 'builtin', rebuild: true })).rejects.toMatchObject({
      code: 'INDEX_WRITE_FAILED',
      message: expect.stringMatching(/read-only/),
    });
    expect(await paperCount(indexDir)).toBe(50);
  });
});

// A full disk met copying the published database, simulated (no mount needed): the copy fails once.
describe('updating an index when the disk is too full to copy the published generation', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('deletes the generations older than the published one, says so, and completes the update', async () => {
    const indexDir = path.join(tempDir(), 'index');
    const inputDir = tempDir();
    for (const count of [20, 30]) {
      const file = writeJsonl(inputDir, `${count}.jsonl`, syntheticPapers(count));
      await indexPapers({ indexDir, files: [file], embedder: 'builtin' });
    }
    const copyFile = fs.promises.copyFile;
    let failed = false;
    vi.spyOn(fs.promises, 'copyFile').mockImplementation(async (source, target, mode) => {
      if (failed) return copyFile(source, target, mode);
      failed = true;
      throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
    });
    const notices: string[] = [];
    const more = writeJsonl(inputDir, 'more.jsonl', syntheticPapers(40));
    // The old code failed as a full disk on every try, --rebuild too: nothing freed room any more.
    await indexPapers({ indexDir, files: [more], embedder: 'builtin', onNotice: (m) => notices.push(m) });
    expect(await paperCount(indexDir)).toBe(40);
    expect(fs.readdirSync(indexDir).filter((e) => e.startsWith('gen-'))).toEqual(['gen-000002', 'gen-000003']);
    expect(notices.join('\n')).toMatch(/disk was full .*gen-000001 \(\d+ KB\)/);
  });
});
