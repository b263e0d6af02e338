import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terms } from '../../../indexer/text/analyze.ts';
import { statisticsOfIndex, statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { buildFixtureIndex, FIXTURE_PAPERS, type FixtureIndex } from './fixture-library.ts';

describe('term-statistics', () => {
  let fixture: FixtureIndex;
  beforeAll(async () => {
    fixture = await buildFixtureIndex();
  });
  afterAll(() => fixture.close());

  it('counts the mean number of terms per text beside the document frequencies', () => {
    const statistics = statisticsOfTexts(['caffeine memory recall', 'memory', 'the of and']);
    expect(statistics.documents).toBe(3);
    expect(statistics.documentFrequency('memori')).toBe(2);
    // Stop words are not terms: the third text counts zero.
    expect(statistics.averageLength).toBeCloseTo((3 + 1 + 0) / 3);
  });

  it('gives an index the same statistics, mean length included, as the texts of its papers', () => {
    const fromIndex = statisticsOfIndex(fixture.reader);
    const texts = FIXTURE_PAPERS.map((p) => `${p.title}\n${p.abstract}`);
    const fromTexts = statisticsOfTexts(texts);
    expect(fromIndex.documents).toBe(FIXTURE_PAPERS.length);
    expect(fromIndex.averageLength).toBeCloseTo(fromTexts.averageLength!);
    const total = texts.reduce((sum, text) => sum + terms(text).length, 0);
    expect(fromIndex.averageLength).toBeCloseTo(total / texts.length);
    expect(fromIndex.documentFrequency('caffein')).toBe(fromTexts.documentFrequency('caffein'));
  });

  it('has no mean length for an empty library, rather than dividing by zero', () => {
    expect(statisticsOfTexts([]).averageLength).toBeUndefined();
  });
});
