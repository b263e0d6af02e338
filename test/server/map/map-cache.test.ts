import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapCacheFile, readCachedMap, writeCachedMap } from '../../../server/map/map-cache.ts';
import { tempDir } from '../../support/temp-dir.ts';

const map = (generation: number) => ({
  generation,
  points: [{ paperId: 'a', title: 'A', x: 0.5, y: 0.5, tags: ['t'], cluster: 0 }],
});

describe('map-cache', () => {
  it('writes a map to the cache folder outside the generation folders and reads it back', () => {
    const dir = tempDir();
    writeCachedMap(dir, map(3));
    expect(mapCacheFile(dir, 3)).toBe(path.join(dir, 'cache', 'map-3.json'));
    expect(readCachedMap(dir, 3)).toEqual(map(3));
    expect(fs.readdirSync(path.join(dir, 'cache'))).toEqual(['map-3.json']);
  });

  it('ignores a missing, damaged or mislabelled cache file', () => {
    const dir = tempDir();
    expect(readCachedMap(dir, 1)).toBeUndefined();
    fs.mkdirSync(path.join(dir, 'cache'));
    fs.writeFileSync(mapCacheFile(dir, 1), '{"generation":1,"points":[{"paperId"');
    expect(readCachedMap(dir, 1)).toBeUndefined();
    fs.writeFileSync(mapCacheFile(dir, 2), JSON.stringify(map(5)));
    expect(readCachedMap(dir, 2)).toBeUndefined();
  });

  it('removes maps of generations older than the previous one', () => {
    const dir = tempDir();
    for (const generation of [1, 2, 3, 4]) writeCachedMap(dir, map(generation));
    expect(fs.readdirSync(path.join(dir, 'cache')).sort()).toEqual(['map-3.json', 'map-4.json']);
  });
});
