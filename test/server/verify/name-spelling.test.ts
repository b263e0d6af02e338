import { describe, expect, it } from 'vitest';
import { allowedEdits, nearSpellings, withinEdits } from '../../../server/verify/name-spelling.ts';

describe('name-spelling', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(withinEdits('venkatesch', 'venkatesh', 1)).toBe(true);
    expect(withinEdits('rnado', 'rando', 1)).toBe(true);
    expect(withinEdits('smyth', 'smith', 1)).toBe(true);
    expect(withinEdits('smythe', 'smith', 1)).toBe(false);
    expect(withinEdits('smythe', 'smith', 2)).toBe(true);
    expect(withinEdits('abcde', 'vwxyz', 2)).toBe(false);
  });

  it('allows no edit to a short name, one from five letters and two from eight', () => {
    expect([3, 4, 5, 7, 8].map(allowedEdits)).toEqual([0, 0, 1, 1, 2]);
    expect(nearSpellings('liu', ['lin', 'li'])).toEqual([]);
    expect(nearSpellings('randoo', ['rando', 'randomized', 'randoo'])).toEqual(['rando']);
    expect(nearSpellings('venkatasch', ['venkatesh', 'venkatesch'])).toEqual(['venkatesch', 'venkatesh']);
  });
});
