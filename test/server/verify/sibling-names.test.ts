import { describe, expect, it } from 'vitest';
import { siblingNamesOf } from '../../../server/verify/sibling-names.ts';

describe('sibling-names', () => {
  it('finds a numbered name whose family the text names with another number', () => {
    expect(siblingNamesOf(['CCR9'], ['T cells express more CCR4 and home to the lung.'])).toEqual(['CCR9']);
    expect(siblingNamesOf(['IRF-7'], ['Cells lacking IRF3 are vulnerable.'])).toEqual(['IRF-7']);
    expect(siblingNamesOf(['IL-17A'], ['IL-17F was raised.'])).toEqual(['IL-17A']);
  });

  it('leaves out a name the text names with the same number, one of no family it names, and words without a capital', () => {
    expect(siblingNamesOf(['CCR4'], ['T cells express CCR4.'])).toEqual([]);
    expect(siblingNamesOf(['CCR9'], ['T cells express CXCR4.'])).toEqual([]);
    expect(siblingNamesOf(['day3'], ['Counts on day5 rose.'])).toEqual([]);
    expect(siblingNamesOf(['heritable'], ['Clutch size is plastic.'])).toEqual([]);
  });

  it('leaves out a name the text spells another way beside a sibling ("APOE-ε4", "IL-1beta")', () => {
    expect(siblingNamesOf(['APOE4'], ['Carriers of APOE-ε4 and APOE2 differed.'])).toEqual([]);
    expect(siblingNamesOf(['IL-1β'], ['Endotoxin raised IL-1beta and IL-6.'])).toEqual([]);
    expect(siblingNamesOf(['APOE4'], ['Carriers of APOE2 differed.'])).toEqual(['APOE4']);
    expect(siblingNamesOf(['IL-1β'], ['Endotoxin raised IL-1alpha.'])).toEqual(['IL-1β']);
    expect(siblingNamesOf(['Llama-3'], ['We fine-tune Llama-2-7B.'])).toEqual(['Llama-3']);
  });

  it('counts a release as another member ("GPT-3.5" is not "GPT-3") and a spaced year as none ("COVID 2020")', () => {
    expect(siblingNamesOf(['GPT-3'], ['We evaluate GPT-3.5 on clinical questions.'])).toEqual(['GPT-3']);
    expect(siblingNamesOf(['Llama-3'], ['We fine-tune Llama-3.1-8B and Mistral-7B.'])).toEqual(['Llama-3']);
    expect(siblingNamesOf(['COVID-19'], ['During the COVID 2020 lockdown, visits fell.'])).toEqual([]);
    expect(siblingNamesOf(['CCR9'], ['Lung DCs imprint CCR 4 expression.'])).toEqual(['CCR9']);
  });
});
