import { describe, expect, it } from 'vitest';
import { headOfKind, otherKindStated } from '../../../server/answer/self-category.ts';

const ECC = 'RangeGuard is an error-correcting code (ECC) scheme for DNNs and LLMs built around model metadata.';

describe('self-category', () => {
  it('takes the head noun of a kind as the word before its phrase ends', () => {
    expect(headOfKind('scheduler for LLM serving')).toBe('scheduler');
    expect(headOfKind('error-correcting code (ECC) scheme for DNNs')).toBe('code');
    expect(headOfKind('')).toBeNull();
  });

  it('finds the paper saying it is another kind than the question asks', () => {
    expect(otherKindStated('Is RangeGuard a scheduler for LLM serving?', ECC, 'RangeGuard')).toBe(true);
    expect(otherKindStated('Is RangeGuard a scheduler?', '[RangeGuard] is an ECC scheme.', 'RangeGuard')).toBe(true);
    expect(otherKindStated('Is RangeGuard a scheduler?', 'It is an ECC scheme.', 'RangeGuard')).toBe(true);
  });

  it('finds nothing when the kind is the same, appears in the sentence, or the sentence is of another thing', () => {
    expect(otherKindStated('Is RangeGuard a code for DNNs?', ECC, 'RangeGuard')).toBe(false);
    expect(
      otherKindStated('Is RangeGuard a scheme?', 'RangeGuard is an error-correcting code scheme.', 'RangeGuard'),
    ).toBe(false);
    expect(
      otherKindStated('Is Feather a scheduler?', 'Feather is a study that proposes a new scheduler.', 'Feather'),
    ).toBe(false);
    expect(otherKindStated('Is RangeGuard a scheduler?', 'Feather is an ECC scheme.', 'RangeGuard')).toBe(false);
    expect(otherKindStated('Is RangeGuard the first scheduler?', ECC, 'RangeGuard')).toBe(false);
    expect(otherKindStated('Is RangeGuard a scheduler?', ECC, '')).toBe(false);
  });
});
