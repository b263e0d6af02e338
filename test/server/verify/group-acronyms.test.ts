import { describe, expect, it } from 'vitest';
import { groupAcronyms } from '../../../server/verify/group-acronyms.ts';

describe('group-acronyms', () => {
  it('gives the acronym in parentheses after a group name, and the initials of a group name of three or more words', () => {
    expect(groupAcronyms('World Health Organization (WHO). (2020). Guidelines on allocation. Geneva.')).toEqual([
      'WHO',
    ]);
    expect(groupAcronyms('Centers for Disease Control and Prevention (CDC). 2021. Interim guidance.')).toEqual([
      'CDC',
      'CDCP',
    ]);
    expect(groupAcronyms('National Aeronautics and Space Administration. (2019). Sea level report.')).toEqual(['NASA']);
    expect(groupAcronyms('The Royal Society of Chemistry (2020). Report.')).toEqual(['RSC']);
  });

  it('gives none for an entry that opens with a person or a lone acronym', () => {
    expect(groupAcronyms('Smith, J., & Lee, K. (2020). A study of things.')).toEqual([]);
    expect(groupAcronyms('Kai Lin. 2020. A study of things.')).toEqual([]);
    expect(groupAcronyms('WHO (2021). Interim recommendations.')).toEqual([]);
  });
});
