import { describe, expect, it } from 'vitest';
import { readCslJson } from '../../../indexer/readers/csl-json.reader.ts';
import { paperById, readFixture, readWith } from './read-fixture.ts';

describe('csl-json.reader', () => {
  it('reads a Zotero CSL-JSON export into papers with their record numbers and lines', () => {
    const { papers, problems } = readFixture(readCslJson, 'zotero.csl.json');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.location.line, entry.location.record])).toEqual([
      [2, 1],
      [17, 2],
      [30, 3],
    ]);
  });

  it('maps author objects, issued date-parts, container-title, DOI, URL and the keyword string', () => {
    const { papers } = readFixture(readCslJson, 'zotero.csl.json');
    expect(paperById(papers, 'http://zotero.org/users/local/a1b2c3/items/QW8E2R4T').paper).toEqual({
      id: 'http://zotero.org/users/local/a1b2c3/items/QW8E2R4T',
      title: 'Attention Is All You Need',
      abstract: 'Introduces the Transformer, a sequence model built only from attention layers.',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      affiliations: [],
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems',
      url: 'https://arxiv.org/abs/1706.03762',
      doi: '10.48550/arXiv.1706.03762',
      arxivId: '1706.03762',
      tags: ['transformers', 'attention'],
      metadata: { type: 'article-journal' },
    });
  });

  it('takes literal names, string date-parts, raw dates and an arXiv "number"', () => {
    const { papers } = readFixture(readCslJson, 'zotero.csl.json');
    expect(paperById(papers, 'asai2023selfrag').paper).toMatchObject({
      authors: ['Akari Asai', 'University of Washington NLP'],
      year: 2023,
      arxivId: '2310.11511',
    });
    expect(paperById(papers, 'karpukhin2020dpr').paper).toMatchObject({
      year: 2020,
      abstract: '',
      metadata: { type: 'paper-conference', page: '6769-6781' },
    });
  });

  it('reports an author entry that is neither a name nor a name object, by its index', () => {
    const text = '[{"id": "x", "title": "T", "author": [{"family": "Ok"}, 42]}]';
    const { problems } = readWith(readCslJson, text, 'lib.json');
    expect(problems).toEqual([
      {
        file: 'lib.json',
        line: 1,
        record: 1,
        field: 'author[1]',
        message: 'expected a name (text, {name} or {family, given}), got a number',
      },
    ]);
  });
});
