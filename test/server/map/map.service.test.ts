import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openIndex } from '../../../indexer/index.ts';
import { clearMapMemory, mapCacheFile, paperMap } from '../../../server/map/index.ts';
import { buildIndex, SAMPLE_PAPERS_FILE, samplePapers } from '../../support/sample-index.ts';
import { tempDir } from '../../support/temp-dir.ts';

const opened: Array<{ close(): void }> = [];

async function open(dir: string) {
  const reader = await openIndex(dir, { offline: true });
  opened.push(reader);
  return reader;
}

afterEach(() => {
  for (const reader of opened.splice(0)) reader.close();
  clearMapMemory();
});

describe('map.service', () => {
  it('gives every paper one point in the unit square with its title, tags and a cluster', async () => {
    const { dir } = await buildIndex();
    const map = await paperMap(await open(dir));
    const papers = samplePapers();
    expect(map.generation).toBe(1);
    expect(map.points.map((p) => p.paperId).sort()).toEqual(papers.map((p) => p.id).sort());
    const first = map.points.find((p) => p.paperId === papers[0]!.id)!;
    expect(first.title).toBe(papers[0]!.title);
    expect(first.tags).toEqual(papers[0]!.tags);
    for (const p of map.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(1);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(1);
      expect(Number.isInteger(p.cluster)).toBe(true);
    }
    expect(new Set(map.points.map((p) => p.cluster)).size).toBeGreaterThan(1);
  });

  it('caches the map in <index>/cache, outside the immutable generation folder', async () => {
    const { dir } = await buildIndex();
    const reader = await open(dir);
    const map = await paperMap(reader);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cache', 'map-1.json'), 'utf8'))).toEqual(map);
    expect(fs.readdirSync(reader.generationDir).some((f) => f.includes('map'))).toBe(false);
  });

  it('computes once per generation: later calls come from memory, then from the cache file', async () => {
    const { dir } = await buildIndex();
    const reader = await open(dir);
    const [a, b] = await Promise.all([paperMap(reader), paperMap(reader)]);
    expect(b).toBe(a);
    // A changed cache file proves the next process (no memory) reads the file instead of recomputing.
    const file = mapCacheFile(dir, 1);
    const edited = { ...a, points: a.points.map((p, i) => (i === 0 ? { ...p, title: 'from the cache file' } : p)) };
    fs.writeFileSync(file, JSON.stringify(edited));
    expect((await paperMap(reader)).points[0]!.title).toBe(a.points[0]!.title);
    clearMapMemory();
    expect((await paperMap(reader)).points[0]!.title).toBe('from the cache file');
  });

  it('recomputes when the cache file does not match the index', async () => {
    const { dir } = await buildIndex();
    const reader = await open(dir);
    fs.mkdirSync(path.join(dir, 'cache'));
    fs.writeFileSync(mapCacheFile(dir, 1), JSON.stringify({ generation: 1, points: [] }));
    expect((await paperMap(reader)).points).toHaveLength(samplePapers().length);
  });

  it('makes a new map for a new generation and keeps serving when the cache cannot be written', async () => {
    const { dir } = await buildIndex();
    await paperMap(await open(dir));
    const extra = path.join(tempDir(), 'extra.jsonl');
    fs.writeFileSync(
      extra,
      `${JSON.stringify({ id: 'extra-paper', title: 'An extra paper', abstract: 'About maps.' })}\n`,
    );
    const { indexPapers } = await import('../../../indexer/index.ts');
    await indexPapers({ indexDir: dir, files: [SAMPLE_PAPERS_FILE, extra], embedder: 'builtin', offline: true });
    // A file where the cache folder should be makes every cache write fail.
    fs.rmSync(path.join(dir, 'cache'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cache'), 'not a folder');
    const onNotice = vi.fn();
    const map = await paperMap(await open(dir), { onNotice });
    expect(map.generation).toBe(2);
    expect(map.points.some((p) => p.paperId === 'extra-paper')).toBe(true);
    expect(onNotice).toHaveBeenCalledWith(expect.stringContaining('Could not cache the map'));
  });
});
