// Projects paper vectors to 2-D with UMAP (umap-js), seeded so one index always gives one map,
// and scales the result into the unit square. A large library is projected through an even sample:
// UMAP lays out the sample (its neighbours found by an HNSW graph of the sample), and every other
// paper is placed among its nearest sampled papers.
import { UMAP } from 'umap-js';
import { createSeededRandom } from '../../core/seeded-random.ts';
import { HnswVectorIndex } from '../../indexer/vectors/hnsw.vector-index.ts';

export const PROJECTION_DEFAULTS = {
  /** Seed of every random draw UMAP makes; the same vectors and seed give the same map. */
  seed: 20_240_601,
  /** Neighbours UMAP keeps per point (capped at the number of points less one). */
  neighbors: 15,
  minDist: 0.1,
  /** Optimisation epochs; large libraries get fewer so the first map of an index stays quick. */
  epochs: (count: number): number => (count > 2_000 ? 200 : 400),
  /**
   * Above this many papers UMAP lays out an even sample of this size and the rest are placed by
   * their nearest sampled papers: umap-js on all of 100,000 papers takes tens of minutes
   * (10,000 took 42 s on a busy machine), the sampled map about a minute.
   */
  sampleSize: 4_000,
  /** Sampled papers each other paper is placed among (a similarity-weighted mean of their positions). */
  placeAmong: 5,
};

export type ProjectionOptions = Partial<typeof PROJECTION_DEFAULTS>;

/** A point in the unit square. */
export type Point2 = { x: number; y: number };

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Scales each axis of the points into [0, 1]; an axis with no spread is centred at 0.5. */
export function fitUnitSquare(points: readonly (readonly number[])[]): Point2[] {
  const axis = (i: number) => {
    const values = points.map((p) => p[i] ?? 0);
    const min = Math.min(...values);
    const range = Math.max(...values) - min;
    return (value: number) => (range > 0 && Number.isFinite(range) ? round((value - min) / range) : 0.5);
  };
  const [scaleX, scaleY] = [axis(0), axis(1)];
  return points.map((p) => ({ x: scaleX(p[0] ?? 0), y: scaleY(p[1] ?? 0) }));
}

/**
 * Projects the vectors to 2-D. Fewer than three vectors need no projection: one sits in the
 * centre and two sit side by side. The optimisation yields to the event loop between epochs.
 */
export async function projectVectors(
  vectors: readonly Float32Array[],
  options: ProjectionOptions = {},
): Promise<Point2[]> {
  const settings = { ...PROJECTION_DEFAULTS, ...options } satisfies typeof PROJECTION_DEFAULTS;
  if (vectors.length === 0) return [];
  if (vectors.length === 1) return [{ x: 0.5, y: 0.5 }];
  if (vectors.length === 2) {
    return [
      { x: 0.25, y: 0.5 },
      { x: 0.75, y: 0.5 },
    ];
  }
  if (vectors.length <= settings.sampleSize) return fitUnitSquare(await layOut(vectors, settings));
  return fitUnitSquare(await layOutThroughSample(vectors, settings));
}

function createUmap(count: number, settings: typeof PROJECTION_DEFAULTS): UMAP {
  return new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(settings.neighbors, count - 1),
    minDist: settings.minDist,
    nEpochs: settings.epochs(count),
    random: createSeededRandom(settings.seed).uniform,
  });
}

async function layOut(vectors: readonly Float32Array[], settings: typeof PROJECTION_DEFAULTS): Promise<number[][]> {
  return createUmap(vectors.length, settings).fitAsync(vectors.map((vector) => Array.from(vector)));
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return vector.map((x) => x / norm);
}

/** Turns of the event loop between steps of placing (and of finding the sample's neighbours). */
const STEP = 1_000;
const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));

async function layOutThroughSample(
  vectors: readonly Float32Array[],
  settings: typeof PROJECTION_DEFAULTS,
): Promise<number[][]> {
  const size = settings.sampleSize;
  const sampled = Array.from({ length: size }, (_, i) => Math.floor((i * vectors.length) / size));
  const sample = sampled.map((i) => unit(vectors[i]!));
  const graph = HnswVectorIndex.create(sample[0]!.length, size);
  for (const [label, vector] of sample.entries()) {
    graph.add(label, vector);
    if (label % (STEP / 2) === STEP / 2 - 1) await yieldTurn();
  }
  // UMAP's own neighbour search on the sample is replaced by the graph's (euclidean distance of unit vectors).
  const neighbors = Math.min(settings.neighbors, size - 1);
  const knnIndices: number[][] = [];
  const knnDistances: number[][] = [];
  for (let i = 0; i < size; i++) {
    // As umap-js's own search gives them: the point itself first, at distance 0.
    const others = graph.search(sample[i]!, neighbors + 1).filter((hit) => hit.label !== i);
    const row = [{ label: i, score: 1 }, ...others].slice(0, neighbors);
    knnIndices.push(row.map((hit) => hit.label));
    knnDistances.push(row.map((hit) => Math.sqrt(Math.max(0, 2 - 2 * hit.score))));
    if (i % STEP === STEP - 1) await yieldTurn();
  }
  const umap = createUmap(size, settings);
  umap.setPrecomputedKNN(knnIndices, knnDistances);
  const layout = await umap.fitAsync(sample.map((vector) => Array.from(vector)));

  const positions: number[][] = new Array(vectors.length);
  sampled.forEach((i, s) => {
    positions[i] = layout[s]!;
  });
  for (let i = 0; i < vectors.length; i++) {
    if (positions[i]) continue;
    const hits = graph.search(unit(vectors[i]!), settings.placeAmong);
    let [x, y, total] = [0, 0, 0];
    for (const hit of hits) {
      const weight = Math.max(hit.score, 0) ** 4 + 1e-9;
      x += weight * layout[hit.label]![0]!;
      y += weight * layout[hit.label]![1]!;
      total += weight;
    }
    positions[i] = [x / total, y / total];
    if (i % STEP === STEP - 1) await yieldTurn();
  }
  return positions;
}
