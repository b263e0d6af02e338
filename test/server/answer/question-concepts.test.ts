import { describe, expect, it } from 'vitest';
import {
  conceptCoverage,
  conceptForm,
  conceptForms,
  questionConcepts,
} from '../../../server/answer/question-concepts.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const statistics = statisticsOfTexts([
  'Transformational leadership and nurse retention.',
  'Outcomes after mild head injury.',
  'Attention deficit in children.',
  'Attention and working memory after sleep loss.',
]);

describe('question-concepts', () => {
  it('matches plural, possessive and verb endings, never a shared stem', () => {
    expect(conceptForm('heads')).toBe(conceptForm('head'));
    expect(conceptForm('studies')).toBe('study');
    expect(conceptForm('reduced')).toBe(conceptForm('reducing'));
    expect(conceptForm('transformer')).not.toBe(conceptForm('transformational'));
    expect(conceptForm('analysis')).toBe('analysis');
  });

  it('keeps the topic words of a question, leaving out question and stop words', () => {
    expect(questionConcepts('How do transformer attention heads work?', statistics).map((c) => c.word)).toEqual([
      'transformer',
      'attention',
      'heads',
    ]);
  });

  it('weighs rare words above common ones (by stem), and covers only what the text says, so look-alikes cover little', () => {
    const concepts = questionConcepts('How do transformer attention heads work?', statistics);
    const transformer = concepts.find((c) => c.word === 'transformer')!;
    const attention = concepts.find((c) => c.word === 'attention')!;
    expect(transformer.weight).toBeGreaterThan(attention.weight);
    const coverage = conceptCoverage(concepts, conceptForms('Transformational leadership of heads of department'));
    expect(coverage).toBeGreaterThan(0);
    expect(coverage).toBeLessThan(0.4);
    expect(conceptCoverage(concepts, conceptForms('Attention heads in a transformer.'))).toBe(1);
  });
});
