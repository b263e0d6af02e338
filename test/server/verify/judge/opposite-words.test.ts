import { describe, expect, it } from 'vitest';
import {
  antonymConflict,
  prefixAntonyms,
  prefixAntonymsOfReadings,
} from '../../../../server/verify/judge/opposite-words.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('opposite-words', () => {
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

  it('reads "more slowly" against "less quickly" as alike, and "less severe" against "milder" too', () => {
    const evidence = readSentence('Infant mortality fell less quickly in rural districts.');
    expect(antonymConflict(readSentence('Infant mortality declined more slowly in rural districts.'), evidence)).toBe(
      false,
    );
    expect(antonymConflict(readSentence('Infant mortality declined more quickly in rural districts.'), evidence)).toBe(
      true,
    );
    expect(antonymConflict(readSentence('Infant mortality declined slowly.'), readSentence('It fell quickly.'))).toBe(
      true,
    );
    expect(
      antonymConflict(readSentence('Carriers had less severe symptoms.'), readSentence('Carriers had mild symptoms.')),
    ).toBe(false);
  });

  it('reads "more slowly in A than in B" against "less quickly in B than in A" as opposed: the sides are swapped', () => {
    const evidence = readSentence('Bone density declined less quickly in swimmers than in runners.');
    expect(antonymConflict(readSentence('Bone density fell more slowly in runners than in swimmers.'), evidence)).toBe(
      true,
    );
    expect(antonymConflict(readSentence('Bone density fell more slowly in swimmers than in runners.'), evidence)).toBe(
      false,
    );
  });
});
