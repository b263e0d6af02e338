import { describe, expect, it } from 'vitest';
import { pubmedTitle } from '../../../indexer/readers/pubmed-title.ts';

describe('pubmed-title', () => {
  it('takes off the period PubMed ends every title with, keeping "?", "!" and an ellipsis', () => {
    expect(pubmedTitle('Aspirin and stroke.')).toEqual({ title: 'Aspirin and stroke', translated: false });
    expect(pubmedTitle('Should older adults take aspirin?').title).toBe('Should older adults take aspirin?');
    expect(pubmedTitle('Stop the bleeding!').title).toBe('Stop the bleeding!');
    expect(pubmedTitle('Aspirin, statins and...').title).toBe('Aspirin, statins and...');
    expect(pubmedTitle('Cohorts of patients with hepatitis B.').title).toBe('Cohorts of patients with hepatitis B');
  });

  it('keeps a period that ends an abbreviation', () => {
    expect(pubmedTitle('Stroke mortality in the U.S.').title).toBe('Stroke mortality in the U.S.');
    expect(pubmedTitle('Resistance in Staphylococcus spp.').title).toBe('Resistance in Staphylococcus spp.');
    expect(pubmedTitle('Reply to Smith et al.').title).toBe('Reply to Smith et al.');
  });

  it('reads a title in brackets as the English translation of the title, and "[Not Available]" as none', () => {
    expect(pubmedTitle('[Aspirin for stroke in the elderly].')).toEqual({
      title: 'Aspirin for stroke in the elderly',
      translated: true,
    });
    expect(pubmedTitle('[Not Available].')).toEqual({ title: undefined, translated: false });
    // Brackets that do not hold the whole title are part of it.
    expect(pubmedTitle('[Aspirin] and [stroke].')).toEqual({ title: '[Aspirin] and [stroke]', translated: false });
    expect(pubmedTitle('Stroke care [corrected].')).toEqual({ title: 'Stroke care [corrected]', translated: false });
  });
});
