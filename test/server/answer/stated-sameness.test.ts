import { describe, expect, it } from 'vitest';
import { statedSameness } from '../../../server/answer/stated-sameness.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

describe('stated-sameness', () => {
  it('reads a stated difference against a question of sameness, and a stated likeness for it', () => {
    expect(
      verdictOf(
        'Is stress-induced cell shedding the same process as caspase-driven extrusion?',
        'We show that this shedding is mechanistically distinct from caspase-driven extrusion and precedes any sign of death.',
      ),
    ).toBe('no');
    expect(statedSameness('Laser ablation showed comparable effectiveness with open surgery.')).toBe(1);
    expect(statedSameness('Laser ablation shortened the hospital stay.')).toBe(0);
  });

  it('reads a difference denied as a likeness and a likeness denied as a difference', () => {
    const question = 'Are pain scores with ibuprofen similar to pain scores with paracetamol after surgery?';
    expect(
      verdictOf(question, 'Pain scores with ibuprofen did not differ significantly from pain scores with paracetamol.'),
    ).not.toBe('no');
    expect(
      verdictOf(question, 'After surgery, pain scores with ibuprofen were not different from those with paracetamol.'),
    ).not.toBe('no');
    expect(statedSameness('Pain scores with ibuprofen were not similar to pain scores with paracetamol.')).toBe(-1);
    expect(statedSameness('Drug A was not comparable to drug B.')).toBe(-1);
  });

  it('sets aside "unlike previous studies", "unlike placebo" and a difference from something the claim does not name', () => {
    const question = 'Is drug A as safe as drug B?';
    expect(verdictOf(question, 'Unlike previous studies, we found that drug A was as safe as drug B.')).not.toBe('no');
    expect(
      verdictOf(question, 'Unlike placebo, drug A and drug B lowered the pain score to a similar degree.'),
    ).not.toBe('no');
    expect(verdictOf(question, 'Drug A was as safe as drug B, and both differed significantly from placebo.')).not.toBe(
      'no',
    );
  });
});
