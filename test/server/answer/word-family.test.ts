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
  it('gives a verb’s nouns', () => {
    expect(familyWords('phagocytose')).toContain('phagocytosis');
    expect(familyWords('agree')).toEqual(['agreement']);
    expect(familyWords('regulate')).toContain('regulation');
    expect(familyWords('GPT-4')).toEqual([]);
  });

  it('reads a verb no paper uses as known when papers use a noun of its family, weighed as that noun', () => {
    const engulf = read('What do sentinel cells mainly engulf?').find((c) => c.word === 'engulf');
    expect(engulf).toMatchObject({ known: true, relative: 'engulfment' });
    const agree = read('Did the tests agree with the shell theory?').find((c) => c.word === 'agree');
    expect(agree).toMatchObject({ known: true, relative: 'agreement' });
  });

  it('reads no adverb by its adjective: an adverb no paper uses stays unknown, held by no text, weighed as before', () => {
    const plain = questionConcepts('What do sentinel cells mainly engulf?', statistics, concepts);
    const mainly = read('What do sentinel cells mainly engulf?').find((c) => c.word === 'mainly');
    expect(mainly).toMatchObject({ known: false });
    expect(mainly!.relative).toBeUndefined();
    expect(mainly!.weight).toBe(plain.find((c) => c.word === 'mainly')!.weight);
    expect(familyWords('visually')).toEqual([]);
  });

  it('adds "-ment" only to an English word of five letters or more whose "-ment" noun means the same', () => {
    const english = new Set(['agree', 'engulf', 'apart', 'depart', 'supple', 'environ', 'peri']);
    expect(familyWords('engulf', english)).toEqual(['engulfment']);
    for (const word of ['peri', 'apart', 'depart', 'supple', 'environ', 'bone'])
      expect(familyWords(word, english)).toEqual([]);
    // A word that is no English word ("periop" of "periop-erative") gets none.
    expect(familyWords('periop', english)).toEqual([]);
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
