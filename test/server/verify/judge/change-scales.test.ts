import { describe, expect, it } from 'vitest';
import { worthAgainstAmount, worthOfLessIsBetter } from '../../../../server/verify/judge/change-scales.ts';
import { stanceOfEvidence } from '../../../../server/verify/judge/stance-features.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('change-scales', () => {
  it('finds the words of worth that direct a thing of which less is better ("improves the time to recovery")', () => {
    expect(worthOfLessIsBetter(readSentence('The drug improves the time to recovery.'))).toEqual(new Set(['improv']));
    expect(worthOfLessIsBetter(readSentence('The drug improved pain scores.'))).toEqual(new Set(['improv']));
    expect(worthOfLessIsBetter(readSentence('The drug improves survival.'))).toEqual(new Set());
    // "over time" and "survival time" are no time a thing takes.
    expect(worthOfLessIsBetter(readSentence('Grip strength improved over time.'))).toEqual(new Set());
    expect(worthOfLessIsBetter(readSentence('The drug improved survival time.'))).toEqual(new Set());
  });

  it('reads a word of worth against a word of amount as no reversal only where the worth is of such a thing', () => {
    const worth = new Set(['improv']);
    expect(worthAgainstAmount('improv', 'shorten', worth, new Set())).toBe(true);
    expect(worthAgainstAmount('shorten', 'improv', new Set(), worth)).toBe(true);
    expect(worthAgainstAmount('improv', 'shorten', new Set(), new Set())).toBe(false);
    expect(worthAgainstAmount('increas', 'decreas', new Set(), new Set())).toBe(false);
  });

  it('reads "improves the time to symptom relief" against "shortened" it as no reversal, and "prolongs" it as one', () => {
    const evidence = ['Oseltamivir shortened the time to symptom resolution by a day.'];
    expect(stanceOfEvidence('Oseltamivir improves the time to symptom resolution.', evidence).directionConflict).toBe(
      0,
    );
    expect(stanceOfEvidence('Oseltamivir prolongs the time to symptom resolution.', evidence).directionConflict).toBe(
      1,
    );
    // Of a thing of which more is better, worse is less: "hurt sales" still reverses "raised sales".
    expect(
      stanceOfEvidence('Bad reviews hurt the sales of novels.', ['Bad reviews raised the sales of novels.'])
        .directionConflict,
    ).toBe(1);
    // "improved over time" is no worth of a time: a fall of the same strength still reverses it.
    expect(
      stanceOfEvidence('Grip strength improved over time.', ['Grip strength declined over time.']).directionConflict,
    ).toBe(1);
  });
});
