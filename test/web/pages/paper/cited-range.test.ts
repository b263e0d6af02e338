import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../../indexer/paper.schema.ts';
import { citedRange } from '../../../../web/src/pages/paper/cited-range.ts';

const passages: Passage[] = [
  { id: 7, paperId: 'p', field: 'title', ordinal: 0, start: 0, end: 20, text: '' },
  { id: 8, paperId: 'p', field: 'abstract', ordinal: 0, start: 0, end: 400, text: '' },
];

describe('cited-range', () => {
  it('marks the cited span, not the whole passage (the whole-abstract bug)', () => {
    expect(citedRange(passages, new URLSearchParams('passage=8&start=120&end=180'))).toEqual({
      field: 'abstract',
      start: 120,
      end: 180,
    });
  });

  it('marks the passage when the span is missing, malformed or outside it', () => {
    for (const query of [
      'passage=8',
      'passage=8&start=x&end=5',
      'passage=8&start=300&end=500',
      'passage=8&start=9&end=9',
    ]) {
      expect(citedRange(passages, new URLSearchParams(query)), query).toEqual({
        field: 'abstract',
        start: 0,
        end: 400,
      });
    }
  });

  it('marks a title passage in the title, and nothing for an unknown passage', () => {
    expect(citedRange(passages, new URLSearchParams('passage=7&start=4&end=9'))).toEqual({
      field: 'title',
      start: 4,
      end: 9,
    });
    expect(citedRange(passages, new URLSearchParams('passage=99'))).toBeUndefined();
  });
});
