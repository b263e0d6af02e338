// Projects paper vectors to 2-D with UMAP (umap-js), seeded so one index always gives one map,
// and scales the result into the unit square.
import { UMAP } from 'umap-js';
import { createSeededRandom } from '../../core/seeded-random.ts';

export const PROJECTION_DEFAULTS = {
  /** Seed of every random draw UMAP makes; the same vectors and seed give the same map. */
  seed: 20_240_601,
  /** Neighbours UMAP keeps per point (capped at the number of points less one). */
  neighbors: 15,
  minDist: 0.1,
  /** Optimisation epochs; large libraries get fewer so the first map of an index stays quick. */
  epochs: (count: number): number => (count > 2_000 ? 200 : 400),
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
  const random = createSeededRandom(settings.seed);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(settings.neighbors, vectors.length - 1),
    minDist: settings.minDist,
    nEpochs: settings.epochs(vectors.length),
    random: random.uniform,
  });
  const embedding = await umap.fitAsync(vectors.map((vector) => Array.from(vector)));
  return fitUnitSquare(embedding);
}
