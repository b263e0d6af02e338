// The map's nouns, defined once: a paper as a point in the 2-D projection of the paper vectors.
// Plain zod only, so the web client can import these types without bundling server code.
import { z } from 'zod';

export const zMapPoint = z.object({
  paperId: z.string(),
  title: z.string(),
  /** Position in [0, 1] on each axis (the projection is scaled to fill the unit square). */
  x: z.number(),
  y: z.number(),
  tags: z.array(z.string()),
  /** Deterministic k-means cluster over the projected points, numbered from 0 by falling size. */
  cluster: z.number().int().nonnegative(),
});
export type MapPoint = z.infer<typeof zMapPoint>;

export const zMapResponse = z.object({
  /** The index generation the projection was computed for. */
  generation: z.number().int(),
  points: z.array(zMapPoint),
});
export type MapResponse = z.infer<typeof zMapResponse>;
