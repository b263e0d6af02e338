// Where computed maps are kept: in memory per index generation, and as a JSON file per generation
// in `<index>/cache/` (beside the immutable generation folders, never inside them).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../indexer/store/generations.ts';
import { type MapResponse, zMapResponse } from './map.schema.ts';

/** The cache file of one generation's map. */
export function mapCacheFile(indexDir: string, generation: number): string {
  return path.join(indexDir, 'cache', `map-${generation}.json`);
}

/** The cached map of a generation, or undefined when there is none or the file is not a valid map of it. */
export function readCachedMap(indexDir: string, generation: number): MapResponse | undefined {
  let text: string;
  try {
    text = fs.readFileSync(mapCacheFile(indexDir, generation), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = zMapResponse.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.generation === generation ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a generation's map atomically (temp file, then rename) and removes the maps of
 * generations older than the previous one, which the index has already pruned.
 */
export function writeCachedMap(indexDir: string, map: MapResponse): void {
  const file = mapCacheFile(indexDir, map.generation);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify(map));
  for (const entry of fs.readdirSync(path.dirname(file))) {
    const match = /^map-(\d+)\.json$/.exec(entry);
    if (match && Number(match[1]) < map.generation - 1)
      fs.rmSync(path.join(path.dirname(file), entry), { force: true });
  }
}
