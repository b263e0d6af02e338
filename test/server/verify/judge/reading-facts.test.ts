import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import {
  anchoredDirections,
  antonymConflict,
  comparisonConflict,
  prefixAntonyms,
  prefixAntonymsOfReadings,
  quantitiesOfReading,
} from '../../../../server/verify/judge/reading-facts.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('reading-facts', () => {
  it('anchors a word between two direction words to the one before it', () => {
    const reading = readSentence('Reduced glucose increased.');
    expect(anchoredDirections(reading).get(stem('glucose'))).toBe(-1);
    expect(anchoredDirections(readSentence('The drug lowered glucose.')).get(stem('glucose'))).toBe(-1);
  });

  it('finds prefix antonyms between two readings as between their texts', () => {
    const pairs = [
      ['Pollution is unrelated to anxiety.', 'Pollution was related to anxiety.'],
      ['The test is accurate.', 'The test is inaccurate.'],
      ['The test is accurate.', 'The test is accurate in adults.'],
      ['Nonsignificant and significant effects.', 'Significant effects.'],
    ] as const;
    for (const [a, b] of pairs) {
      expect(prefixAntonymsOfReadings(readSentence(a), readSentence(b)), `${a} / ${b}`).toBe(prefixAntonyms(a, b));
    }
  });

  it('reads the quantities of a sentence on first use', () => {
    const reading = readSentence('Cells routinely exceed 10% efficiency.');
    expect(quantitiesOfReading(reading)).toEqual([{ unit: 'fraction', low: 0.1, high: Infinity, text: 'exceed 10%' }]);
    expect(quantitiesOfReading(reading)).toBe(quantitiesOfReading(reading));
    expect(quantitiesOfReading(readSentence('Twelve mice were studied.'))).toEqual([]);
  });
});

describe('reading-facts, comparatives of size', () => {
  it('reads "deeper", "wider" or "thinner" as no word of change, so the noun they describe takes no direction', () => {
    const directions = (text: string) => Object.fromEntries(anchoredDirections(readSentence(text)));
    // "deeper layers" names which layers, not a rise; nor is it what "lower" changes (degree-phrases.ts).
    expect(directions('Deeper layers show lower attention entropy.')).toMatchObject({ [stem('entropy')]: -1 });
    expect(directions('Deeper layers show lower attention entropy.')[stem('layers')]).toBeUndefined();
    expect(directions('Using a wider beam lowers output diversity.')[stem('beam')]).toBeUndefined();
  });
});

describe('reading-facts, opposite words', () => {
  it('reads no antonym conflict for "rarely severe" against "mild", nor for a claim on the evidence\'s exception', () => {
    const evidence = readSentence('Weakness was generally mild, except when the infarct extended into the capsule.');
    expect(antonymConflict(readSentence('Weakness was severe.'), evidence)).toBe(true);
    expect(antonymConflict(readSentence('Weakness was rarely severe.'), evidence)).toBe(false);
    expect(
      antonymConflict(readSentence('Weakness was severe when the infarct extended into the capsule.'), evidence),
    ).toBe(false);
    expect(antonymConflict(readSentence('Weakness was severe.'), readSentence('Weakness was generally mild.'))).toBe(
      true,
    );
  });

  it('reads a word of never only just before the opposite word ("in never smokers, severe asthma" is severe asthma)', () => {
    const mild = readSentence('Mild asthma was the most common phenotype in never smokers.');
    expect(antonymConflict(readSentence('In never smokers, severe asthma was the most common phenotype.'), mild)).toBe(
      true,
    );
    expect(
      antonymConflict(
        readSentence('Lesions were rarely, if ever, malignant in this cohort.'),
        readSentence('Lesions were benign in most of this cohort.'),
      ),
    ).toBe(false);
  });

  it("reads an exception as the claim's case only when the claim names all of it and makes none of its own", () => {
    const evidence = readSentence('Adverse events were mild unless patients received the high dose.');
    expect(
      antonymConflict(readSentence('Adverse events were severe in patients who received the standard dose.'), evidence),
    ).toBe(true);
    const older = readSentence('Adverse events were mild except in patients older than 80 years with renal failure.');
    expect(
      antonymConflict(
        readSentence('Adverse events were severe except in patients older than 80 years with renal failure.'),
        older,
      ),
    ).toBe(true);
  });

  it('reads no reversal from a paper that ranks the two sides both ways, on different measures', () => {
    const paper = [
      'The mean rating for fatigue on the short form was higher than it was on the long form, but the ratings for worry were higher on the long form than on the short form.',
      'The mean long form total was about three points higher than it was for the short form.',
    ].map(readSentence);
    const claim = readSentence('Respondents scored about three points higher on the long form than on the short form.');
    expect(comparisonConflict(claim, paper)).toBe(false);
    expect(comparisonConflict(claim, paper.slice(0, 1))).toBe(false);
    // One ranking, reversed, is still read.
    expect(comparisonConflict(readSentence('The short form scored higher than the long form.'), paper.slice(1))).toBe(
      true,
    );
  });

  it('reads a reversal from a paper ranking both ways when its reversing sentence is the closest to the claim', () => {
    const paper = [
      'Mistral outperforms Falcon on translation tasks.',
      'Falcon outperforms Mistral on summarisation tasks.',
    ].map(readSentence);
    expect(comparisonConflict(readSentence('Falcon outperforms Mistral on translation tasks.'), paper)).toBe(true);
    // The keeping sentence is the closer one here.
    expect(comparisonConflict(readSentence('Falcon outperforms Mistral on summarisation tasks.'), paper)).toBe(false);
    const ranked = [
      'The mean rating for fatigue on the short form was higher than it was on the long form, but the ratings for worry were higher on the long form than on the short form.',
      'The mean long form total was about three points higher than it was for the short form.',
    ].map(readSentence);
    expect(
      comparisonConflict(readSentence('The mean total was higher on the short form than on the long form.'), ranked),
    ).toBe(true);
  });

  it('reads a reversed worth ranking even when the sentence names a lower-is-better word in passing', () => {
    const evidence = [readSentence('Among high-risk adults, clarithromycin was more effective than doxycycline.')];
    const claim = readSentence('Among high-risk adults, doxycycline was more effective than clarithromycin.');
    expect(comparisonConflict(claim, evidence)).toBe(true);
  });
});
