import { describe, expect, it } from 'vitest';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { questionConcepts } from '../../../server/answer/question-concepts.ts';
import { familyWords, withFamilyWords } from '../../../server/answer/word-family.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const TEXTS = [
  'The engulfment of aged platelets is the main task of sentinel cells.',
  'Agreement with the shell theory was good for ring-stiffened tubes.',
  'Sentinel cells were counted in twelve biopsies.',
  'A transformation of the wing loads was applied.',
];
const statistics = statisticsOfTexts(TEXTS);
const concepts = conceptStatisticsOfTexts(TEXTS);
const read = (question: string) =>
  withFamilyWords(questionConcepts(question, statistics, concepts), statistics, concepts);

describe('word-family', () => {
  it('gives an adverb’s adjective and a verb’s nouns', () => {
    expect(familyWords('mainly')).toEqual(['main']);
    expect(familyWords('readily')).toEqual(['ready']);
    expect(familyWords('phagocytose')).toContain('phagocytosis');
    expect(familyWords('agree')).toEqual(['agreement']);
    expect(familyWords('regulate')).toContain('regulation');
    expect(familyWords('GPT-4')).toEqual([]);
  });

  it('reads a word no paper uses as known when papers use a word of its family, weighed as that word', () => {
    const [mainly, engulf] = read('What do sentinel cells mainly engulf?').filter((c) =>
      ['mainly', 'engulf'].includes(c.word),
    );
    expect(mainly).toMatchObject({ known: true, relative: 'main' });
    expect(engulf).toMatchObject({ known: true, relative: 'engulfment' });
    const agree = read('Did the tests agree with the shell theory?').find((c) => c.word === 'agree');
    expect(agree).toMatchObject({ known: true, relative: 'agreement' });
  });

  it('leaves a word unknown when no paper uses a word of its family, and never reads one by a shared start', () => {
    const [supply, transformer] = read('Does the supply of transformer loads vary?').filter((c) =>
      ['supply', 'transformer'].includes(c.word),
    );
    expect(supply).toMatchObject({ known: false });
    expect(supply!.relative).toBeUndefined();
    expect(transformer).toMatchObject({ known: false });
  });
});
