import { describe, expect, it } from 'vitest';
import { lengthAllowance } from '../../../server/answer/selection-settings.ts';

describe('selection-settings', () => {
  it('needs the full share up to eight key concepts, then a share falling with the square root of their number', () => {
    expect(lengthAllowance(8)).toBe(1);
    expect(lengthAllowance(32)).toBeCloseTo(0.5);
  });

  it('lets the pivot be set per call', () => {
    expect(lengthAllowance(8, 2)).toBeCloseTo(0.5);
    expect(lengthAllowance(8, Number.POSITIVE_INFINITY)).toBe(1);
  });
});
