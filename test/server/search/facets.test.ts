import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetsOf } from '../../../server/search/facets.ts';
import { searchPapers } from '../../../server/search/index.ts';
import { SEARCH_LIMITS } from '../../../server/search/search.schema.ts';
import { buildSearchIndex, type SearchFixture, topicPapers } from './search-fixture.ts';

const paper = (year: number | null, tags: string[], authors: string[], venue: string | null) => ({
  year,
  tags,
  authors,
  venue,
});

describe('facets', () => {
  it('counts each value once per paper, most frequent first, ties by value, tags without case', () => {
    const facets = facetsOf([
      paper(2020, ['RAG', 'rag'], ['Ada', 'Ada'], 'SIGIR'),
      paper(2021, ['rag'], ['Grace'], null),
      paper(null, ['graphs'], ['Ada'], 'SIGIR'),
    ]);
    expect(facets).toEqual({
      year: [
        { value: '2020', count: 1 },
        { value: '2021', count: 1 },
      ],
      tag: [
        { value: 'rag', count: 2 },
        { value: 'graphs', count: 1 },
      ],
      author: [
        { value: 'Ada', count: 2 },
        { value: 'Grace', count: 1 },
      ],
      venue: [{ value: 'SIGIR', count: 2 }],
    });
  });

  it('lists at most the top values', () => {
    const many = Array.from({ length: 30 }, (_, i) => paper(1990 + i, [], [], null));
    expect(facetsOf(many).year).toHaveLength(SEARCH_LIMITS.facetValues);
  });
});

describe('search totals', () => {
  let fixture: SearchFixture;
  beforeAll(async () => {
    fixture = await buildSearchIndex(topicPapers(30, 10));
  });
  afterAll(() => fixture?.close());

  it('counts the matching papers exactly when they are fewer than the candidates', async () => {
    const response = await searchPapers(fixture.reader, { query: 'car engine', mode: 'keyword', k: 3 });
    const matching = topicPapers(30, 10).filter((p) => /\b(car|engine)\b/.test(`${p.title} ${p.abstract}`));
    expect(matching.length).toBeGreaterThan(3);
    expect(response).toMatchObject({ total: matching.length, totalIsLowerBound: false, hasMore: true });
  });

  it('states a lower bound when the ranking reaches the candidate bound', async () => {
    const response = await searchPapers(fixture.reader, { query: 'car engine', mode: 'semantic', k: 3 });
    expect(response).toMatchObject({ total: SEARCH_LIMITS.candidates, totalIsLowerBound: true });
  });
});
