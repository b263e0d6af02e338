import { describe, expect, it } from 'vitest';
import type { MapPoint } from '../../../../server/map/map.schema.ts';
import { clusterLabels, titleTerms } from '../../../../web/src/pages/map/cluster-labels.ts';

const point = (id: string, title: string, cluster: number, x = 0, y = 0, tags: string[] = []): MapPoint => ({
  paperId: id,
  title,
  x,
  y,
  tags,
  cluster,
});

describe('cluster-labels', () => {
  it('keeps topic words of a title and drops stopwords, numbers and single letters', () => {
    expect(titleTerms('The KV-Cache of 2024 LLMs: a study on Attention')).toEqual(['kv-cache', 'llms', 'attention']);
  });

  it("names each cluster by the words frequent in its titles but rare in the others', with its centre", () => {
    const points = [
      point('a', 'KV cache compression for attention', 0, 0, 0),
      point('b', 'Quantized KV cache attention', 0, 1, 1),
      point('c', 'Attention sinks in transformers', 1, 0.5, 0.5),
      point('d', 'Attention sinks and softmax', 1, 0.5, 0.5),
    ];
    const labels = clusterLabels(points);
    expect(labels.map((l) => l.terms)).toEqual([['cache', 'kv'], ['sinks']]);
    expect(labels[0]).toMatchObject({ cluster: 0, count: 2, x: 0.5, y: 0.5 });
  });

  it('names a cluster whose short titles share no word by the tags its papers share, not by the alphabet', () => {
    const points = [
      point('a', 'GlazyBench', 0, 0, 0, ['benchmarks', 'multimodal']),
      point('b', 'AstroAlertBench', 0, 0, 0, ['Benchmarks', 'evaluation']),
      point('c', 'COGCAPTCHA30', 0, 0, 0, ['benchmarks', 'evaluation', 'security']),
      point('d', 'KV cache compression for attention', 1, 1, 1, ['inference']),
      point('e', 'Quantized KV cache attention', 1, 1, 1, ['inference', 'security']),
    ];
    const [benchmarks, cache] = clusterLabels(points);
    expect(benchmarks!.terms).toEqual(['benchmarks', 'evaluation']);
    expect(benchmarks!.terms).not.toContain('astroalertbench');
    expect(cache!.terms).toEqual(['attention', 'cache', 'inference']);
  });
});
