import { describe, expect, it } from 'vitest';
import { onlyAgainstList } from '../../../../server/verify/judge/only-against-list.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

const conflicts = (claim: string, evidence: string) => onlyAgainstList(readSentence(claim), readSentence(evidence));

describe('only-against-list', () => {
  it('reads "only X" against a list that holds X among other things as a conflict', () => {
    const evidence = 'The solver is validated on ProofBench as well as MiniF2F and GSM8K.';
    expect(conflicts('The solver is validated only on GSM8K.', evidence)).toBe(true);
    expect(
      conflicts('The solver is validated only on GSM8K.', 'The solver is validated on GSM8K, MiniF2F and MATH.'),
    ).toBe(true);
  });

  it('reads no conflict when the claim names the other items, the evidence keeps to X too, or X stands alone', () => {
    expect(
      conflicts('The solver is validated only on GSM8K and MiniF2F.', 'The solver is validated on MiniF2F and GSM8K.'),
    ).toBe(false);
    expect(conflicts('The solver is validated only on GSM8K.', 'The solver is validated only on GSM8K and MATH.')).toBe(
      false,
    );
    expect(conflicts('The solver is validated only on GSM8K.', 'The solver is validated on GSM8K.')).toBe(false);
    expect(conflicts('The solver is validated on GSM8K.', 'The solver is validated on GSM8K and MATH.')).toBe(false);
  });
});
