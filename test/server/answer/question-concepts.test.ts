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

  it('reads an irregular plural as its singular ("children" as "child", "mice" as "mouse")', () => {
    expect(conceptForm('children')).toBe(conceptForm('child'));
    expect(conceptForm('women')).toBe(conceptForm('woman'));
    expect(conceptForm('mice')).toBe(conceptForm('mouse'));
    expect(conceptForm('Men')).toBe(conceptForm('man'));
    expect(conceptForm('childhood')).not.toBe(conceptForm('child'));
  });

  it('leaves out the measure a "how much" question compares by, and what it compares against', () => {
    // The evidence gives a number ("52x higher throughput"), seldom the question's comparative or "baselines".
    const words = (question: string) => questionConcepts(question, statistics).map((c) => c.word);
    expect(words('How much faster is Litespark than baselines?')).toEqual(['Litespark']);
    expect(words('How many times faster is Litespark?')).toEqual(['Litespark']);
    expect(words('How much less memory does Litespark use?')).toEqual(['memory', 'Litespark']);
    // Outside "how much" a comparative is a topic word.
    expect(words('Are faster readers better spellers?')).toEqual(['faster', 'readers', 'better', 'spellers']);
  });

  it('leaves out a degree word no paper uses ("quite", "extremely"), and keeps one the library uses', () => {
    const words = (question: string, library = statistics) => questionConcepts(question, library).map((c) => c.word);
    expect(words('Does sleep loss hurt working memory quite a lot?')).toEqual([
      'sleep',
      'loss',
      'working',
      'memory',
      'lot',
    ]);
    expect(words('Is an extremely mild head injury harmless?')).toEqual(['mild', 'head', 'injury', 'harmless']);
    const highly = statisticsOfTexts(['Highly specialized subject matters.', 'Sleep loss.']);
    expect(words('Are highly specialized subjects studied?', highly)).toEqual([
      'highly',
      'specialized',
      'subjects',
      'studied',
    ]);
  });

  it('leaves out what a question asks of its topic in passing: a need, a superlative', () => {
    // "The method needs considerably less memory" does not answer how much memory a satellite needs.
    const words = (question: string) => questionConcepts(question, statistics).map((c) => c.word);
    expect(words('How much memory does a satellite need?')).toEqual(['memory', 'satellite']);
    expect(words('Is sleep required for working memory?')).toEqual(['sleep', 'working', 'memory']);
    expect(words('What is the best learning rate for transformers?')).toEqual(['learning', 'rate', 'transformers']);
  });

  it('reads a noun of quality as its adjective, and no other noun in -ity', () => {
    const pairs: Array<[string, string]> = [
      ['uncertainty', 'uncertain'],
      ['uncertainties', 'uncertain'],
      ['modularity', 'modular'],
      ['robustness', 'robust'],
      ['stability', 'stable'],
      ['sensitivity', 'sensitive'],
      ['locality', 'local'],
    ];
    for (const [noun, adjective] of pairs) expect(conceptForm(noun), noun).toBe(conceptForm(adjective));
    expect(conceptForm('authority')).not.toBe(conceptForm('author'));
    expect(conceptForm('quality')).toBe('quality');
  });

  it('keeps the topic words of a question, leaving out question and stop words', () => {
    expect(questionConcepts('How do transformer attention heads work?', statistics).map((c) => c.word)).toEqual([
      'transformer',
      'attention',
      'heads',
    ]);
  });

  it('leaves out the library a question is asked of, and keeps a library it asks about', () => {
    const words = (question: string) => questionConcepts(question, statistics).map((c) => c.word);
    expect(words('Which papers in the library use transformer attention?')).toEqual(['transformer', 'attention']);
    expect(words('Which studies in my collection use transformer attention?')).toEqual(['transformer', 'attention']);
    expect(words('Does transformer attention appear in my corpus?')).toEqual(['transformer', 'attention', 'appear']);
    expect(words('Do transformer attention heads help in the library?')).toEqual([
      'transformer',
      'attention',
      'heads',
      'library',
    ]);
  });

  it("leaves out a yes/no question's predicate and generic verbs: the topic is what the evidence must hold", () => {
    expect(questionConcepts('Does making RAG more faithful reduce leakage?', statistics).map((c) => c.word)).toEqual([
      'RAG',
      'faithful',
      'leakage',
    ]);
    // "adding" combines the topics, which a paper writes as "X plus Y" or "combined with".
    expect(
      questionConcepts('Does adding melatonin to radiotherapy lengthen survival?', statistics).map((c) => c.word),
    ).toEqual(['melatonin', 'radiotherapy', 'lengthen', 'survival']);
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

describe('question-concepts: spellings and abbreviations', () => {
  const library = statisticsOfTexts([
    'The INR measured in general practice agreed with hospital values.',
    'Warfarin dosing by international normalized ratio targets.',
    'Reliable anticoagulation clinics.',
  ]);

  it('reads British spellings as American ones', () => {
    expect(conceptForm('normalised')).toBe(conceptForm('normalized'));
    expect(conceptForm('tumours')).toBe(conceptForm('tumors'));
    expect(conceptForm('anaemia')).toBe(conceptForm('anemia'));
    expect(conceptForm('analysis')).toBe('analysis');
  });

  it('takes an abbreviation the question defines as one concept, held by either of its forms', () => {
    const concepts = questionConcepts('Is the international normalised ratio (INR) reliable?', library);
    expect(concepts.map((c) => c.word)).toEqual(['INR', 'reliable']);
    const inr = concepts[0]!;
    expect(conceptCoverage([inr], conceptForms('The INR measured in general practice.'))).toBe(1);
    expect(conceptCoverage([inr], conceptForms('An international normalized ratio above 3.'))).toBe(1);
    expect(conceptCoverage([inr], conceptForms('An international ratio of exchange.'))).toBe(0);
  });

  it('does not take a parenthesis whose initials do not spell the words before it as an abbreviation', () => {
    const words = questionConcepts('Does aspirin (ASA) reduce stroke?', library).map((c) => c.word);
    expect(words).toContain('aspirin');
    expect(words).toContain('ASA');
  });
});
