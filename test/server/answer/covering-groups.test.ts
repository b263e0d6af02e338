import { describe, expect, it } from 'vitest';
import { withoutCoveringGroups } from '../../../server/answer/covering-groups.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

const question = 'Does aspirin reduce stroke risk?';

describe('covering-groups', () => {
  it('takes out groups that together hold everyone', () => {
    // "in" before a pair of groups stays, with nothing left for it to narrow.
    for (const phrase of [
      'in patients with diabetes or in those without',
      'in patients with diabetes and those without it',
      'in patients with or without diabetes',
      'with or without diabetes',
      'in men or women',
      'in both women and men',
      'in either sex',
      'in all subgroups',
      'regardless of diabetes status',
      'irrespective of age',
    ])
      expect(withoutCoveringGroups(`Aspirin did not reduce stroke risk ${phrase}.`).trim(), phrase).toMatch(
        /^Aspirin did not reduce stroke risk (?:in |among )?\.$/u,
      );
  });

  it('keeps a group that holds only some ("with diabetes", "in women", "with diabetes and hypertension and without prior stroke")', () => {
    for (const phrase of [
      'in patients with diabetes',
      'in women',
      'in women under 50 years',
      'in patients with diabetes and hypertension and without prior stroke',
      'in men with diabetes',
    ])
      expect(withoutCoveringGroups(`Aspirin did not reduce stroke risk ${phrase}.`), phrase).toContain(phrase);
  });

  it('lets a null finding stated for everyone settle the question, as one with no group does', () => {
    for (const tail of [
      'in patients with diabetes or in those without',
      'in patients with or without diabetes',
      'in men or women',
      'in either sex',
      'regardless of diabetes status',
    ])
      expect(verdictOf(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('no');
    // A group that holds only some still narrows it.
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in patients with diabetes.')).toBe('unclear');
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in women.')).toBe('unclear');
  });

  it('keeps what follows a pair of groups, which still narrows ("in men and women with diabetes")', () => {
    for (const tail of [
      'in men and women with diabetes',
      'in obese men and women with diabetes',
      'in older men and women',
      'in Chinese men and women',
      'in women with or without diabetes',
      'in children and adults with sickle cell disease',
      'in men and women who had had a prior stroke',
      'in men and women aged 50 to 70 years',
    ])
      expect(verdictOf(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('unclear');
    expect(withoutCoveringGroups('Aspirin did not reduce stroke risk in men and women with diabetes.')).toBe(
      'Aspirin did not reduce stroke risk in with diabetes.',
    );
    // A pair with nothing after it, or only the study's own words, still narrows nothing.
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in men and women in the trial.')).toBe('no');
  });

  it('takes out a pair of groups with its "in" where the phrase ends or only "alike", "studied" or "enrolled" follows', () => {
    for (const tail of [
      'in men and women alike',
      'in men and women equally',
      'in children and adults of all ages',
      'in smokers and non-smokers',
    ])
      expect(verdictOf(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('no');
    expect(withoutCoveringGroups('Aspirin did not reduce stroke risk in men and women alike.')).toBe(
      'Aspirin did not reduce stroke risk .',
    );
    expect(withoutCoveringGroups('Stroke risk was not reduced in men and women enrolled.')).toBe(
      'Stroke risk was not reduced enrolled.',
    );
  });

  it('reads "with X and without Y" as two conditions, not a condition and its complement', () => {
    for (const tail of [
      'in patients with diabetes and without prior stroke',
      'in adults with atrial fibrillation and without anticoagulation',
    ])
      expect(verdictOf(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('unclear');
    // The condition named again after "without" is its complement.
    expect(
      verdictOf(
        question,
        'Aspirin did not reduce stroke risk in patients with diabetes and in those without diabetes.',
      ),
    ).toBe('no');
  });

  it('sets aside only the condition after "regardless of", and a narrowing phrase after it still narrows', () => {
    for (const tail of [
      'regardless of dose compared with clopidogrel',
      'independent of sex in patients with atrial fibrillation',
      'irrespective of age during the first year',
    ])
      expect(verdictOf(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('unclear');
    expect(withoutCoveringGroups('The effect was not independent of sex.')).toBe(
      'The effect was not independent of sex.',
    );
  });

  it('reads "boys and girls" as children, and "all age groups over 80" as a limit of age', () => {
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in boys and girls.')).toBe('unclear');
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in all age groups over 80.')).toBe('unclear');
  });

  it('keeps what follows a covering group, which still narrows ("with or without diabetes who had hypertension")', () => {
    for (const tail of [
      'in patients with or without diabetes who had hypertension',
      'in patients with or without diabetes and with prior stroke',
      'with or without diabetes whose blood pressure was uncontrolled',
      'in patients with or without diabetes but with hypertension',
    ])
      expect(verdictOf(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('unclear');
    expect(
      withoutCoveringGroups(
        'Aspirin did not reduce stroke risk in patients with or without diabetes who had hypertension.',
      ),
    ).toBe('Aspirin did not reduce stroke risk in who had hypertension.');
    // With nothing after it, the group still covers everyone.
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in patients with or without diabetes.')).toBe('no');
  });
  it("reads the study's own relative clause after a covering group as narrowing nothing ('who completed follow-up')", () => {
    const asked = 'Does vitamin C shorten colds?';
    for (const tail of ['who completed follow-up', 'who were treated', 'who received it', 'that were randomized'])
      expect(
        verdictOf(asked, `Vitamin C did not shorten colds in patients with or without asthma ${tail}.`),
        tail,
      ).toBe('no');
    // What the clause names beyond the study's own words still narrows.
    expect(
      verdictOf(
        asked,
        'Vitamin C did not shorten colds in patients with or without asthma who received inhaled steroids.',
      ),
    ).toBe('unclear');
  });
});
