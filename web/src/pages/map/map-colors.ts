// Which colour each map point gets: by cluster id, or by its most common tag. The palette has
// PALETTE_SIZE colours (CSS classes c-0 … c-7); everything else is "other" (c-other).
import type { MapPoint } from '../../../../server/map/map.schema.ts';

export const PALETTE_SIZE = 8;

export type ColorBy = 'cluster' | 'tag';
export type ColorGroup = { key: string; label: string; className: string; count: number };
export type Coloring = {
  groups: ColorGroup[];
  classOf: (point: MapPoint) => string;
  /** The key of the group (legend entry) a point belongs to. */
  keyOf: (point: MapPoint) => string;
};

const OTHER = 'c-other';

/**
 * Colour groups for the points, and the class of each point. Clusters are named by `clusterName`
 * (their distinctive terms) when it has a name for them.
 */
export function colorPoints(
  points: readonly MapPoint[],
  by: ColorBy,
  clusterName: (cluster: number) => string | undefined = () => undefined,
): Coloring {
  if (by === 'cluster') {
    const counts = new Map<number, number>();
    for (const p of points) counts.set(p.cluster, (counts.get(p.cluster) ?? 0) + 1);
    const groups = [...counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([cluster, count]) => ({
        key: String(cluster),
        label: clusterName(cluster) ?? `Cluster ${cluster + 1}`,
        className: cluster < PALETTE_SIZE ? `c-${cluster}` : OTHER,
        count,
      }));
    return {
      groups,
      classOf: (p) => (p.cluster < PALETTE_SIZE ? `c-${p.cluster}` : OTHER),
      keyOf: (p) => String(p.cluster),
    };
  }
  const frequency = new Map<string, number>();
  for (const p of points) for (const tag of p.tags) frequency.set(tag, (frequency.get(tag) ?? 0) + 1);
  // One colour is kept for "other / untagged".
  const top = [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, PALETTE_SIZE - 1)
    .map(([tag]) => tag);
  const classOfTag = new Map(top.map((tag, i) => [tag, `c-${i}`]));
  const classOf = (p: MapPoint) => {
    const tag = p.tags.find((t) => classOfTag.has(t));
    return tag ? classOfTag.get(tag)! : OTHER;
  };
  const counts = new Map<string, number>();
  for (const p of points) counts.set(classOf(p), (counts.get(classOf(p)) ?? 0) + 1);
  const groups: ColorGroup[] = top.map((tag) => ({
    key: tag,
    label: tag,
    className: classOfTag.get(tag)!,
    count: counts.get(classOfTag.get(tag)!) ?? 0,
  }));
  if (counts.has(OTHER)) groups.push({ key: OTHER, label: 'Other tags', className: OTHER, count: counts.get(OTHER)! });
  const keyOf = (p: MapPoint) => {
    const tag = p.tags.find((t) => classOfTag.has(t));
    return tag ?? OTHER;
  };
  return { groups, classOf, keyOf };
}
