import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terms } from '../../../indexer/index.ts';
import { informativeTerms, KEYWORD_DEFAULTS, keywordRanking } from '../../../server/search/keyword.search.ts';
import { buildSearchIndex, type SearchFixture } from './search-fixture.ts';

// "method" is in four of the six papers; "graph" and "network" in one each, in abstracts of equal length.
const PAPERS = [
  { id: 'graph', title: 'Graph paper', abstract: 'A graph method for coloring maps.' },
  { id: 'network', title: 'Network paper', abstract: 'A network method for routing mail.' },
  { id: 'method-a', title: 'Method survey', abstract: 'Every method compared.' },
  { id: 'method-b', title: 'Another method', abstract: 'Old ideas revisited.' },
  { id: 'plain-a', title: 'Tide tables', abstract: 'Coastal water levels.' },
  { id: 'plain-b', title: 'Bird songs', abstract: 'Dawn chorus recordings.' },
];

let fixture: SearchFixture;

beforeAll(async () => {
  fixture = await buildSearchIndex(PAPERS);
});

afterAll(() => fixture?.close());

function withPruningFrom<T>(papers: number, run: () => T): T {
  const saved = KEYWORD_DEFAULTS.pruneFromPapers;
  KEYWORD_DEFAULTS.pruneFromPapers = papers;
  try {
    return run();
  } finally {
    KEYWORD_DEFAULTS.pruneFromPapers = saved;
  }
}

const ranked = (query: string) =>
  keywordRanking(fixture.reader, terms(query), 10).map((r) => fixture.reader.getPaperByDoc(r.doc)!.id);

describe('keyword.search', () => {
  it('weighs a term the query repeats more, as a bag-of-words query does', () => {
    expect(ranked('graph network network')[0]).toBe('network');
    expect(ranked('graph graph network')[0]).toBe('graph');
  });

  it('leaves out terms found in half the papers or more once the index is large', () => {
    withPruningFrom(0, () => {
      expect(informativeTerms(fixture.reader, terms('method graph'))).toEqual(['graph']);
    });
  });

  it('keeps a common term when nothing else would be left', () => {
    withPruningFrom(0, () => {
      expect(informativeTerms(fixture.reader, terms('method'))).toEqual(['method']);
      expect(ranked('method').sort()).toEqual(['graph', 'method-a', 'method-b', 'network']);
    });
  });

  it('keeps every term in a small index', () => {
    expect(informativeTerms(fixture.reader, terms('method graph'))).toEqual(['method', 'graph']);
    expect(ranked('method graph')).toHaveLength(4);
  });

  it('ranks the papers holding informative terms in the same order with or without the common terms', () => {
    const full = ranked('graph network method');
    const pruned = withPruningFrom(0, () => ranked('graph network method'));
    expect(pruned).toEqual(full.filter((id) => id === 'graph' || id === 'network'));
  });
});
