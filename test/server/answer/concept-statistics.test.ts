import { describe, expect, it } from 'vitest';
import { openIndex } from '../../../indexer/index.ts';
import {
  conceptStatisticsOfIndex,
  conceptStatisticsOfTexts,
  countConceptForms,
} from '../../../server/answer/concept-statistics.ts';
import { conceptForms, questionConcepts } from '../../../server/answer/question-concepts.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { buildIndex, samplePapers } from '../../support/sample-index.ts';

const texts = ['Transformational leadership and nurse retention.', 'Heads of department rated their wards.'];

describe('concept-statistics', () => {
  it('counts documents by word form, so a stem look-alike does not make a word known', () => {
    const concepts = conceptStatisticsOfTexts(texts);
    expect(concepts.documents).toBe(2);
    expect(concepts.documentFrequency('transformational')).toBe(1);
    expect(concepts.documentFrequency('transformer')).toBe(0);
    expect(concepts.documentFrequency('head')).toBe(1);
    const byForm = questionConcepts('How do transformer heads work?', statisticsOfTexts(texts), concepts);
    const byStem = questionConcepts('How do transformer heads work?', statisticsOfTexts(texts));
    expect(byForm.find((c) => c.word === 'transformer')).toMatchObject({ known: false });
    expect(byStem.find((c) => c.word === 'transformer')).toMatchObject({ known: true });
  });
});

describe('conceptStatisticsOfIndex', () => {
  it('counts every paper of the index once, in steps, as the texts themselves count', async () => {
    const { dir } = await buildIndex();
    const reader = await openIndex(dir, { offline: true });
    try {
      const texts = samplePapers().map((paper) => `${paper.title}\n${paper.abstract}`);
      const expected = conceptStatisticsOfTexts(texts);
      // Steps of 7 papers: the sample's 39 end in a short step.
      for (const counted of [await countConceptForms(reader, 7), await conceptStatisticsOfIndex(reader)]) {
        expect(counted.documents).toBe(texts.length);
        for (const form of conceptForms(texts.join(' '))) {
          expect(counted.documentFrequency(form), form).toBe(expected.documentFrequency(form));
        }
        // The library's words as written, counted with them, for reading misspelt words.
        expect(counted.vocabulary.size).toBe(expected.vocabulary.size);
        expect(counted.vocabulary.documentFrequency('decoding')).toBe(
          expected.vocabulary.documentFrequency('decoding'),
        );
        expect(counted.vocabulary.documentFrequency('decoding')).toBeGreaterThan(0);
      }
      expect(await conceptStatisticsOfIndex(reader)).toBe(await conceptStatisticsOfIndex(reader));
    } finally {
      reader.close();
    }
  });
});
