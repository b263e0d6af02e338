import { describe, expect, it } from 'vitest';
import { directionOf, missingNumbers, numbersOf } from '../../../server/verify/claim-cues.ts';

describe('claim-cues', () => {
  it('finds numbers standing alone, normalized, but not the digits inside names', () => {
    expect(numbersOf('In 1,000 patients, 12 % had IL-6 above 2.50 and p53 loss; 4-PBA was given.')).toEqual([
      '1000',
      '12%',
      '2.5',
    ]);
  });

  it('lists the claim numbers the evidence does not state, ignoring percent signs', () => {
    expect(missingNumbers(['12%', '30'], ['12', '31'])).toEqual(['30']);
  });

  it('reads the direction of an effect', () => {
    expect(directionOf('Caffeine increases recall.')).toBe(1);
    expect(directionOf('Caffeine reduces recall.')).toBe(-1);
    expect(directionOf('Caffeine was measured.')).toBe(0);
  });

  it('reads no increase in "activation" naming a kind of thing ("activation memory"), one in a switching on', () => {
    expect(directionOf('Checkpointing reduces activation memory.')).toBe(-1);
    expect(directionOf('Activation steering was compared with prompting.')).toBe(0);
    expect(directionOf('The adjuvant promotes T-cell activation.')).toBe(1);
  });

  it('reads no number from the whole part of a decimal that names a thing ("7.5-degree cone")', () => {
    expect(numbersOf('a blunted 7.5-degree cone at Mach 8')).toEqual(['8']);
    expect(numbersOf('a blunted 7.5 degree-half-angle cone')).toEqual(['7.5']);
  });
});
