import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetsOf } from '../../../server/search/facets.ts';
import { searchPapers } from '../../../server/search/index.ts';
import { SEARCH_LIMITS } from '../../../server/search/search.schema.ts';
import { buildSearchIndex, CAR_TOPIC, HAND_PAPERS, type SearchFixture, topicPapers } from './search-fixture.ts';

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

  it('counts an author or venue as its filter counts: case variants as one value, and names that hold it', () => {
    const facets = facetsOf([
      paper(2020, [], ['Ada Lovelace'], 'Nature'),
      paper(2020, [], ['ada lovelace'], 'nature'),
      paper(2021, [], ['Ada Lovelace-Byron'], 'Nature'),
      paper(2021, [], ['Grace Hopper'], 'Proceedings of NeurIPS'),
      paper(2022, [], ['Grace Hopper'], 'NeurIPS'),
    ]);
    expect(facets.venue).toEqual([
      { value: 'Nature', count: 3 },
      { value: 'NeurIPS', count: 2 },
      { value: 'Proceedings of NeurIPS', count: 1 },
    ]);
    expect(facets.author).toEqual([
      { value: 'Ada Lovelace', count: 3 },
      { value: 'Grace Hopper', count: 2 },
      { value: 'Ada Lovelace-Byron', count: 1 },
    ]);
  });

  it('lists at most the top values', () => {
    const many = Array.from({ length: 30 }, (_, i) => paper(1990 + i, [], [], null));
    expect(facetsOf(many).year).toHaveLength(SEARCH_LIMITS.facetValues);
  });
});

describe('search facets', () => {
  let fixture: SearchFixture;
  beforeAll(async () => {
    fixture = await buildSearchIndex(HAND_PAPERS);
  });
  afterAll(() => fixture?.close());

  it('gives as many papers as a venue or author value says when the search is narrowed to it', async () => {
    const request = { query: 'retrieval baselines attention', mode: 'keyword', k: 100 } as const;
    const { facets } = await searchPapers(fixture.reader, request);
    const listed = [
      ...facets.venue.map(({ value, count }) => ({ filters: { venue: value }, count })),
      ...facets.author.map(({ value, count }) => ({ filters: { author: value }, count })),
    ];
    expect(listed.map((l) => l.filters)).toContainEqual({ venue: 'SIGIR' });
    for (const { filters, count } of listed) {
      expect({ filters, total: (await searchPapers(fixture.reader, { ...request, filters })).total }).toEqual({
        filters,
        total: count,
      });
    }
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

  it('counts in semantic mode the papers holding the words or close in meaning, not the candidate bound', async () => {
    const response = await searchPapers(fixture.reader, { query: 'car engine', mode: 'semantic', k: 3 });
    const holding = topicPapers(30, 10).filter((p) => /\b(car|engine)\b/.test(`${p.title} ${p.abstract}`));
    expect(response.total).toBeGreaterThanOrEqual(holding.length);
    expect(response.total).toBeLessThan(SEARCH_LIMITS.candidates / 2);
    expect(response).toMatchObject({ totalIsLowerBound: false, hasMore: true });
  });
});

describe('search totals past the candidate bound', () => {
  let fixture: SearchFixture;
  beforeAll(async () => {
    fixture = await buildSearchIndex(topicPapers(3, SEARCH_LIMITS.candidates + 10));
  });
  afterAll(() => fixture?.close());

  it.each(['semantic', 'hybrid'] as const)(
    'states a lower bound in %s mode when the matching papers reach the candidate bound',
    async (mode) => {
      // Every paper of topic 0 holds some of its words: more than the candidates.
      const response = await searchPapers(fixture.reader, { query: CAR_TOPIC.join(' '), mode, k: 3 });
      expect(response).toMatchObject({ total: SEARCH_LIMITS.candidates, totalIsLowerBound: true });
    },
  );
});
