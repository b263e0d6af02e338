import { describe, expect, it } from 'vitest';
import { changeSharesOf, halvingsOf } from '../../../../server/verify/judge/halvings.ts';

const HALF = expect.objectContaining({ unit: 'change', low: 0.4, high: 0.6, halving: true });

describe('halvings', () => {
  it('reads "halved", "fell by half" and "cut in half" as a change of one half', () => {
    for (const text of ['Bed alarms halved falls.', 'Falls fell by half.', 'Alarms cut falls in half.'])
      expect(halvingsOf(text), text).toEqual([HALF]);
  });

  it('reads a change by half a few words after its verb', () => {
    expect(halvingsOf('The program cut the readmission rate in half.')).toEqual([HALF]);
    expect(halvingsOf('Bed alarms reduced the rate of falls by half.')).toEqual([HALF]);
  });

  it('reads no change in "two halves", "half of the patients" or "in half of the wards"', () => {
    expect(halvingsOf('The two halves of the trial differed.')).toEqual([]);
    expect(halvingsOf('Half of the patients fell.')).toEqual([]);
    expect(halvingsOf('Falls were reduced in half of the wards.')).toEqual([]);
  });

  it('reads no change in "in half the patients", "in half all" or "by half an hour"', () => {
    expect(halvingsOf('Pain fell in half the patients.')).toEqual([]);
    expect(halvingsOf('Pain was reduced in half all wards.')).toEqual([]);
    expect(halvingsOf('The stay was reduced by half an hour.')).toEqual([]);
    expect(halvingsOf('Pain was reduced by half in all wards.')).toEqual([HALF]);
  });

  it('reads no change in a halved dose or exposure, nor in a halving used as a subject', () => {
    expect(halvingsOf('Halving the enoxaparin dose reduced major bleeding.')).toEqual([]);
    expect(halvingsOf('A halved dose was as effective.')).toEqual([]);
    expect(halvingsOf('Clinicians halved the insulin dose.')).toEqual([]);
    expect(halvingsOf('The team cut the enoxaparin dose in half.')).toEqual([]);
    expect(halvingsOf('The dose was halved and bleeding fell.')).toEqual([]);
    expect(halvingsOf('The enoxaparin dosage was then halved.')).toEqual([]);
    expect(halvingsOf('Drug exposure was halved.')).toEqual([]);
  });

  it('reads the shares of change a text states in numbers, and no share of people or rate', () => {
    expect(changeSharesOf('Alarms reduced falls by 25%, and 30% lower mortality.')).toEqual([
      expect.objectContaining({ unit: 'change', low: 0.25, high: 0.25 }),
      expect.objectContaining({ unit: 'change', low: 0.3, high: 0.3 }),
    ]);
    expect(changeSharesOf('The rate fell from 22% to 11%, and 35% of participants quit.')).toEqual([]);
  });
});
