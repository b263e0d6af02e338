import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keywordRanking } from '../../../server/search/keyword.search.ts';
import { matchingPapers } from '../../../server/search/matching.ts';
import { analyzeQuery } from '../../../server/search/query.ts';
import { denseRanking } from '../../../server/search/semantic.search.ts';
import { buildSearchIndex, type SearchFixture, topicPapers } from './search-fixture.ts';

let fixture: SearchFixture;

beforeAll(async () => {
  fixture = await buildSearchIndex(topicPapers());
});

afterAll(() => fixture?.close());

async function evidence(text: string, mode: 'semantic' | 'hybrid' | 'keyword', semanticBest = 1) {
  const query = analyzeQuery(text);
  const queryVector = mode === 'keyword' ? null : await fixture.reader.embedQuery(text);
  return { query, queryVector, mode, semanticBest, allowed: undefined };
}

describe('matching', () => {
  it('counts a paper holding a query word as a match however far it is in meaning', async () => {
    const found = await evidence('car', 'semantic');
    const withCar = keywordRanking(fixture.reader, found.query.terms, 1_000).map((hit) => hit.doc);
    // The papers holding "car", scored as if they were the weakest in meaning.
    const candidates = withCar.map((doc, i) => ({ doc, score: i === 0 ? 1 : 0.01 }));
    const matches = matchingPapers(fixture.reader, found, candidates, false);
    expect([...matches.docs].sort()).toEqual([...withCar].sort());
  });

  it('counts a paper without a query word only when its semantic score clears the floor set by the best', async () => {
    const found = await evidence('car', 'semantic', 0.9);
    const withCar = new Set(keywordRanking(fixture.reader, found.query.terms, 1_000).map((hit) => hit.doc));
    const others = denseRanking(fixture.reader, found.queryVector!, 300).filter((r) => !withCar.has(r.doc));
    const [best, close, far] = [others[0]!.doc, others[1]!.doc, others[2]!.doc];
    const candidates = [
      { doc: best, score: 0.9 },
      { doc: close, score: 0.73 },
      { doc: far, score: 0.71 },
    ];
    const matches = matchingPapers(fixture.reader, found, candidates, false);
    expect([...matches.docs]).toEqual([best, close]);
  });

  it('reads the cosine of a paper without a query word in hybrid mode, whose scores are fused', async () => {
    const plain = await evidence('car', 'semantic');
    const withCar = new Set(keywordRanking(fixture.reader, plain.query.terms, 1_000).map((hit) => hit.doc));
    const nearest = denseRanking(fixture.reader, plain.queryVector!, 300).find((r) => !withCar.has(r.doc))!;
    const candidates = [{ doc: nearest.doc, score: 0.01 }];
    const cleared = await evidence('car', 'hybrid', nearest.score * 0.99);
    expect([...matchingPapers(fixture.reader, cleared, candidates, false).docs]).toEqual([nearest.doc]);
    const missed = await evidence('car', 'hybrid', nearest.score / 0.79);
    expect([...matchingPapers(fixture.reader, missed, candidates, false).docs]).toEqual([]);
  });

  it('says more may match when papers holding a query word lie past the candidates', async () => {
    const found = await evidence('car', 'semantic');
    const withCar = keywordRanking(fixture.reader, found.query.terms, 1_000);
    const far = denseRanking(fixture.reader, found.queryVector!, 300).at(-1)!;
    const candidates = [
      { doc: withCar[0]!.doc, score: 1 },
      { ...far, score: 0 },
    ];
    expect(matchingPapers(fixture.reader, found, candidates, true).moreMayMatch).toBe(true);
    expect(matchingPapers(fixture.reader, found, candidates, false).moreMayMatch).toBe(false);
  });

  it('says no more match when the ranking goes on past a weakest candidate that is no match and every word-holder is a candidate', async () => {
    const found = await evidence('car', 'semantic');
    const withCar = keywordRanking(fixture.reader, found.query.terms, 1_000);
    const far = denseRanking(fixture.reader, found.queryVector!, 300).at(-1)!;
    const candidates = [...withCar.map((hit) => ({ doc: hit.doc, score: 1 })), { ...far, score: 0 }];
    expect(matchingPapers(fixture.reader, found, candidates, true).moreMayMatch).toBe(false);
  });

  it('counts every paper a ranking by words alone holds as a match', async () => {
    const candidates = [
      { doc: 1, score: 5 },
      { doc: 2, score: 0.1 },
    ];
    const matches = matchingPapers(fixture.reader, await evidence('car', 'keyword'), candidates, false);
    expect([...matches.docs]).toEqual([1, 2]);
  });
});
