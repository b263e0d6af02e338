import { describe, expect, it } from 'vitest';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { questionConcepts } from '../../../server/answer/question-concepts.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

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
