import { describe, expect, it } from 'vitest';
import { joinHyphenatedLineBreaks } from '../../../indexer/text/line-breaks.ts';

describe('line-breaks', () => {
  it('joins a word that a line break hyphenates, and leaves other hyphens and line breaks alone', () => {
    expect(joinHyphenatedLineBreaks('run on every-\n   day CPUs')).toBe('run on everyday CPUs');
    expect(joinHyphenatedLineBreaks('leak-\r\nage')).toBe('leakage');
    expect(joinHyphenatedLineBreaks('purpose-built\nkernels')).toBe('purpose-built\nkernels');
    expect(joinHyphenatedLineBreaks('Retrieval-\nAugmented')).toBe('Retrieval-\nAugmented');
  });
});
