import { describe, expect, it } from 'vitest';
import { titleCaseCapitals } from '../../../indexer/readers/capitals.ts';

describe('capitals', () => {
  it('writes a venue in capitals in title case, short function words in lower case but the first', () => {
    expect(titleCaseCapitals('JOURNAL OF THE AMERICAN CHEMICAL SOCIETY')).toBe(
      'Journal of the American Chemical Society',
    );
    expect(titleCaseCapitals('NATURE')).toBe('Nature');
    expect(titleCaseCapitals('THE LANCET')).toBe('The Lancet');
    expect(titleCaseCapitals('ZEITSCHRIFT FUR ANORGANISCHE UND ALLGEMEINE CHEMIE')).toBe(
      'Zeitschrift fur Anorganische und Allgemeine Chemie',
    );
  });

  it('keeps acronyms, words without vowels, Roman numerals, single letters, digits and parenthesised words', () => {
    expect(titleCaseCapitals('IEEE TRANSACTIONS ON PATTERN ANALYSIS AND MACHINE INTELLIGENCE')).toBe(
      'IEEE Transactions on Pattern Analysis and Machine Intelligence',
    );
    expect(titleCaseCapitals('BMC BIOINFORMATICS')).toBe('BMC Bioinformatics');
    expect(titleCaseCapitals('PHYSICAL REVIEW B')).toBe('Physical Review B');
    expect(titleCaseCapitals('ADVANCES IN NEURAL INFORMATION PROCESSING SYSTEMS 32 (NIPS 2019)')).toBe(
      'Advances in Neural Information Processing Systems 32 (NIPS 2019)',
    );
    expect(titleCaseCapitals('SARS-COV-2 RESEARCH')).toBe('SARS-COV-2 Research');
    expect(titleCaseCapitals('ACS APPLIED MATERIALS & INTERFACES')).toBe('ACS Applied Materials & Interfaces');
    expect(titleCaseCapitals('ELIFE')).toBe('eLife');
  });

  it('starts each part of a hyphenated title afresh, as WoS writes a colon as a hyphen', () => {
    expect(titleCaseCapitals('JOURNAL OF PHYSICS A-MATHEMATICAL AND THEORETICAL')).toBe(
      'Journal of Physics A-Mathematical and Theoretical',
    );
    expect(titleCaseCapitals('JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION')).toBe(
      'JAMA-Journal of the American Medical Association',
    );
  });

  it('leaves text holding any lower-case letter, or no letter, as written', () => {
    expect(titleCaseCapitals('Journal of the ACM')).toBe('Journal of the ACM');
    expect(titleCaseCapitals('PLoS ONE')).toBe('PLoS ONE');
    expect(titleCaseCapitals('2021')).toBe('2021');
  });
  it("writes a word as the venue's mixed-case ISO abbreviation writes it, not trusting one in capitals without periods", () => {
    expect(titleCaseCapitals('BJU INTERNATIONAL', 'BJU Int.')).toBe('BJU International');
    expect(titleCaseCapitals('AAPS JOURNAL', 'AAPS J.')).toBe('AAPS Journal');
    expect(titleCaseCapitals('NATURE', 'NATURE')).toBe('Nature');
    expect(titleCaseCapitals('JOURNAL OF THE AMERICAN CHEMICAL SOCIETY', 'J AM CHEM SOC')).toBe(
      'Journal of the American Chemical Society',
    );
  });
});
