import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../server/search/search.schema.ts';
import { hitsNote, mapHitsSummary, matchingHits } from '../../../../web/src/pages/map/map-hits.ts';
import { paperWith } from '../../../support/paper.ts';

const result = (id: string, score: number, match: boolean, highlighted: boolean): SearchResult => ({
  paper: paperWith({ id, title: id }),
  score,
  match,
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
  it('highlights the results the search says match, not those it ranks past them (the "12 match kv cache" bug)', () => {
    const results = [
      result('a', 0.9, true, true),
      result('b', 0.8, true, false),
      result('c', 0.7, false, false),
      result('d', 0.6, false, false),
    ];
    expect(matchingHits(results).map((r) => r.paper.id)).toEqual(['a', 'b']);
    expect(matchingHits([])).toEqual([]);
  });

  it('counts as Search counts: a paper close in meaning but holding no word matches when the search says so', () => {
    // The map read highlights and dropped "b" when any result held a word; Search counts it.
    const results = [result('a', 0.9, true, true), result('b', 0.85, true, false), result('c', 0.1, false, false)];
    const hits = matchingHits(results);
    expect(hits).toHaveLength(2);
    expect(mapHitsSummary({ total: 2, totalIsLowerBound: false }, hits.length, 'kv cache')).toBe(
      '2 papers match “kv cache”',
    );
  });

  it("states the server's total, and says when it is a lower bound or more match than are drawn", () => {
    expect(mapHitsSummary({ total: 1, totalIsLowerBound: false }, 1, 'q')).toBe('1 paper matches “q”');
    expect(mapHitsSummary({ total: 44, totalIsLowerBound: false }, 30, 'q')).toBe('Top 30 of 44 papers matching “q”');
    expect(mapHitsSummary({ total: 101, totalIsLowerBound: true }, 30, 'q')).toBe(
      'Top 30 of at least 101 papers matching “q”',
    );
    expect(mapHitsSummary({ total: 0, totalIsLowerBound: false }, 0, 'q')).toBe('No papers match “q”');
  });

  it('says whether the hits hold the words, come close in meaning, or both', () => {
    expect(hitsNote([result('a', 1, true, true)])).toMatch(/^Papers whose title or abstract contains the words/);
    expect(hitsNote([result('a', 1, true, false)])).toMatch(/^No paper contains the words/);
    expect(hitsNote([result('a', 1, true, true), result('b', 0.9, true, false)])).toMatch(
      /contain the words searched for \(solid rings\) or come close enough in meaning to match \(dashed rings\)/,
    );
  });
});
