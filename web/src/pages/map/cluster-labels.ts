// Names for the map's clusters: the title words and tags most distinctive of each cluster, i.e. far
// more frequent among its papers than among the others.
import type { MapPoint } from '../../../../server/map/map.schema.ts';

const STOPWORDS = new Set(
  'a an and are as at be by for from in into is it its of on or over than that the their this to toward towards under using via vs with without we our new study studies approach approaches method methods model models based paper towards learning analysis'.split(
    ' ',
  ),
);

/** The words of a title that can name a topic: lowercased, two letters or more (KV, QA), not stopwords. */
export function titleTerms(title: string): string[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}]/gu) ?? [];
  return [...new Set(words.filter((word) => word.length >= 2 && !STOPWORDS.has(word) && !/^\d+$/.test(word)))];
}

/**
 * What a paper says about its topic: its title's words and its tags (lowercased). Tags count because
 * short titles (a system's name, "GlazyBench") share no words, and a cluster of them would otherwise
 * be named by whichever words of single titles come first in the alphabet.
 */
function topicTerms(point: MapPoint): string[] {
  return [
    ...new Set([...titleTerms(point.title), ...point.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean)]),
  ];
}

export type ClusterLabel = { cluster: number; terms: string[]; count: number; x: number; y: number };

/**
 * For each cluster, up to `maxTerms` words or tags whose share of the cluster's papers most exceeds
 * their share of the other papers (preferring those of two or more of its papers), and the
 * cluster's centre (mean position).
 */
export function clusterLabels(points: readonly MapPoint[], maxTerms = 3): ClusterLabel[] {
  const byCluster = new Map<number, MapPoint[]>();
  for (const p of points) byCluster.set(p.cluster, [...(byCluster.get(p.cluster) ?? []), p]);
  const total = new Map<string, number>();
  const perCluster = new Map<number, Map<string, number>>();
  for (const [cluster, members] of byCluster) {
    const counts = new Map<string, number>();
    for (const p of members) {
      for (const term of topicTerms(p)) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        total.set(term, (total.get(term) ?? 0) + 1);
      }
    }
    perCluster.set(cluster, counts);
  }
  return [...byCluster.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([cluster, members]) => {
      const size = members.length;
      const rest = points.length - size;
      const score = (minCount: number) =>
        [...(perCluster.get(cluster) ?? new Map<string, number>()).entries()]
          .filter(([, count]) => count >= minCount)
          .map(([term, count]) => {
            const outside = (total.get(term) ?? 0) - count;
            return { term, score: count / size - (rest > 0 ? outside / rest : 0), count };
          })
          .filter((entry) => entry.score > 0)
          .sort((a, b) => b.score - a.score || b.count - a.count || a.term.localeCompare(b.term));
      // Terms shared by two papers say more than one paper's words, which are the fallback.
      const shared = score(2);
      const scored = shared.length > 0 ? shared : score(1);
      return {
        cluster,
        terms: scored.slice(0, maxTerms).map((entry) => entry.term),
        count: size,
        x: members.reduce((sum, p) => sum + p.x, 0) / size,
        y: members.reduce((sum, p) => sum + p.y, 0) / size,
      };
    });
}
