import { describe, expect, it } from 'vitest';
import { sentencesOfPaper } from '../../../server/verify/evidence-sentences.ts';
import { approximateNumbersOf, roundsToOneOf, spelledNumbersOf } from '../../../server/verify/number-forms.ts';
import { profileClaim, supportFeatures } from '../../../server/verify/support-features.ts';
import { statisticsOfTexts } from '../../../server/verify/term-statistics.ts';

const trial = {
  title: 'Night-time light therapy for delirium',
  abstract:
    'Thirty-four ward patients received night-time light therapy. The odds of delirium were 0.48, 0.72 and 1.96 in the three dose groups. Sixty percent of nurses preferred the lamps.',
};
const statistics = statisticsOfTexts([
  `${trial.title}\n${trial.abstract}`,
  'Daytime naps and delirium\nNaps in 12 wards were recorded.',
  'Ward noise at night\nNoise was measured in 9 wards.',
]);
const numbersMissing = (claim: string) =>
  supportFeatures(profileClaim(claim, statistics), sentencesOfPaper(trial), statistics).features.numbersMissing;

describe('number-forms', () => {
  it('reads numbers written in words, compounds and shares among them', () => {
    expect(spelledNumbersOf('Thirty-four patients, seven nurses and sixty percent of wards')).toEqual([
      '34',
      '7',
      '60%',
    ]);
    expect(spelledNumbersOf('twenty nine days')).toEqual(['29']);
    expect(spelledNumbersOf('The drug was given.')).toEqual([]);
  });

  it('reads the numbers a rounding word reaches, a list of them too', () => {
    expect([...approximateNumbersOf('odds about 0.5, 0.7 and 2 times higher, in 12 wards')]).toEqual([
      '0.5',
      '0.7',
      '2',
    ]);
    expect([...approximateNumbersOf('roughly 60% of nurses')]).toEqual(['60%']);
    expect(approximateNumbersOf('0.5 and 2 times higher').size).toBe(0);
  });

  it('finds a rounded number in one it rounds at its own decimals, not in one further off', () => {
    expect(roundsToOneOf('2', ['1.96'])).toBe(true);
    expect(roundsToOneOf('0.7', ['0.72'])).toBe(true);
    expect(roundsToOneOf('2', ['2.4'])).toBe(false);
    expect(roundsToOneOf('0.5', ['0.58'])).toBe(false);
  });

  it('finds a claim’s number that the paper writes in words ("Thirty-four" for 34)', () => {
    expect(numbersMissing('The trial treated 34 ward patients with night-time light therapy.')).toBe(0);
    expect(numbersMissing('The trial treated 43 ward patients with night-time light therapy.')).toBe(1);
  });

  it('finds numbers the claim says are rounded in the unrounded ones, and not numbers it states exactly', () => {
    expect(numbersMissing('The odds of delirium were about 0.5, 0.7 and 2 in the three dose groups.')).toBe(0);
    expect(numbersMissing('The odds of delirium were 0.5, 0.7 and 2 in the three dose groups.')).toBe(1);
  });
});
