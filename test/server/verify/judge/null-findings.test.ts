import { describe, expect, it } from 'vitest';
import { findingStance } from '../../../../server/answer/bottom-line.ts';
import { NULL_FINDING } from '../../../../server/verify/judge/null-findings.ts';
import { readSentence } from '../../../../server/verify/judge/stance-reading.ts';

describe('null-findings', () => {
  it('reads "did not improve", "no significant difference" and "little effect" as null findings', () => {
    expect(NULL_FINDING.test('Retrieval did not improve accuracy.')).toBe(true);
    expect(NULL_FINDING.test('There was no significant difference between the groups.')).toBe(true);
    expect(NULL_FINDING.test('The drug had little effect on blood pressure.')).toBe(true);
  });

  it('reads "untouched" and "unaltered" as null findings, as "unchanged" is one', () => {
    expect(NULL_FINDING.test('The weights stay untouched.')).toBe(true);
    expect(NULL_FINDING.test('Accuracy was unaltered.')).toBe(true);
  });

  it('does not read "not only", "not just", "not surprising", "not all" or "not clear" as a null finding', () => {
    expect(
      NULL_FINDING.test('Our results show that retrieval not only improved accuracy but also reduced hallucination.'),
    ).toBe(false);
    expect(NULL_FINDING.test('Retrieval not just improved accuracy but also reduced cost.')).toBe(false);
    expect(NULL_FINDING.test('Our results show that it is not surprising that retrieval improves accuracy.')).toBe(
      false,
    );
    expect(NULL_FINDING.test('Not surprisingly, retrieval improved accuracy.')).toBe(false);
    expect(NULL_FINDING.test('Results show that not all gains came from retrieval.')).toBe(false);
    expect(NULL_FINDING.test('It is not clear whether retrieval improves accuracy.')).toBe(false);
    // A null finding later in the sentence still counts.
    expect(NULL_FINDING.test('Not surprisingly, retrieval did not improve accuracy.')).toBe(true);
  });

  it('lets a "not only … but also" or "not surprisingly" finding read as a finding for the claim', () => {
    const notOnly = 'Our results show that retrieval not only improved accuracy but also reduced hallucination.';
    expect(readSentence(notOnly).nullFinding).toBe(false);
    expect(readSentence(notOnly).negated).toBe(false);
    expect(findingStance(notOnly, 'retrieval improves accuracy')).toBe(1);
    expect(
      findingStance(
        'Our results show that it is not surprising that retrieval improves accuracy.',
        'retrieval improves accuracy',
      ),
    ).toBe(1);
    expect(findingStance('Retrieval did not improve accuracy.', 'retrieval improves accuracy')).toBe(-1);
  });

  it('reads "did not vary" and "no variation" as null findings', () => {
    expect(NULL_FINDING.test('Nest productivity did not vary with brood size.')).toBe(true);
    expect(NULL_FINDING.test('There was no variation in survival between sites.')).toBe(true);
    expect(NULL_FINDING.test('No variants of the gene were found.')).toBe(false);
  });
});
