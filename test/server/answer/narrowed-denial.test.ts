import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

describe('narrowed-denial', () => {
  it('does not settle on one null finding narrowed to a group, a time, a comparator or earlier work', () => {
    const no = (question: string, sentence: string) => expect(verdictOf(question, sentence)).not.toBe('no');
    no('Does aspirin reduce stroke risk?', 'Aspirin did not reduce stroke risk in women under 50 years.');
    no('Does aspirin reduce stroke risk?', 'Aspirin did not reduce stroke risk in patients aged over 80 years.');
    no('Does aspirin reduce stroke risk?', 'Aspirin did not reduce stroke risk within the first two years.');
    no('Does drug A reduce blood pressure?', 'Drug A did not reduce blood pressure more than drug B.');
    no('Does drug A reduce blood pressure?', 'Drug A did not reduce blood pressure compared with drug B.');
    no('Does scaling improve accuracy?', 'Scaling did not improve accuracy for the smallest models.');
    no(
      'Does the minimum wage reduce employment?',
      'The minimum wage did not reduce employment among adult workers, although teen employment fell.',
    );
    no(
      'Does statin therapy reduce dementia risk?',
      'Earlier trials reported that statin therapy did not reduce dementia risk, but here we found a 20% reduction.',
    );
    no('Does statin therapy reduce dementia risk?', 'Statin therapy did not fail to reduce dementia risk.');
  });

  it("settles on a null finding narrowed only by the trial's own words (placebo, follow-up, group, numbers)", () => {
    const question = 'Does aspirin reduce stroke risk?';
    for (const tail of [
      'compared with placebo',
      'versus usual care',
      'in a randomized controlled trial',
      'in 1200 patients',
      'over the study period',
      'during follow-up',
      'in either group',
      'in the overall population',
      'after adjustment for confounders',
    ])
      expect(verdictOf(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('no');
    // A real comparator or group still narrows it.
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk compared with clopidogrel.')).toBe('unclear');
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in women under 50 years.')).toBe('unclear');
  });

  it('measures the denying clause with its fronted phrase, and the denying clause most on the question', () => {
    expect(
      verdictOf('Does aspirin reduce stroke risk in humans?', 'In humans, aspirin did not reduce stroke risk.'),
    ).toBe('no');
    expect(
      verdictOf(
        'Does aspirin reduce stroke risk?',
        'Although no serious adverse events occurred, aspirin did not reduce stroke risk.',
      ),
    ).toBe('no');
  });

  it('looks for earlier work only where the denying clause is reported from', () => {
    const question = 'Does aspirin reduce stroke risk?';
    expect(verdictOf(question, 'Unlike previous studies, we found that aspirin did not reduce stroke risk.')).toBe(
      'no',
    );
    expect(verdictOf(question, 'Previous trials reported that aspirin did not reduce stroke risk.')).toBe('unclear');
    expect(
      verdictOf(question, 'Previous studies, unlike ours, have reported that aspirin did not reduce stroke risk.'),
    ).toBe('unclear');
  });
});

describe('narrowed-denial: what narrows a finding', () => {
  it('does not settle on a null finding in a post hoc subgroup or one arm of a trial', () => {
    const question = 'Does adjuvant chemotherapy reduce recurrence?';
    expect(
      verdictOf(
        question,
        'Adjuvant chemotherapy did not reduce recurrence in a post hoc analysis of patients with atrial fibrillation.',
      ),
    ).toBe('unclear');
    expect(verdictOf(question, 'Adjuvant chemotherapy did not reduce recurrence in the medium-dose group.')).toBe(
      'unclear',
    );
  });

  it("settles on a null finding placed only at the authors' own institution", () => {
    expect(
      verdictOf(
        'Does the surgical checklist reduce wound infections?',
        'The surgical checklist did not reduce wound infections at our institution.',
      ),
    ).toBe('no');
  });

  it('does not settle on a null finding over a set, a measurement or a second reported clause', () => {
    const no = (question: string, sentence: string) => expect(verdictOf(question, sentence)).not.toBe('no');
    no('Does aspirin reduce stroke risk?', 'Aspirin did not reduce stroke risk in any of the subgroups.');
    no('Does the coating change the pore size?', 'The coating did not change the pore size in phosphate buffer.');
    no(
      'Does drug X lower blood pressure?',
      'We found that drug X raised heart rate in older women and that drug X did not lower blood pressure.',
    );
  });

  it('still does not settle on a null finding in a subgroup, a condition, a level, a manner or a setting', () => {
    const question = 'Does adjuvant chemotherapy alter recurrence?';
    for (const tail of [
      'in patients with stage III disease',
      'in stage III disease',
      'in smokers',
      'in Asian patients',
      'in the high-dose group',
      'in obese mice',
      'in vitro',
      'in a dose-dependent manner',
      'in nursing homes',
      'for all women',
      'for any of the older age groups',
      'during the first year of treatment',
      'in the absence of radiotherapy',
      'among episodic migraineurs',
      'in birth weight',
    ])
      expect(verdictOf(question, `Adjuvant chemotherapy did not alter recurrence ${tail}.`), tail).not.toBe('no');
  });
});
