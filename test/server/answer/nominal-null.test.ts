import { describe, expect, it } from 'vitest';
import { claimOfQuestion, findingBalance, findingStance } from '../../../server/answer/bottom-line.ts';
import { isNominalNull, isUnsettlingNominalNull, verbalNull } from '../../../server/answer/nominal-null.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

const question = 'Does aspirin reduce stroke risk?';

describe('nominal-null', () => {
  it('finds a null finding stated with a noun of change and a passive verb of observation', () => {
    for (const sentence of [
      'No reduction in stroke risk was seen.',
      'No significant reduction in stroke risk was observed with aspirin.',
      'No difference in stroke risk was found between the groups.',
      'Aspirin was well tolerated, and no increase in bleeding could be detected.',
      'No clinically meaningful improvement was noted.',
    ])
      expect(isNominalNull(sentence), sentence).toBe(true);
    for (const sentence of [
      'No patient was seen twice.',
      'A reduction in stroke risk was seen.',
      'Stroke risk was reduced by 21%.',
      'We saw no reduction in stroke risk.',
    ])
      expect(isNominalNull(sentence), sentence).toBe(false);
  });

  it('writes the finding with its verb, keeping what it is about and what narrows it', () => {
    expect(verbalNull('No significant reduction in stroke risk was observed with aspirin.')).toBe(
      'not reduce stroke risk with aspirin.',
    );
    expect(verbalNull('No difference in stroke risk was found between the groups.')).toBe(
      'not differ in stroke risk between the groups.',
    );
    expect(verbalNull('Aspirin reduced stroke risk.')).toBe('Aspirin reduced stroke risk.');
  });

  it('reads "No reduction in stroke risk was seen" as a finding against the claim, as "did not reduce" is', () => {
    const claim = claimOfQuestion(question);
    expect(findingStance('No reduction in stroke risk was seen.', claim)).toBe(-1);
    expect(findingStance('No reduction in stroke risk was seen with aspirin.', claim)).toBe(
      findingStance('Aspirin did not reduce stroke risk.', claim),
    );
    // Two such findings say no, as two findings against always do.
    expect(
      verdictOf(
        question,
        'No reduction in stroke risk was seen.',
        'No difference in stroke risk was found between the aspirin and placebo groups.',
      ),
    ).toBe('no');
  });

  it('settles the question alone only where "did not reduce" would', () => {
    expect(verdictOf(question, 'No reduction in stroke risk was seen with aspirin.')).toBe('no');
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk.')).toBe('no');
    // Without the question's subject, or narrowed to a group the question does not name, it is one finding among others.
    expect(verdictOf(question, 'No reduction in stroke risk was seen.')).toBe('unclear');
    expect(verdictOf(question, 'No reduction in stroke risk was seen with aspirin in women under 50 years.')).toBe(
      'unclear',
    );
    // A finding for the claim beside it leaves the balance mixed.
    expect(
      verdictOf(
        question,
        'No reduction in stroke risk was seen.',
        'Aspirin reduced stroke risk by 21% in older adults.',
      ),
    ).toBe('mixed');
  });

  it("settles nothing with a noun of change that points another way than the question's verb, though it is a finding against", () => {
    for (const [asked, sentence] of [
      [question, 'No increase in stroke risk was seen with aspirin.'],
      ['Does aspirin increase bleeding risk?', 'No reduction in bleeding risk was seen with aspirin.'],
      ['Does exercise improve sleep quality?', 'No decline in sleep quality was observed with exercise.'],
    ] as const) {
      expect(verdictOf(asked, sentence), sentence).toBe('unclear');
      expect(findingStance(sentence, claimOfQuestion(asked)), sentence).toBe(-1);
    }
    // A noun of the question's way, or one that points no way, settles.
    expect(
      verdictOf('Does aspirin increase bleeding risk?', 'No increase in bleeding risk was seen with aspirin.'),
    ).toBe('no');
    expect(verdictOf(question, 'No significant difference in stroke risk was found with aspirin.')).toBe('no');
  });

  it('settles nothing when the null finding is on a further, added or neighbouring effect, though it is a finding against', () => {
    for (const sentence of [
      'No further reduction in stroke risk was seen with aspirin when added to clopidogrel.',
      'No reduction in stroke risk beyond that achieved with warfarin was seen with aspirin.',
      'No reduction of the aspirin effect on stroke risk was seen with proton pump inhibitors.',
      'No increase in the benefit of aspirin on stroke risk was seen at higher doses.',
    ]) {
      expect(verdictOf(question, sentence), sentence).toBe('unclear');
      expect(findingStance(sentence, claimOfQuestion(question)), sentence).toBe(-1);
    }
  });

  it("reads the way of the question's verb only, not of the words of the group it asks about", () => {
    for (const [asked, sentence] of [
      [
        'Does aspirin reduce stroke risk in patients with raised blood pressure?',
        'No increase in stroke risk was seen with aspirin in patients with raised blood pressure.',
      ],
      [
        'Does aspirin reduce stroke risk in patients with elevated cholesterol?',
        'No increase in stroke risk was seen with aspirin in patients with elevated cholesterol.',
      ],
      [
        'Does aspirin increase bleeding risk in patients with reduced kidney function?',
        'No reduction in bleeding risk was seen with aspirin in patients with reduced kidney function.',
      ],
      [
        'Does exercise worsen sleep quality in adults with declining cognition?',
        'No improvement in sleep quality was seen with exercise in adults with declining cognition.',
      ],
    ] as const)
      expect(verdictOf(asked, sentence), sentence).toBe('unclear');
    // A word of the claim's way right after its preposition is still the claim's.
    for (const asked of [
      'Is aspirin associated with reduced stroke risk in patients with raised blood pressure?',
      'Does aspirin result in lower stroke risk?',
    ])
      expect(
        isUnsettlingNominalNull(claimOfQuestion(asked), 'No reduction in stroke risk was seen with aspirin.'),
        asked,
      ).toBe(false);
  });

  it('reads the way of more verbs: "enhance" as better, "impair" as worse, "cut", "protect", "slow" as down, "extend" as up', () => {
    for (const [asked, sentence] of [
      ['Does exercise enhance sleep quality?', 'No improvement in sleep quality was seen with exercise.'],
      ['Does alcohol impair sleep quality?', 'No worsening of sleep quality was seen with alcohol.'],
      ['Does aspirin cut stroke risk?', 'No reduction in stroke risk was seen with aspirin.'],
      ['Does aspirin protect against stroke?', 'No reduction in stroke was seen with aspirin.'],
      ['Does exercise slow cognitive decline?', 'No reduction in cognitive decline was seen with exercise.'],
      ['Does aspirin extend survival?', 'No prolongation of survival was seen with aspirin.'],
    ] as const)
      expect(isUnsettlingNominalNull(claimOfQuestion(asked), sentence), sentence).toBe(false);
    // "cutaneous" is no "cut".
    expect(
      isUnsettlingNominalNull(
        claimOfQuestion('Does cutaneous aspirin raise stroke risk?'),
        'No reduction in stroke risk was seen with aspirin.',
      ),
    ).toBe(true);
  });

  it('settles on a kind of effect the question names ("side effects") and at every dose, a comparator only in its own clause', () => {
    expect(
      verdictOf('Does the drug increase side effects?', 'No increase in side effects was observed with the drug.'),
    ).toBe('no');
    expect(
      verdictOf(
        'Does the drug increase adverse effects?',
        'No increase in adverse effects was observed with the drug.',
      ),
    ).toBe('no');
    expect(verdictOf(question, 'No reduction in stroke risk was observed with aspirin at any dose.')).toBe('no');
    expect(
      verdictOf(
        question,
        'No reduction in stroke risk was seen with aspirin, though doses beyond 100 mg were not tested.',
      ),
    ).toBe('no');
    expect(verdictOf(question, 'No reduction in stroke risk was seen with aspirin beyond 12 months.')).toBe('no');
    // A dose or comparator in the finding's own clause still narrows it.
    expect(verdictOf(question, 'No reduction in stroke risk was seen with aspirin at higher doses.')).toBe('unclear');
  });

  it('reads the outcome within one clause: a null noun before a comma is no null finding of what follows', () => {
    expect(isNominalNull('No increase in dose was needed, and a reduction in stroke risk was seen.')).toBe(false);
  });

  it('reads "There was no reduction in X" as "No reduction in X was seen"', () => {
    for (const sentence of [
      'There was no reduction in stroke risk with aspirin.',
      'There was no significant difference in stroke risk between the aspirin and placebo groups.',
      'There were no changes in stroke risk with aspirin.',
      'With aspirin, there has been no clinically meaningful decrease in stroke risk.',
    ])
      expect(isNominalNull(sentence), sentence).toBe(true);
    for (const sentence of ['There was no patient lost to follow-up.', 'There is a reduction in stroke risk.'])
      expect(isNominalNull(sentence), sentence).toBe(false);
    expect(verbalNull('There was no reduction in stroke risk with aspirin.')).toBe(
      'not reduce stroke risk with aspirin.',
    );
    expect(verbalNull('Aspirin was well tolerated, but there was no reduction in stroke risk.')).toBe(
      'Aspirin was well tolerated, but not reduce stroke risk.',
    );
  });

  it('settles the question on "There was no reduction in X" as on "No reduction in X was seen", and not on one of another way', () => {
    expect(verdictOf(question, 'There was no reduction in stroke risk with aspirin.')).toBe('no');
    expect(verdictOf(question, 'There were no changes in stroke risk with aspirin.')).toBe('no');
    expect(findingStance('There was no reduction in stroke risk.', claimOfQuestion(question))).toBe(-1);
    // A noun of another way is a finding against that settles nothing, as "No increase … was seen" is.
    expect(verdictOf(question, 'There was no significant increase in stroke risk with aspirin.')).toBe('unclear');
    expect(verdictOf(question, 'There was no further reduction in stroke risk when aspirin was added.')).toBe(
      'unclear',
    );
  });

  it('reads no null finding in what the compared groups were like (age, sex, baseline), unless the question asks about it', () => {
    const sentence =
      'There was no difference in gender or birth weight between those with timely and delayed diagnosis.';
    const asked = (q: string) => findingStance(sentence, claimOfQuestion(q));
    expect(isNominalNull(sentence, 'current guidelines for the diagnosis of anal malformations sufficient')).toBe(
      false,
    );
    expect(asked('Are current guidelines for the diagnosis of anal malformations sufficient?')).toBe(0);
    expect(asked('Is gender associated with delayed diagnosis?')).toBe(-1);
    expect(isNominalNull('There was no difference in birth weight between the groups.')).toBe(true);
  });
  it('settles on "There was no … in X" only when X is the question\'s outcome and what it is of, when named, the question\'s subject', () => {
    for (const [asked, sentence] of [
      ['Does vitamin D reduce falls?', 'There was no reduction in vitamin D prescribing after falls.'],
      ['Does vitamin D reduce falls?', 'There was no change in vitamin D dosing after falls.'],
      [
        'Does early mobilisation reduce delirium?',
        'There was no effect of ward staffing on delirium after early mobilisation.',
      ],
      [
        'Does early mobilisation reduce delirium?',
        'There was no change in nursing routines for early mobilisation after delirium.',
      ],
    ] as const)
      expect(verdictOf(asked, sentence), sentence).not.toBe('no');
    // What changed is the subject's use, not the outcome: no null finding on the question.
    expect(
      isNominalNull('There was no reduction in vitamin D prescribing after falls.', 'vitamin D reduce falls'),
    ).toBe(false);
    expect(isNominalNull('There was no reduction in vitamin D prescribing after falls.')).toBe(true);
    for (const [asked, sentence] of [
      ['Does vitamin D reduce falls?', 'There was no reduction in falls with vitamin D.'],
      ['Does vitamin D reduce falls?', 'There were no significant changes in the rate of falls with vitamin D.'],
      ['Does early mobilisation reduce delirium?', 'There was no effect of early mobilisation on delirium.'],
      ['Does early mobilisation reduce delirium?', 'There was no association between early mobilisation and delirium.'],
      [
        'Does early mobilisation reduce delirium?',
        'There was no significant difference between early and late mobilisation in delirium.',
      ],
    ] as const)
      expect(verdictOf(asked, sentence), sentence).toBe('no');
  });
  it('reads no finding against in what the groups were like at baseline, in a control arm or by their characteristics', () => {
    const question = 'Does rosuvastatin lower triglycerides?';
    const finding = 'Rosuvastatin lowered triglycerides by 25%.';
    for (const sentence of [
      'At baseline, there was no difference in triglycerides between the groups.',
      'There was no significant difference in triglycerides between the groups before treatment.',
      'There was no difference between the groups in baseline triglycerides.',
      'In the placebo group there was no change in triglycerides.',
      'No difference in age was found between the rosuvastatin and placebo groups.',
    ])
      expect(verdictOf(question, finding, sentence), sentence).toBe('yes');
    const surgery = 'Does robotic surgery reduce blood loss?';
    for (const sentence of [
      'There was no difference in BMI, ASA grade or comorbidity between robotic and open surgery patients.',
      'There were no differences in the preoperative characteristics of robotic and open surgery patients.',
    ])
      expect(findingBalance(surgery, [{ n: 1, text: sentence }]).net, sentence).toBe(0);
    // A change from baseline is a finding, and so is a characteristic that is the question's outcome.
    expect(
      findingStance('There was no change from baseline in triglycerides with rosuvastatin.', claimOfQuestion(question)),
    ).toBe(-1);
    expect(
      verdictOf('Does orlistat reduce BMI?', 'There was no difference in BMI between the orlistat and placebo groups.'),
    ).toBe('no');
  });

  it("reads a characteristic as the question's only where it is its outcome, not where the question merely names it", () => {
    const question = 'Does sex affect blood loss after surgery?';
    const sentences = [
      'There was no difference in sex between the robotic and open surgery groups.',
      'There was no significant difference between the robotic and open groups with regard to sex.',
    ];
    expect(verdictOf(question, ...sentences)).not.toBe('no');
    for (const sentence of sentences)
      expect(findingBalance(question, [{ n: 1, text: sentence }]).net, sentence).toBe(0);
    // Compared between groups that differ by the outcome, it is a finding on the question.
    expect(
      findingStance(
        'There was no difference in sex between patients with and without major blood loss.',
        claimOfQuestion(question),
      ),
    ).toBe(-1);
  });
});
