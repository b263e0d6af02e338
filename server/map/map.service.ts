// The map of an index: every paper's vector projected to 2-D and clustered, computed once per
// index generation and then served from memory or the generation's cache file.
import type { IndexReader } from '../../indexer/index.ts';
import { clusterPoints } from './cluster-points.ts';
import type { MapResponse } from './map.schema.ts';
import { readCachedMap, writeCachedMap } from './map-cache.ts';
import { type ProjectionOptions, projectVectors } from './project-vectors.ts';

export type MapOptions = {
  projection?: ProjectionOptions;
  /** Told when the cache file cannot be written (the map is still served from memory). */
  onNotice?: (message: string) => void;
};

// One entry per index folder: the generation it holds and its (possibly still running) computation.
const computed = new Map<string, { generation: number; map: Promise<MapResponse> }>();

/** Papers read per step (their listing columns and vectors), with a turn of the event loop between steps. */
const READ_STEP = 5_000;

/** Every paper's id, title, tags and vector, read in steps so other requests get turns. */
async function readPapers(
  reader: IndexReader,
): Promise<Array<{ id: string; title: string; tags: string[]; vector: Float32Array }>> {
  const papers: Array<{ id: string; title: string; tags: string[]; vector: Float32Array }> = [];
  for (let after = 0; ; ) {
    const rows = reader.papers.listingRowsAfter(after, READ_STEP);
    const vectors = reader.papers.vectorsOf(rows.map((row) => row.doc));
    for (const row of rows) {
      const vector = vectors.get(row.doc);
      if (vector) papers.push({ id: row.id, title: row.title, tags: JSON.parse(row.tags), vector });
    }
    if (rows.length < READ_STEP) return papers;
    after = rows[rows.length - 1]!.doc;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Projects and clusters the papers of the reader's generation, without any cache. */
export async function computeMap(reader: IndexReader, projection: ProjectionOptions = {}): Promise<MapResponse> {
  const papers = await readPapers(reader);
  const positions = await projectVectors(
    papers.map((paper) => paper.vector),
    projection,
  );
  const clusters = clusterPoints(positions);
  return {
    generation: reader.generation,
    points: papers.map((paper, i) => {
      return {
        paperId: paper.id,
        title: paper.title,
        x: positions[i]!.x,
        y: positions[i]!.y,
        tags: paper.tags,
        cluster: clusters[i]!,
      };
    }),
  };
}

async function loadOrCompute(reader: IndexReader, options: MapOptions): Promise<MapResponse> {
  const cached = readCachedMap(reader.dir, reader.generation);
  if (cached && cached.points.length === reader.manifest.papers) return cached;
  const map = await computeMap(reader, options.projection);
  try {
    writeCachedMap(reader.dir, map);
  } catch (error) {
    options.onNotice?.(`Could not cache the map in ${reader.dir}/cache: ${(error as Error).message}`);
  }
  return map;
}

/**
 * The map of the reader's generation. Concurrent requests share one computation; a new
 * generation replaces the previous one's entry. A failed computation is not remembered.
 */
export function paperMap(reader: IndexReader, options: MapOptions = {}): Promise<MapResponse> {
  const entry = computed.get(reader.dir);
  if (entry && entry.generation === reader.generation) return entry.map;
  const map = loadOrCompute(reader, options);
  computed.set(reader.dir, { generation: reader.generation, map });
  map.catch(() => {
    if (computed.get(reader.dir)?.map === map) computed.delete(reader.dir);
  });
  return map;
}

/** Forgets every map held in memory (the cache files stay). */
export function clearMapMemory(): void {
  computed.clear();
}
