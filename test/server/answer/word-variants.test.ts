import { describe, expect, it } from 'vitest';
import { numberSources } from '../../../server/answer/answer-sources.ts';
import { conceptStatisticsOfTexts } from '../../../server/answer/concept-statistics.ts';
import { questionConcepts } from '../../../server/answer/question-concepts.ts';
import { selectSentences } from '../../../server/answer/select-sentences.ts';
import { withWordVariants, wordVariants } from '../../../server/answer/word-variants.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';
import { paperWith } from '../../support/paper.ts';

// A small library written for these tests, in the papers' own words: "deletion" (never "deleting"),
// "modeling" (never "modelling"), "nonalcoholic" (never "non-alcoholic"), "collected" (never "collection").
const TEXTS = [
  'Deletion of the lipase gene shortened the lifespan of the worms by a third. Worms without the lipase stored more fat in the gut.',
  'Structural modeling of the pore protein combined cryo-electron maps with crosslinking data. The models disagreed most at the flexible loops of the pore.',
  'Nonalcoholic fatty liver disease affected a third of the obese adults in the cohort. Its prevalence rose with waist size.',
  'Stamps collected by the museum were sorted by the year of issue. The oldest stamps were kept in the vault.',
];
const statistics = statisticsOfTexts(TEXTS);
const concepts = conceptStatisticsOfTexts(TEXTS);

const sources = numberSources(
  TEXTS.map((text, i) => ({
    passage: { id: i + 1, paperId: `p${i}`, field: 'abstract' as const, ordinal: 0, start: 0, end: text.length, text },
    paper: paperWith({ id: `p${i}`, title: '', abstract: text }),
    score: 1,
  })),
);
const select = (question: string) => selectSentences(question, sources, statistics, {}, concepts);
const read = (question: string) =>
  withWordVariants(question, questionConcepts(question, statistics, concepts), statistics, concepts);

describe('word-variants', () => {
  it('gives a word’s other spellings, its verb’s noun of action, its noun’s verb and the base of a noun of state', () => {
    expect(wordVariants('modelling')).toEqual(['modeling']);
    expect(wordVariants('signalling')).toEqual(['signaling']);
    expect(wordVariants('analysed')).toEqual(['analyzed']);
    expect(wordVariants('ageing')).toEqual(['aging']);
    expect(wordVariants('oedema')).toEqual(['edema']);
    expect(wordVariants('centre')).toEqual(['center']);
    expect(wordVariants('deleting')).toEqual(['deletion']);
    expect(wordVariants('infected')).toEqual(['infection']);
    expect(wordVariants('expands')).toEqual(['expansion']);
    expect(wordVariants('deletion')).toEqual(['deleted']);
    expect(wordVariants('adulthood')).toEqual(['adult']);
  });

  it('gives no variant that is another word: "filling" is no "filing", "process" no "procession", "collection" no "collected"', () => {
    for (const word of [
      'filling',
      'telling',
      'dwelling',
      'process',
      'success',
      'collection',
      'committed',
      'convention',
      'projects',
      'product',
      'conducted',
      'regression',
      'poet',
      'shoe',
    ])
      expect(wordVariants(word)).toEqual([]);
  });

  it('reads a word no paper uses as known when papers write it another way, and held by a text that does', () => {
    expect(
      read('Does deleting the lipase gene shorten worm lifespan?').find((c) => c.word === 'deleting'),
    ).toMatchObject({ known: true, relative: 'deletion' });
    const joined = read('Is non-alcoholic fatty liver disease common in obese adults?');
    expect(joined.find((c) => c.word === 'alcoholic')).toMatchObject({ known: true, relative: 'nonalcoholic' });
  });

  it.each([
    'Does deleting the lipase gene shorten the lifespan of worms?',
    'Does modelling of pore proteins use crosslinking?',
    'Is non-alcoholic fatty liver disease common in obese adults?',
  ])('answers a question that writes the papers’ words another way: %s', (question) => {
    const selection = select(question);
    expect(selection.abstainReason ?? null).toBeNull();
    expect(selection.sentences.length).toBeGreaterThan(0);
  });

  it('still abstains on a word whose variants no paper uses ("Does splicing the lipase gene…")', () => {
    expect(select('Does splicing the lipase gene shorten the lifespan of worms?').abstainReason).toMatch(
      /holds no answer/u,
    );
    expect(select('Is stamp collection common among obese adults?').abstainReason).toMatch(/holds no answer/u);
  });
});
