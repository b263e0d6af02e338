import { describe, expect, it } from 'vitest';
import { stem } from '../../../../indexer/text/analyze.ts';
import { worthAgainstAmount, worthOfLessIsBetter } from '../../../../server/verify/judge/change-scales.ts';
import { stanceOfEvidence } from '../../../../server/verify/judge/stance-features.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('change-scales', () => {
  it('finds the terms a word of worth directs where it directs a thing of which less is better', () => {
    const found = (text: string) => [...worthOfLessIsBetter(readSentence(text))].sort();
    // The drug is said to do what "shortens the time to recovery" says it does.
    expect(found('The drug improves the time to recovery.')).toEqual(['drug', stem('recovery'), 'time'].sort());
    expect(found('The drug improved pain scores.')).toEqual(['drug', stem('pain'), stem('scores')].sort());
    // Other things it changes are no such things: "improved … grip strength" is no "reduced" strength.
    expect(found('The drug improved pain and grip strength.')).toEqual(['drug', stem('pain')].sort());
    expect(found('The drug improves survival.')).toEqual([]);
    // "several" is no severity, and a better risk prediction no lower risk.
    expect(found('The drug improved several markers.')).toEqual([]);
    expect(found('The new score improved risk prediction.')).toEqual([]);
    // "over time" and "survival time" are no time a thing takes.
    expect(found('Grip strength improved over time.')).toEqual([]);
    expect(found('The drug improved survival time.')).toEqual([]);
  });

  it('reads a word of worth against a word of amount as no reversal only of a thing of which less is better', () => {
    const worth = new Set(['mortal']);
    expect(worthAgainstAmount('mortal', 'improv', 'shorten', worth, new Set())).toBe(true);
    expect(worthAgainstAmount('mortal', 'shorten', 'improv', new Set(), worth)).toBe(true);
    expect(worthAgainstAmount('capac', 'improv', 'shorten', worth, new Set())).toBe(false);
    expect(worthAgainstAmount('mortal', 'improv', 'shorten', new Set(), new Set())).toBe(false);
    expect(worthAgainstAmount('mortal', 'increas', 'decreas', new Set(), new Set())).toBe(false);
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

  it('excuses only the things of which less is better, not every other term the word of worth directs', () => {
    // "improved mortality" is "reduced mortality", but "improved walking distance" is no "reduced" one.
    const conflict = (claim: string, evidence: string) => stanceOfEvidence(claim, [evidence]).directionConflict;
    expect(
      conflict(
        'Statins improved mortality and walking distance in claudication.',
        'Statins reduced mortality and walking distance in claudication.',
      ),
    ).toBe(1);
    expect(conflict('Statins improved mortality in claudication.', 'Statins reduced mortality in claudication.')).toBe(
      0,
    );
  });

  it('reads a time to a harm, a latency and a pain threshold as things of which more is better', () => {
    const conflict = (claim: string, evidence: string) => stanceOfEvidence(claim, [evidence]).directionConflict;
    expect(
      conflict(
        'Gefitinib improved the time to progression in lung cancer.',
        'Gefitinib shortened the time to progression in lung cancer.',
      ),
    ).toBe(1);
    expect(
      conflict(
        'Continuing methotrexate improved the time to relapse in psoriasis.',
        'Continuing methotrexate shortened the time to relapse in psoriasis.',
      ),
    ).toBe(1);
    expect(
      conflict(
        'Levodopa improved the latency to fall from the rotarod.',
        'Levodopa shortened the latency to fall from the rotarod.',
      ),
    ).toBe(1);
    expect(
      conflict(
        'Acupuncture improved pressure pain thresholds in volunteers.',
        'Acupuncture lowered pressure pain thresholds in volunteers.',
      ),
    ).toBe(1);
    // The time to getting well is still one of which less is better.
    expect(
      conflict(
        'Early mobilisation improved the time to discharge after hip surgery.',
        'Early mobilisation shortened the time to discharge after hip surgery.',
      ),
    ).toBe(0);
  });
});
