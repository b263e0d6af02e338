// Groups projected points with a deterministic k-means, so the map can colour papers by cluster
// when they carry no tags; no randomness: the seeds are chosen by farthest-point traversal.
import type { Point2 } from './project-vectors.ts';

export const CLUSTER_DEFAULTS = {
  /** Upper bound on clusters; the map's palette has this many colours. */
  maxClusters: 8,
  iterations: 50,
};

export type ClusterOptions = Partial<typeof CLUSTER_DEFAULTS>;

const distance2 = (a: Point2, b: Point2): number => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

/** How many clusters to make for `count` points: about √(n/2), at least 1, at most `maxClusters`. */
export function clusterCount(count: number, maxClusters: number = CLUSTER_DEFAULTS.maxClusters): number {
  if (count === 0) return 0;
  return Math.max(1, Math.min(maxClusters, count, Math.round(Math.sqrt(count / 2))));
}

// Farthest-point seeding from the point nearest the centroid: spread out, and the same every run.
function seedCentres(points: readonly Point2[], k: number): Point2[] {
  const centroid = {
    x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
    y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
  };
  let first = 0;
  for (let i = 1; i < points.length; i++) {
    if (distance2(points[i]!, centroid) < distance2(points[first]!, centroid)) first = i;
  }
  const centres = [points[first]!];
  const nearest = points.map((p) => distance2(p, points[first]!));
  while (centres.length < k) {
    let far = 0;
    for (let i = 1; i < points.length; i++) if (nearest[i]! > nearest[far]!) far = i;
    centres.push(points[far]!);
    for (let i = 0; i < points.length; i++) nearest[i] = Math.min(nearest[i]!, distance2(points[i]!, points[far]!));
  }
  return centres.map((c) => ({ ...c }));
}

function nearestCentre(point: Point2, centres: readonly Point2[]): number {
  let best = 0;
  for (let c = 1; c < centres.length; c++)
    if (distance2(point, centres[c]!) < distance2(point, centres[best]!)) best = c;
  return best;
}

/**
 * Assigns each point a cluster id. Ids are numbered by falling cluster size (ties by first
 * member), so cluster 0 is always the largest and the ids do not depend on seeding order.
 */
export function clusterPoints(points: readonly Point2[], options: ClusterOptions = {}): number[] {
  const settings = { ...CLUSTER_DEFAULTS, ...options } satisfies typeof CLUSTER_DEFAULTS;
  const k = clusterCount(points.length, settings.maxClusters);
  if (k <= 1) return points.map(() => 0);
  const centres = seedCentres(points, k);
  let assignment = points.map((p) => nearestCentre(p, centres));
  for (let iteration = 0; iteration < settings.iterations; iteration++) {
    for (let c = 0; c < k; c++) {
      const members = points.filter((_, i) => assignment[i] === c);
      if (members.length === 0) continue;
      centres[c] = {
        x: members.reduce((sum, p) => sum + p.x, 0) / members.length,
        y: members.reduce((sum, p) => sum + p.y, 0) / members.length,
      };
    }
    const next = points.map((p) => nearestCentre(p, centres));
    const changed = next.some((c, i) => c !== assignment[i]);
    assignment = next;
    if (!changed) break;
  }
  const sizes = new Map<number, { size: number; first: number }>();
  assignment.forEach((c, i) => {
    const entry = sizes.get(c) ?? { size: 0, first: i };
    entry.size++;
    sizes.set(c, entry);
  });
  const order = [...sizes.entries()].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const renumber = new Map(order.map(([c], rank) => [c, rank]));
  return assignment.map((c) => renumber.get(c)!);
}
