// How hybrid search weighs meaning against words: by how much of the library the built-in model
// explains (and how much of the query it knows), or by the peak rule for embedders that do not say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexReader } from '../../../indexer/index.ts';
import { denseWeightOf, HYBRID_DEFAULTS, hybridRanking } from '../../../server/search/hybrid.search.ts';
import { analyzeQuery } from '../../../server/search/query.ts';
import { buildSearchIndex, type SearchFixture, topicPapers } from './search-fixture.ts';

const { wordsOnlyAt, meaningOnlyAt } = HYBRID_DEFAULTS;

describe('denseWeightOf', () => {
  it('ranks by words alone when the model explains little of the library, by meaning alone when it explains much', () => {
    expect(denseWeightOf({ coverage: 1, explained: 0 })).toBe(0);
    expect(denseWeightOf({ coverage: 1, explained: wordsOnlyAt })).toBe(0);
    expect(denseWeightOf({ coverage: 1, explained: meaningOnlyAt })).toBe(1);
    expect(denseWeightOf({ coverage: 1, explained: 0.9 })).toBe(1);
    const middle = (wordsOnlyAt + meaningOnlyAt) / 2;
    expect(denseWeightOf({ coverage: 1, explained: middle })).toBeCloseTo(0.5, 10);
  });

  it('leans on words for a query the embedder knows only in part', () => {
    expect(denseWeightOf({ coverage: 0.5, explained: 0.9 })).toBe(0.5);
    expect(denseWeightOf({ coverage: 0, explained: 0.9 })).toBe(0);
  });

  it('reads the two rankings when the embedder reports no explained share (the peak rule)', () => {
    // Equally sure sides agreeing half as much as they can: the rule's bias.
    expect(denseWeightOf({ coverage: 1, keywordPeak: 0.4, densePeak: 0.4, agreement: 0.5 })).toBeCloseTo(
      HYBRID_DEFAULTS.bias,
      10,
    );
    // A peaked BM25 list beside a flat dense one leans on words.
    expect(denseWeightOf({ coverage: 1, keywordPeak: 0.8, densePeak: 0.1, agreement: 0.5 })).toBeLessThan(0.1);
  });
});

describe('hybridRanking', () => {
  let fixture: SearchFixture;
  beforeAll(async () => {
    fixture = await buildSearchIndex(topicPapers(30, 10));
  });
  afterAll(() => fixture?.close());

  /** The fixture's index as seen through an embedder reporting this explained share (undefined: none). */
  function withExplained(explained: number | undefined): IndexReader {
    const { explainedShare: _, ...rest } = fixture.reader.embedder;
    const embedder = explained === undefined ? rest : { ...rest, explainedShare: explained };
    return Object.assign(Object.create(fixture.reader) as IndexReader, { embedder });
  }

  async function rank(reader: IndexReader, text: string) {
    return hybridRanking(reader, analyzeQuery(text), await reader.embedQuery(text), 20);
  }

  it("takes its dense weight from the embedder's explained share", async () => {
    const query = fixture.reader.getPaperByDoc(1)!.title;
    expect((await rank(withExplained(0.1), query)).denseWeight).toBe(0);
    expect((await rank(withExplained(0.6), query)).denseWeight).toBe(fixture.reader.embedder.coverage!(query));
    const between = (await rank(withExplained((wordsOnlyAt + meaningOnlyAt) / 2), query)).denseWeight;
    expect(between).toBeCloseTo(0.5 * fixture.reader.embedder.coverage!(query), 10);
  });

  it('ranks exactly as BM25 does, scaled to 0–1, when it trusts words alone', async () => {
    const reader = withExplained(0.1);
    const query = fixture.reader.getPaperByDoc(3)!.abstract;
    const ranked = (await rank(reader, query)).ranked;
    const bm25 = reader.searchKeyword(analyzeQuery(query).terms, 100);
    expect(ranked.map((r) => r.doc)).toEqual(bm25.map((h) => h.label));
    expect(ranked[0]!.score).toBe(1);
  });

  it('falls back to the peak rule when the embedder reports no explained share', async () => {
    const query = fixture.reader.getPaperByDoc(1)!.title;
    const weight = (await rank(withExplained(undefined), query)).denseWeight;
    expect(weight).toBeGreaterThan(0);
    expect(weight).toBeLessThanOrEqual(1);
  });
});
