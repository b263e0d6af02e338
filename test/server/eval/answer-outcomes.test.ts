import { describe, expect, it } from 'vitest';
import { tokenF1 } from '../../../server/eval/answer-outcomes.ts';

describe('answer-outcomes', () => {
  it('scores token overlap as F1 over lowercased words', () => {
    expect(tokenF1('Aspirin reduced stroke', 'aspirin reduced stroke')).toBe(1);
    expect(tokenF1('aspirin', 'aspirin reduced stroke')).toBeCloseTo(0.5);
    expect(tokenF1('', 'aspirin')).toBe(0);
  });
});
