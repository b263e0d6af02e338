import { describe, expect, it } from 'vitest';
import { foldedTerm, foldedTermsOf, foldSpelling, isNumberWord } from '../../../server/verify/word-forms.ts';

describe('word-forms', () => {
  it('folds British spellings, Greek letters and hyphens to one form', () => {
    expect(
      ['Tumour', 'haemoglobin', 'Oestrogen', 'colour', 'artefact', 'TNF-α', 'fine-tuning'].map(foldSpelling),
    ).toEqual(['tumor', 'hemoglobin', 'estrogen', 'color', 'artifact', 'tnfalpha', 'finetuning']);
  });

  it('reads each word of a text and each hyphenated compound as one word', () => {
    const found = foldedTermsOf('Fine-tuning of β-catenin in tumours');
    for (const word of ['finetuning', 'fine', 'tuning', 'betacatenin', 'beta', 'tumor'])
      expect(found).toContain(foldedTerm(word));
  });

  it('tells number words and multiples from other words', () => {
    for (const word of ['fourteen', 'fourteen-fold', 'twofold', 'Twice', 'doubled', 'times', 'hundred'])
      expect(isNumberWord(word)).toBe(true);
    for (const word of ['often', 'tenfoldness', 'twin', 'fold-change']) expect(isNumberWord(word)).toBe(false);
  });
});
