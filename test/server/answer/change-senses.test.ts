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
  it("reads the question's adjective of change ('lower doses', 'a reduced-sodium diet', 'the lower back') by no finding's verb", () => {
    for (const [question, sentence] of [
      ['Do lower doses of zinc reduce colds?', 'Higher doses of zinc did not reduce colds.'],
      ['Does a reduced-sodium diet lower blood pressure?', 'A vegetarian diet did not reduce blood pressure.'],
      ['Does massage reduce stiffness of the lower back?', 'Massage did not reduce stiffness of the upper back.'],
      ['Does a lower dose of vitamin K reduce bleeding?', 'Higher doses of vitamin K did not reduce bleeding.'],
    ] as const)
      expect(verdictOf(question, sentence), question).not.toBe('no');
    expect(heldAsSameChange('lower doses of zinc reduce colds', 'lower', 'did not reduce colds')).toBe(false);
    // The verb is still read by its same-sense word.
    expect(heldAsSameChange('a low-sodium diet lower blood pressure', 'lower', 'did not reduce blood pressure')).toBe(
      true,
    );
    // Not where the finding's one "reduce" is already the adjective's ("reduced-sodium").
    expect(
      heldAsSameChange('a reduced-sodium diet lower blood pressure', 'lower', 'did not reduce blood pressure'),
    ).toBe(false);
  });

  it('reads an adjective of change by the same-sense adjective of the same noun ("a reduced dose" for "a lower dose")', () => {
    expect(verdictOf('Does a lower dose of zinc reduce colds?', 'A reduced dose of zinc did not reduce colds.')).toBe(
      'no',
    );
    expect(verdictOf('Does lowering LDL reduce stroke?', 'Reducing LDL did not reduce stroke.')).toBe('no');
    // A noun of change is no verb: "leg elevation reduce swelling" asks about a reduction.
    expect(verdictOf('Does leg elevation reduce swelling?', 'Elevation of the legs did not reduce swelling.')).toBe(
      'no',
    );
  });

  it('lets one word of the finding stand for only one word of the question', () => {
    // The finding's one "reduce" is the question's verb; it cannot be its "lower" as well.
    expect(
      heldAsSameChange(
        'treatment with lower doses reduce toxicity',
        'lower',
        'treatment with higher doses did not reduce toxicity',
      ),
    ).toBe(false);
    expect(
      heldAsSameChange(
        'reduced salt intake lower blood pressure',
        'lower',
        'salt intake did not reduce blood pressure',
      ),
    ).toBe(false);
    // Two words of the same change in the finding stand for two in the question.
    expect(
      heldAsSameChange(
        'reduced salt intake lower blood pressure',
        'lower',
        'reduced salt intake did not reduce blood pressure',
      ),
    ).toBe(true);
  });
  it('reads only a true opposite as the other way (down against up, better against worse), and every verb a denial holds', () => {
    for (const [question, sentence] of [
      ['Does chemotherapy improve survival?', 'Chemotherapy did not prolong survival.'],
      ['Does chemotherapy improve survival?', 'Chemotherapy did not increase survival.'],
      ['Does physiotherapy improve pain?', 'Physiotherapy did not reduce pain.'],
      ['Does caffeine worsen migraine?', 'Caffeine did not increase migraine.'],
      ['Does tai chi reduce falls?', 'Tai chi did not increase or reduce falls.'],
      ['Does tai chi reduce falls?', 'Tai chi did not increase injuries or reduce falls.'],
      ['Does tai chi reduce falls?', 'Tai chi did not increase falls, but it did not reduce them either.'],
    ] as const)
      expect(verdictOf(question, sentence), sentence).toBe('no');
    for (const [question, sentence] of [
      ['Does tai chi reduce falls?', 'Tai chi did not increase falls.'],
      ['Does tai chi improve balance?', 'Tai chi did not worsen balance.'],
      // A verb after "and" is no verb the denial holds.
      ['Does tai chi reduce falls?', 'Tai chi did not increase injuries and reduced falls.'],
      // More of a harm is the opposite of improving it, less of it of worsening it.
      ['Does gabapentin improve pain?', 'Gabapentin did not increase pain.'],
      ['Does caffeine worsen asthma?', 'Caffeine did not reduce asthma exacerbations.'],
    ] as const)
      expect(verdictOf(question, sentence), sentence).not.toBe('no');
  });
});
