import { describe, expect, it } from 'vitest';
import { numberWordValue, TENS_WORDS, UNIT_WORDS } from '../../../server/verify/number-words.ts';

describe('number-words', () => {
  it('gives the value of a unit, a tens or a scale word in any case, and none for another word', () => {
    expect(numberWordValue('Twelve')).toBe(12);
    expect(numberWordValue('ninety')).toBe(90);
    expect(numberWordValue('THOUSAND')).toBe(1000);
    expect(numberWordValue('half')).toBeUndefined();
  });

  it('holds every unit from one to nineteen and every tens from twenty to ninety', () => {
    expect(Object.values(UNIT_WORDS)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(Object.values(TENS_WORDS)).toEqual([20, 30, 40, 50, 60, 70, 80, 90]);
  });
});
