import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../indexer/text/analyze.ts';
import { comparisonsOf } from '../../../../server/verify/judge/comparisons.ts';

const comparisonsIn = (text: string) => comparisonsOf(text, tokenize(text));

describe('comparisonsOf, a comparison of several measures', () => {
  it('reads "compared with B, A gave lower X and higher Y" as one ranking for each measure', () => {
    const found = comparisonsIn('Compared with placebo, drug A gave lower LDL levels and higher HDL levels.');
    expect(found.map((c) => [c.comparative, c.direction, c.scope])).toEqual([
      ['lower', -1, ['ldl']],
      ['higher', 1, ['hdl']],
    ]);
  });

  it('keeps a measure opened by a participle without a direction out of the other measures ("enlarged ventricles")', () => {
    const found = comparisonsIn(
      'Compared with controls, patients had reduced grey matter volume and enlarged ventricles.',
    );
    expect(found.map((c) => [c.comparative, c.scope])).toEqual([['reduced', ['grei', 'matter', 'volum']]]);
  });

  it('reads a comparison of one measure without a scope', () => {
    const [comparison] = comparisonsIn('Compared with city dwellers, farmers had lower blood lead levels.');
    expect(comparison?.scope).toBeUndefined();
  });

  it('reads "Rested adults performed worse on memory tests than B" with the adults as its side, and "more poorly" as below', () => {
    const [worse] = comparisonsIn('Rested adults performed worse on memory tests than sleep-deprived adults.');
    expect(worse?.left).toContain('rest');
    const [poorly] = comparisonsIn('Sleep-deprived adults performed more poorly on memory tests than rested adults.');
    expect(poorly?.gradedBy).toBe(-1);
  });
});
