import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../indexer/paper.schema.ts';
import { cslName, toCslItem, toCslJsonFile } from '../../../web/src/citations/csl-json.ts';

const paper: Paper = {
  id: 'emo-2024',
  title: 'EMO',
  abstract: '',
  authors: ['Ada King Lovelace', 'Turing, Alan', 'Plato'],
  affiliations: [],
  year: 2024,
  venue: 'ICLR',
  url: 'javascript:alert(1)',
  doi: '10.1000/emo',
  arxivId: null,
  tags: [],
  metadata: {},
};

describe('csl-json', () => {
  it('splits names into family and given, either way round, and keeps a single word literal', () => {
    expect(paper.authors.map(cslName)).toEqual([
      { family: 'Lovelace', given: 'Ada King' },
      { family: 'Turing', given: 'Alan' },
      { literal: 'Plato' },
    ]);
  });

  it('writes an item with the known fields only, and no URL that is not http(s)', () => {
    expect(toCslItem(paper)).toEqual({
      id: 'emo-2024',
      type: 'article-journal',
      title: 'EMO',
      author: paper.authors.map(cslName),
      issued: { 'date-parts': [[2024]] },
      'container-title': 'ICLR',
      DOI: '10.1000/emo',
    });
    expect(toCslItem({ ...paper, url: 'http://x.org/' }).URL).toBe('http://x.org/');
  });

  it('writes a file that parses back as an array of items', () => {
    expect(JSON.parse(toCslJsonFile([paper, { ...paper, id: 'b' }])).map((i: { id: string }) => i.id)).toEqual([
      'emo-2024',
      'b',
    ]);
  });
});
