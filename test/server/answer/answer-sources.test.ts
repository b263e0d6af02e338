import { describe, expect, it } from 'vitest';
import { type NumberedSource, renumberSources } from '../../../server/answer/answer-sources.ts';

const source = (n: number): NumberedSource => ({
  n,
  paper: { id: `p${n}` } as NumberedSource['paper'],
  passages: [],
});

describe('answer-sources', () => {
  it('renumbers cited sources 1…n in order of first citation, the uncited after them in their old order', () => {
    const { sources, renumber } = renumberSources([1, 2, 3, 4, 5].map(source), [4, 2, 4]);
    expect([...renumber]).toEqual([
      [4, 1],
      [2, 2],
      [1, 3],
      [3, 4],
      [5, 5],
    ]);
    expect(sources.map((s) => [s.n, s.paper.id])).toEqual([
      [1, 'p4'],
      [2, 'p2'],
      [3, 'p1'],
      [4, 'p3'],
      [5, 'p5'],
    ]);
  });
});
