import { describe, expect, it } from 'vitest';
import { labelCeilingsOf } from '../../../server/eval/label-ceilings.ts';
import type { SetClaim, VerifySet } from '../../../server/eval/verify-sets.ts';

const document = { title: '', abstract: 'Masks lowered infections.', sentences: [] };

function setOf(claims: SetClaim[]): VerifySet {
  return { name: 'test', folder: '/nowhere', documents: new Map([['d', document]]), claims };
}

const claim = (id: string, text: string, label: 'support' | 'contradict' | 'cited'): SetClaim => ({
  id,
  group: id,
  claim: text,
  cited: [{ docId: 'd', label }],
});

describe('label-ceilings', () => {
  it('finds no ceiling when every input has one label', () => {
    const ceilings = labelCeilingsOf(
      setOf([
        claim('1', 'Masks lower infections.', 'support'),
        claim('2', 'Masks raise infections.', 'contradict'),
        claim('3', 'Masks cure colds.', 'cited'),
      ]),
    );
    expect(ceilings).toEqual({
      repeatedCited: 0,
      repeatedContradicting: 0,
      evidenceVsCited: 1,
      supportVsContradict: 1,
    });
  });

  it('caps evidence vs cited at chance when each unverifiable claim repeats an evidence claim word for word', () => {
    const ceilings = labelCeilingsOf(
      setOf([
        claim('1_0', 'Masks lower infections.', 'support'),
        claim('1_1', 'Masks lower  infections. ', 'cited'),
        claim('2_0', 'Masks raise infections.', 'contradict'),
        claim('2_1', 'Masks raise infections.', 'cited'),
      ]),
    );
    expect(ceilings.repeatedCited).toBe(2);
    expect(ceilings.evidenceVsCited).toBe(0.5);
    expect(ceilings.supportVsContradict).toBe(1);
  });

  it('lets the inputs that are evidence only rank above the repeated ones', () => {
    const ceilings = labelCeilingsOf(
      setOf([
        claim('1_0', 'Masks lower infections.', 'support'),
        claim('1_1', 'Masks raise infections.', 'contradict'),
        claim('1_2', 'Masks raise infections.', 'cited'),
      ]),
    );
    // Two evidence pairs against one cited: the supporting one ranks above it (1), the repeated one ties (0.5).
    expect(ceilings.evidenceVsCited).toBe(0.75);
    expect(ceilings.repeatedCited).toBe(1);
  });
});
