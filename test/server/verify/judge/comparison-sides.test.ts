import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import { headTerms, sideTerm, withoutStatisticAsides } from '../../../../server/verify/judge/comparison-sides.ts';
import { stanceOfEvidence } from '../../../../server/verify/judge/stance-features.ts';

const reversed = (claim: string, evidence: string) => stanceOfEvidence(claim, [evidence]).comparisonConflict;

describe('comparison-sides', () => {
  it('knows the words of one group by one term ("men", "males": male)', () => {
    const [men, males, women, females] = ['men', 'males', 'women', 'females'].map((w) => tokenize(w)[0]!.term!);
    expect(sideTerm(men!)).toBe(sideTerm(males!));
    expect(sideTerm(women!)).toBe(sideTerm(females!));
    expect(sideTerm(men!)).not.toBe(sideTerm(women!));
    expect(sideTerm('patient')).toBe('patient');
  });

  it('blanks a statistic in parentheses, keeping offsets, but not a parenthesis of words', () => {
    const text = 'Uptake was higher in the day ward (64%, n=80) than in the night ward (31%).';
    const { text: plain, tokens } = withoutStatisticAsides(text, tokenize(text));
    expect(plain).toHaveLength(text.length);
    expect(plain).not.toContain('(');
    expect(tokens.map((t) => t.word)).not.toContain('64');
    const worded = 'Uptake was higher in the day ward (staffed by nurses) than in the night ward.';
    expect(withoutStatisticAsides(worded, tokenize(worded)).text).toBe(worded);
  });

  it('reads the head of a side up to the phrase that qualifies it, past a qualifier before it', () => {
    const tokens = tokenize('than in older drivers during the winter months');
    expect(headTerms(tokens, 1, tokens.length)).toEqual(['older', 'driver']);
  });

  it('reads a comparison of "men" and "women" reversed against one of male and female participants', () => {
    const evidence =
      'Recall in male participants tended to be stronger than in female participants after the first session.';
    expect(reversed('Women showed stronger recall than men after the first session.', evidence)).toBe(1);
    expect(reversed('Men showed stronger recall than women after the first session.', evidence)).toBe(0);
  });

  it('tells sides that share their setting apart by their heads ("than in younger patients during …")', () => {
    const evidence = 'Bleeding in younger patients was more frequent than in older patients during the first week.';
    expect(
      reversed(
        'Bleeding in older patients was more frequent than in younger patients during the first week.',
        evidence,
      ),
    ).toBe(1);
    expect(reversed(evidence, evidence)).toBe(0);
  });

  it('reads a side through a statistic in parentheses and after a qualifier ("higher among A (78%) than among B")', () => {
    const evidence = 'Coverage was higher among urban clinics (78%) than among rural clinics (54%).';
    expect(reversed('Vaccination coverage was higher among rural clinics than among urban clinics.', evidence)).toBe(1);
    expect(reversed('Vaccination coverage was higher among urban clinics than among rural clinics.', evidence)).toBe(0);
  });
});
