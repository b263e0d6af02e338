import { describe, expect, it } from 'vitest';
import { heldAsSameChange } from '../../../server/answer/change-senses.ts';
import { conceptForms } from '../../../server/answer/question-concepts.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

describe('change-senses', () => {
  it('settles a question asked with "lower" on a finding written with "reduce", as it does one written with "lower"', () => {
    const question = 'Does aspirin lower stroke risk?';
    expect(verdictOf(question, 'No reduction in stroke risk was seen with aspirin.')).toBe('no');
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk.')).toBe('no');
    expect(verdictOf(question, 'Aspirin did not significantly decrease the risk of stroke.')).toBe('no');
    expect(verdictOf(question, 'Aspirin did not lower stroke risk.')).toBe('no');
  });

  it('reads "impair" and "worsen", "elevate" and "raise", "ameliorate" and "improve" each as one change', () => {
    expect(
      verdictOf('Does night-shift work impair renal function?', 'Night-shift work did not worsen renal function.'),
    ).toBe('no');
    expect(verdictOf('Does caffeine elevate blood pressure?', 'Caffeine did not raise blood pressure.')).toBe('no');
    expect(verdictOf('Does melatonin ameliorate jet lag?', 'Melatonin did not improve jet lag.')).toBe('no');
  });

  it('reads no change of another way or sense as the same ("increase" for "lower", "improve" for "impair")', () => {
    expect(verdictOf('Does aspirin lower stroke risk?', 'Aspirin did not increase stroke risk.')).not.toBe('no');
    expect(
      verdictOf('Does night-shift work impair renal function?', 'Night-shift work did not improve renal function.'),
    ).not.toBe('no');
    // A denied change of another way is a finding against that settles nothing, whatever the verb.
    expect(verdictOf('Does aspirin reduce stroke risk?', 'Aspirin did not increase stroke risk.')).toBe('unclear');
    expect(
      verdictOf('Does aspirin reduce stroke risk?', 'Aspirin was not associated with increased stroke risk.'),
    ).toBe('unclear');
    expect(verdictOf('Does aspirin affect stroke risk?', 'Aspirin did not increase stroke risk.')).toBe('no');
    // "increase" and "improve" differ in sense: more of a harm is no improvement.
    expect(verdictOf('Does caffeine elevate blood pressure?', 'Caffeine did not improve blood pressure.')).not.toBe(
      'no',
    );
  });

  it("reads the claim's word as changed only when the same-sense word changes what the claim's word goes with", () => {
    const claim = 'physiotherapy effective for lower limb swelling';
    expect(heldAsSameChange(claim, 'lower', 'physiotherapy did not reduce limb swelling')).toBe(true);
    // "lower limb" is a place: a reduction of the upper limb's swelling is no "lower".
    expect(heldAsSameChange(claim, 'lower', 'physiotherapy did not reduce upper limb swelling')).toBe(false);
    expect(
      verdictOf(
        'Is physiotherapy effective for lower limb swelling?',
        'Physiotherapy did not reduce upper limb swelling.',
      ),
    ).not.toBe('no');
    // A word no change of the claim's sense stands for is held only as written.
    expect(heldAsSameChange(claim, 'limb', 'physiotherapy did not reduce limb swelling')).toBe(false);
    expect(conceptForms('lowered').has('lower')).toBe(true);
  });
});
