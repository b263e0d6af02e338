import { describe, expect, it } from 'vitest';
import { bottomLine } from '../../../server/answer/bottom-line.ts';
import { withoutCoveringGroups } from '../../../server/answer/covering-groups.ts';

const at = (n: number, text: string) => ({
  n,
  sentence: { field: 'abstract' as const, start: 0, end: text.length, text },
});
const verdict = (question: string, ...sentences: string[]) =>
  bottomLine(
    question,
    sentences.map((text, i) => at(i + 1, text)),
  ).verdict;
const question = 'Does aspirin reduce stroke risk?';

describe('covering-groups', () => {
  it('takes out groups that together hold everyone', () => {
    for (const phrase of [
      'in patients with diabetes or in those without',
      'in patients with diabetes and those without it',
      'in patients with or without diabetes',
      'with or without diabetes',
      'in men or women',
      'in both women and men',
      'among boys and girls',
      'in either sex',
      'in all subgroups',
      'regardless of diabetes status',
      'irrespective of age',
    ])
      expect(withoutCoveringGroups(`Aspirin did not reduce stroke risk ${phrase}.`).trim(), phrase).toBe(
        'Aspirin did not reduce stroke risk .',
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
      expect(verdict(question, `Aspirin did not reduce stroke risk ${tail}.`), tail).toBe('no');
    // A group that holds only some still narrows it.
    expect(verdict(question, 'Aspirin did not reduce stroke risk in patients with diabetes.')).toBe('unclear');
    expect(verdict(question, 'Aspirin did not reduce stroke risk in women.')).toBe('unclear');
  });
});
