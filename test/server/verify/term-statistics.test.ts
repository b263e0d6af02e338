import { describe, expect, it } from 'vitest';
import { openIndex } from '../../../indexer/index.ts';
import { terms } from '../../../indexer/text/analyze.ts';
import {
  inverseDocumentFrequency,
  statisticsOfIndex,
  statisticsOfTexts,
} from '../../../server/verify/term-statistics.ts';
import { buildIndex, samplePapers } from '../../support/sample-index.ts';

describe('term-statistics', () => {
  it("reads an index's document frequencies and mean length from its postings, equal to counting every paper's title and abstract", async () => {
    const { dir } = await buildIndex();
    const reader = await openIndex(dir, { offline: true });
    try {
      const texts = samplePapers().map((paper) => `${paper.title}\n${paper.abstract}`);
      const counted = statisticsOfTexts(texts);
      const fromIndex = statisticsOfIndex(reader);
      expect(fromIndex.documents).toBe(counted.documents);
      const vocabulary = new Set(terms(texts.join('\n')));
      expect(vocabulary.size).toBeGreaterThan(500);
      for (const term of [...vocabulary, 'zzzunseen']) {
        expect(fromIndex.documentFrequency(term), term).toBe(counted.documentFrequency(term));
      }
      const total = texts.reduce((sum, text) => sum + terms(text).length, 0);
      expect(counted.averageLength).toBeCloseTo(total / texts.length);
      expect(fromIndex.averageLength).toBeCloseTo(counted.averageLength!);
      expect(statisticsOfIndex(reader)).toBe(fromIndex);
    } finally {
      reader.close();
    }
  });

  it('weighs a term the library never uses the most', () => {
    const statistics = statisticsOfTexts(['attention heads', 'attention sinks', 'graph kernels']);
    const unseen = inverseDocumentFrequency(statistics, 'transformer');
    expect(unseen).toBeGreaterThan(inverseDocumentFrequency(statistics, 'kernel'));
    expect(inverseDocumentFrequency(statistics, 'kernel')).toBeGreaterThan(
      inverseDocumentFrequency(statistics, 'attent'),
    );
  });

  it('counts the mean number of terms per text beside the document frequencies, and none for an empty library', () => {
    const statistics = statisticsOfTexts(['caffeine memory recall', 'memory', 'the of and']);
    expect(statistics.documents).toBe(3);
    expect(statistics.documentFrequency('memori')).toBe(2);
    // Stop words are not terms: the third text counts zero.
    expect(statistics.averageLength).toBeCloseTo((3 + 1 + 0) / 3);
    expect(statisticsOfTexts([]).averageLength).toBeUndefined();
  });
});
