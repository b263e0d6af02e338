// How hybrid search weighs meaning against words: by which side is surer of its top papers, how far
// the two agree, and how much of the query the embedder knows (the peak rule).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexReader } from '../../../indexer/index.ts';
import { denseWeightOf, HYBRID_DEFAULTS, hybridRanking } from '../../../server/search/hybrid.search.ts';
import { analyzeQuery } from '../../../server/search/query.ts';
import { buildSearchIndex, type SearchFixture, topicPapers } from './search-fixture.ts';

describe('denseWeightOf', () => {
  it('starts from its bias when both sides are equally sure and agree half as much as they can', () => {
    expect(denseWeightOf({ coverage: 1, keywordPeak: 0.4, densePeak: 0.4, agreement: 0.5 })).toBeCloseTo(
      HYBRID_DEFAULTS.bias,
      10,
    );
  });

  it('leans on words when BM25 singles out a few papers and dense retrieval does not, on meaning the other way round', () => {
    expect(denseWeightOf({ coverage: 1, keywordPeak: 0.8, densePeak: 0.1, agreement: 0.5 })).toBeLessThan(0.1);
    expect(denseWeightOf({ coverage: 1, keywordPeak: 0.1, densePeak: 0.8, agreement: 0.5 })).toBe(1);
  });

  it('leans on words for a query the embedder knows only in part, and on words alone for one it does not know', () => {
    const sure = { keywordPeak: 0.1, densePeak: 0.8, agreement: 0.5 };
    expect(denseWeightOf({ ...sure, coverage: 0.5 })).toBe(0.5);
    expect(denseWeightOf({ ...sure, coverage: 0 })).toBe(0);
  });
});

describe('hybridRanking', () => {
  let fixture: SearchFixture;
  beforeAll(async () => {
    fixture = await buildSearchIndex(topicPapers(30, 10));
  });
  afterAll(() => fixture?.close());

  async function rank(reader: IndexReader, text: string) {
    return hybridRanking(reader, analyzeQuery(text), await reader.embedQuery(text), 20);
  }

  it('ranks exactly as BM25 does, scaled to 0–1, when the embedder knows none of the words', async () => {
    const embedder = { ...fixture.reader.embedder, coverage: () => 0 };
    const reader = Object.assign(Object.create(fixture.reader) as IndexReader, { embedder });
    const query = fixture.reader.getPaperByDoc(3)!.abstract;
    const { ranked, denseWeight } = await rank(reader, query);
    expect(denseWeight).toBe(0);
    const bm25 = reader.searchKeyword(analyzeQuery(query).terms, 100);
    expect(ranked.map((r) => r.doc)).toEqual(bm25.map((h) => h.label));
    expect(ranked[0]!.score).toBe(1);
  });

  it('mixes both sides for a query the embedder knows, with scores in 0–1', async () => {
    const query = fixture.reader.getPaperByDoc(1)!.title;
    const { ranked, denseWeight } = await rank(fixture.reader, query);
    expect(denseWeight).toBeGreaterThan(0);
    expect(denseWeight).toBeLessThanOrEqual(1);
    expect(ranked.every((r) => r.score >= 0 && r.score <= 1)).toBe(true);
  });
});
