// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { SELF_DESCRIBING } from '../../../indexer/readers/index.ts';
import { Onboarding } from '../../../web/src/components/onboarding.tsx';
import { formatNames, PASTED_FORMATS } from '../../../web/src/inputs/input-formats.ts';

afterEach(cleanup);

describe('input-formats', () => {
  it('names as pasted reference lists exactly the formats the indexer reads a pasted list in', () => {
    expect([...PASTED_FORMATS].sort()).toEqual([...SELF_DESCRIBING].sort());
  });

  it('lists the formats in prose, ending with "and" or "or"', () => {
    expect(formatNames({ pasted: true, last: 'or' })).toBe(
      'BibTeX, CSL-JSON, RIS, MEDLINE, EndNote tagged text, RefWorks tagged text, PubMed XML, EndNote XML, MODS XML or Zotero RDF',
    );
    expect(formatNames()).toMatch(/^JSON Lines, .*, arXiv Atom and a Zotero library$/);
  });

  it('tells an empty library every format Citelens reads, the tagged texts of EndNote and RefWorks among them', () => {
    render(
      <MemoryRouter>
        <Onboarding />
      </MemoryRouter>,
    );
    const said = screen.getByText(/Citelens reads/).textContent ?? '';
    for (const name of ['EndNote tagged text', 'RefWorks tagged text', 'MODS XML', 'Zotero RDF', 'a Zotero library'])
      expect(said).toContain(name);
  });
});
