import { describe, expect, it } from 'vitest';
import { halvingsOf } from '../../../../server/verify/judge/halvings.ts';

describe('halvings', () => {
  it('reads "halved", "fell by half" and "cut in half" as a share of one half', () => {
    for (const text of ['Bed alarms halved falls.', 'Falls fell by half.', 'Alarms cut falls in half.'])
      expect(halvingsOf(text), text).toEqual([expect.objectContaining({ unit: 'fraction', low: 0.45, high: 0.55 })]);
  });

  it('reads no share in "two halves" or "half of the patients"', () => {
    expect(halvingsOf('The two halves of the trial differed.')).toEqual([]);
    expect(halvingsOf('Half of the patients fell.')).toEqual([]);
  });
});
