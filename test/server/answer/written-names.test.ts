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

  it('finds the names of a long text in time linear in its length (a 64,000-letter word took seconds)', () => {
    // Each letter of a long word once started a match that ran to the word's end (quadratic: 16,000
    // letters took 0.7 s, 64,000 over 10 s); now a match starts only where a word does (about 1 ms).
    const word = 'a'.repeat(64_000);
    const text = `${word} GPT-4 ${word}- Llama-3.1 ${word}`;
    const started = performance.now();
    expect(hyphenatedNames(text).map((name) => name.text)).toEqual(['GPT-4', 'Llama-3.1']);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
