import { describe, expect, it } from 'vitest';
import { SubwordIndex, trigramsOf } from '../../../../indexer/embedders/lsa/subword.ts';

describe('subword', () => {
  it('cuts a term into trigrams with its boundaries marked', () => {
    expect([...trigramsOf('empathi')]).toEqual(['<em', 'emp', 'mpa', 'pat', 'ath', 'thi', 'hi>']);
  });

  it('finds the fitted words an unknown variant shares most of its pieces with, most alike first', () => {
    const index = new SubwordIndex(['empathi', 'compass', 'patient', 'galaxi', 'empir']);
    // "empathetic" and "empathic" stem to "empathet" and "empath"; the model was fitted on "empathi" (empathy).
    const variant = index.neighbours('empathet');
    expect(variant[0]).toEqual({ row: 0, similarity: 0.5 });
    expect(index.neighbours('empath')[0]).toEqual({ row: 0, similarity: 0.625 });
    expect(variant.every(({ similarity }) => similarity >= 0.4)).toBe(true);
  });

  it('finds nothing for short terms or words sharing too few pieces', () => {
    const index = new SubwordIndex(['empathi', 'galaxi']);
    expect(index.neighbours('emp')).toEqual([]);
    expect(index.neighbours('zyzzyva')).toEqual([]);
    expect(new SubwordIndex([]).neighbours('empathet')).toEqual([]);
  });
});
