import { describe, expect, it } from 'vitest';
import { askedGroupWords, limitsAsWords } from '../../../server/answer/asked-group.ts';
import { verdictOf } from '../../support/bottom-line-verdict.ts';

describe('asked-group', () => {
  it('writes a limit of age or size as one word, whichever way it is put', () => {
    expect(limitsAsWords('in patients over 60')).toBe('in patients over60');
    expect(limitsAsWords('in patients aged 65 years or older')).toBe('in patients over65');
    expect(limitsAsWords('among those older than 65 years of age')).toBe('among those over65');
    expect(limitsAsWords('in children under 5 years')).toBe('in children under5');
    expect(limitsAsWords('in women aged 50')).toBe('in women aged50');
    // A count is no limit.
    expect(limitsAsWords('in 1200 patients')).toBe('in 1200 patients');
  });

  it("names the group a claim asks about: its limits and the words of its group, not the trial's own words", () => {
    const words = (claim: string) => askedGroupWords(claim).map(({ form }) => form);
    expect(words('aspirin reduce stroke risk in patients over 60')).toEqual(['over60']);
    expect(words('aspirin reduce stroke risk in patients with diabetes')).toEqual(['diabet']);
    expect(words('aspirin reduce stroke risk in women')).toEqual(['woman']);
    expect(words('aspirin reduce stroke risk')).toEqual([]);
    // A preposition before the claim's verb of change opens no group, nor one after a noun of change,
    // and a phrase of time after the group is none of it.
    expect(words('aspirin result in lower stroke risk')).toEqual([]);
    expect(words('no relationship between growth rates and the increase in ultraviolet light')).toEqual([]);
    expect(words('aspirin reduce stroke risk in women during the first year')).toEqual(['woman']);
  });

  it('does not settle a question about patients over 60 on a finding in the whole cohort, an unnamed group or another age', () => {
    const question = 'Does aspirin reduce stroke risk in patients over 60?';
    for (const sentence of [
      'Aspirin did not reduce stroke risk in our patients.',
      'In 1200 patients, aspirin did not reduce stroke risk.',
      'Aspirin did not reduce stroke risk in patients over 70.',
      'Aspirin did not reduce stroke risk in patients under 60 years.',
    ])
      expect(verdictOf(question, sentence), sentence).not.toBe('no');
  });

  it('settles it on a finding in the group it asks about, however the limit is put', () => {
    const question = 'Does aspirin reduce stroke risk in patients over 60?';
    for (const sentence of [
      'Aspirin did not reduce stroke risk in patients over 60 years.',
      'Among patients older than 60 years, aspirin did not reduce stroke risk.',
    ])
      expect(verdictOf(question, sentence), sentence).toBe('no');
  });

  it('reads a limit in a finding as a group that narrows it, unlike a count of patients', () => {
    const question = 'Does aspirin reduce stroke risk?';
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in patients over 70.')).toBe('unclear');
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in those aged 65 or older.')).toBe('unclear');
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in 1200 patients.')).toBe('no');
  });

  it('does not settle a question about a named group on a finding about an unnamed one', () => {
    expect(
      verdictOf(
        'Does aspirin reduce stroke risk in patients with diabetes?',
        'Aspirin did not reduce stroke risk in our patients.',
      ),
    ).not.toBe('no');
    expect(
      verdictOf(
        'Does aspirin reduce stroke risk in patients with diabetes?',
        'Aspirin did not reduce stroke risk in patients with diabetes.',
      ),
    ).toBe('no');
    // The group may be named by another word of its family ("diabetic" for "diabetes").
    expect(
      verdictOf(
        'Does metformin reduce mortality in diabetic patients?',
        'Metformin did not reduce mortality in patients with diabetes.',
      ),
    ).toBe('no');
  });

  it('does not settle a question about a group on a finding about its others ("without diabetes" for "with diabetes")', () => {
    const question = 'Does aspirin reduce stroke risk in patients with diabetes?';
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in patients without diabetes.')).not.toBe('no');
    // A finding in both covers the group asked about.
    expect(verdictOf(question, 'Aspirin did not reduce stroke risk in patients with and without diabetes.')).toBe('no');
    // The study's own words about its people narrow nothing.
    expect(
      verdictOf(
        'Does exercise lower blood pressure in adults?',
        'Exercise did not decrease blood pressure in the adults studied.',
      ),
    ).toBe('no');
  });
  it('reads "in adults" and "in humans" as the study\'s people: a null finding in the whole cohort settles the question', () => {
    expect(verdictOf('Does vitamin C shorten colds in adults?', 'Vitamin C did not shorten colds.')).toBe('no');
    expect(verdictOf('Does vitamin C shorten colds in humans?', 'Vitamin C did not shorten colds.')).toBe('no');
    // Another group, or a narrower one, still does not.
    expect(
      verdictOf('Does vitamin C shorten colds in adults?', 'Vitamin C did not shorten colds in children.'),
    ).not.toBe('no');
    expect(verdictOf('Does vitamin C shorten colds in older adults?', 'Vitamin C did not shorten colds.')).not.toBe(
      'no',
    );
  });

  it('reads a number as a limit of age only beside a word of age or of people, not a time, a dose or a share', () => {
    for (const text of [
      'colds over 5 years',
      'infused over 60 min',
      'during follow-up over 6 months',
      'doses under 5 mg',
      'in over 50% of patients',
    ])
      expect(limitsAsWords(text), text).toBe(text);
    expect(limitsAsWords('at an age over 65')).toBe('at an age over65');
    expect(limitsAsWords('in those 65 years or older')).toBe('in those over65');
    expect(limitsAsWords('older than 70 years')).toBe('over70');
    expect(
      verdictOf(
        'Does vitamin C shorten colds over 5 years?',
        'Vitamin C did not shorten colds during 5 years of follow-up.',
      ),
    ).toBe('no');
  });
});
