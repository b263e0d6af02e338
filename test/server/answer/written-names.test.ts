import { describe, expect, it } from 'vitest';
import { hyphenatedNames, isHyphenatedName } from '../../../server/answer/written-names.ts';

describe('written-names', () => {
  it('finds names joined by hyphens or dots to digits or written as names, without a closing dot', () => {
    const text = 'Is GPT-4 or Llama-3.1 better than BERT-base on COVID-19 papers, run on an H100 with anti-TNF.';
    expect(hyphenatedNames(text).map((n) => n.text)).toEqual([
      'GPT-4',
      'Llama-3.1',
      'BERT-base',
      'COVID-19',
      'anti-TNF',
    ]);
    const [gpt] = hyphenatedNames(text);
    expect(text.slice(gpt!.start, gpt!.end)).toBe('GPT-4');
  });

  it('leaves measures, hyphenated words and abbreviations in dots alone', () => {
    for (const token of ['5-year', '2.5-fold', 'non-small-cell', 'e.g', 'T-cell'])
      expect(isHyphenatedName(token), token).toBe(false);
  });
});
