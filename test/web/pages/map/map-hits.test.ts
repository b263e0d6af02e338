import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../server/search/search.schema.ts';
import { relevantHits } from '../../../../web/src/pages/map/map-hits.ts';
import { paperWith } from '../../../support/paper.ts';

const result = (id: string, score: number, highlighted: boolean): SearchResult => ({
  paper: paperWith({ id, title: id }),
  score,
  match: true,
  passages: [
    {
      id: 1,
      field: 'title',
      text: id,
      start: 0,
      end: id.length,
      score,
      highlights: highlighted ? [{ start: 0, end: 1 }] : [],
    },
  ],
});

describe('map-hits', () => {
  it('keeps only results containing a query word, not the whole top k (the "12 match kv cache" bug)', () => {
    const results = [result('a', 0.9, true), result('b', 0.8, false), result('c', 0.7, true), result('d', 0.6, false)];
    expect(relevantHits(results).map((r) => r.paper.id)).toEqual(['a', 'c']);
  });

  it('falls back to results close to the best score when no result has the words', () => {
    const results = [result('a', 1, false), result('b', 0.85, false), result('c', 0.5, false)];
    expect(relevantHits(results).map((r) => r.paper.id)).toEqual(['a', 'b']);
    expect(relevantHits([])).toEqual([]);
  });
});
