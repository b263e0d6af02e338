import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import { rankedPairsOf } from '../../../../server/verify/judge/ranked-pairs.ts';
import {
  stanceOfEvidence,
  stanceOfEvidenceVoting,
  voteSentencesOf,
} from '../../../../server/verify/judge/stance-features.ts';

const pairs = (text: string) => rankedPairsOf(text, tokenize(text));
const reversed = (claim: string, evidence: string) => stanceOfEvidence(claim, [evidence]).comparisonConflict;

describe('ranked-pairs', () => {
  it('reads "highest among A and lowest among B" as A above B', () => {
    expect(pairs('Uptake was highest among farmers (61%) and lowest among teachers (22%).')).toEqual([
      { direction: 1, left: ['farmer'], right: ['teacher'], wide: false, ranked: true },
    ]);
    expect(pairs('Uptake was highest among farmers.')).toEqual([]);
  });

  it('reads two values stated the same way on either side of "while" as a ranking of their sides', () => {
    const [pair] = pairs(
      'The rule-based parser labelled 71% of clauses correctly while the neural parser labelled 88% of clauses correctly.',
    );
    expect(pair?.direction).toBe(-1);
    expect(pair?.left).toContain('rule');
    expect(pair?.right).toContain('neural');
  });

  it('names each side after its value when both are followed by the same qualifier ("45% among A versus 30% among B")', () => {
    expect(pairs('Relapse was seen in 45% among day patients versus 30% among inpatients.')).toEqual([
      { direction: 1, left: ['dai', 'patient'], right: ['inpati'], wide: false, measure: ['relaps'], ranked: true },
    ]);
  });

  it('does not rank two values stated differently ("reached 71% whereas cost fell by 88%")', () => {
    expect(pairs('Sensitivity reached 71% whereas the cost fell by 88%.')).toEqual([]);
    expect(pairs('Sensitivity was 71% whereas the neural parser took 88 seconds.')).toEqual([]);
  });

  it('finds a claim that swaps the superlatives reversed, and one that keeps them not', () => {
    const evidence = 'Uptake was highest among farmers (61%) and lowest among teachers (22%).';
    expect(reversed('Uptake was highest among teachers and lowest among farmers.', evidence)).toBe(1);
    expect(reversed('Uptake was highest among farmers and lowest among teachers.', evidence)).toBe(0);
  });

  it('finds a ranking of the measure reversed by two values, also when the stance was read on one clause of them', () => {
    const evidence =
      'On the test set the rule-based parser labelled 71% of clauses correctly while the neural parser labelled 88% of clauses correctly.';
    const claim = 'The rule-based parser labelled more clauses correctly than the neural parser on the test set.';
    expect(reversed(claim, evidence)).toBe(1);
    expect(reversed('The neural parser labelled more clauses correctly than the rule-based parser.', evidence)).toBe(0);
    // The scorer reads the stance in the clause that matches the claim; the comparison spans the sentence.
    const clause = 'On the test set the rule-based parser labelled 71% of clauses correctly';
    const voters = voteSentencesOf([evidence]);
    expect(stanceOfEvidenceVoting(claim, [clause], voters).comparisonConflict).toBe(1);
  });

  it('never reads a claim of worth ("outperformed", "more effective") against two values or superlatives', () => {
    const values = 'On the test set the tagger scored 71% while the chunker scored 88%.';
    expect(reversed('The tagger outperformed the chunker on the test set.', values)).toBe(0);
    expect(reversed('The tagger was more effective than the chunker on the test set.', values)).toBe(0);
    const superlatives = 'Adherence was highest among nurses and lowest among surgeons.';
    expect(reversed('Surgeons performed better than nurses.', superlatives)).toBe(0);
    expect(reversed('Adherence was higher among surgeons than among nurses.', superlatives)).toBe(1);
  });

  it('does not rank values of different measures, nor changes', () => {
    expect(
      pairs('The parser reached 71% precision on news text while the tagger reached 84% recall on forum posts.'),
    ).toEqual([]);
    expect(pairs('Triglycerides fell by 30% with drug B versus 12% with diet alone.')).toEqual([]);
    expect(pairs('Uptake rose from 20% in farmers versus 35% in teachers.')).toEqual([]);
  });

  it('reads a change word only just before the first value as making the values changes', () => {
    expect(pairs('In the improved protocol recall was 62% among novices versus 85% among experts.')).toEqual([
      { direction: -1, left: ['novic'], right: ['expert'], wide: false, ranked: true },
    ]);
    expect(pairs('Recall on the protocol improved by 62% among novices versus 85% among experts.')).toEqual([]);
  });

  it('reads a pair ranked by a lower-is-better measure against a claim only when it compares amounts of that measure', () => {
    const evidence = 'Mortality was 7% with the new regimen versus 10% with the standard regimen.';
    expect(
      reversed('The new regimen was more effective than the standard regimen in preventing death.', evidence),
    ).toBe(0);
    expect(reversed('The standard regimen outperformed the new regimen.', evidence)).toBe(0);
    expect(reversed('The new regimen had higher mortality than the standard regimen.', evidence)).toBe(1);
    expect(reversed('The new regimen had lower mortality than the standard regimen.', evidence)).toBe(0);
    const superlatives = 'Error was lowest for the pruned network and highest for the full network.';
    expect(reversed('The pruned network outperformed the full network.', superlatives)).toBe(0);
    expect(reversed('The pruned network had higher error than the full network.', superlatives)).toBe(1);
    // An explicit comparison of the measure is read the same way.
    expect(
      reversed(
        'The full network outperformed the pruned network.',
        'The pruned network had a higher error rate than the full network.',
      ),
    ).toBe(0);
  });
});
