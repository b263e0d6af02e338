import { describe, expect, it } from 'vitest';
import { referencesOfExport } from '../../../server/verify/reference-export.ts';
import { MODS_REFERENCES, ZOTERO_RDF_REFERENCES } from '../../support/reference-exports.ts';

describe('reference-export', () => {
  it('reads a pasted MODS or Zotero RDF export as one entry a record, with its DOI, year, first author and title', () => {
    for (const text of [MODS_REFERENCES, ZOTERO_RDF_REFERENCES]) {
      const entries = referencesOfExport(text);
      expect(entries?.map(({ n, doi, year, surname, title }) => ({ n, doi, year, surname, title }))).toEqual([
        {
          n: 1,
          doi: '10.5555/caf.2024.001',
          year: '2024',
          surname: 'lindqvist',
          title: 'Caffeine and working memory in adults',
        },
        { n: 2, doi: null, year: '2022', surname: 'meier', title: 'Glacier melt rates in the Alps' },
      ]);
    }
  });

  it('gives each record of an export written on one line a span holding that line, never an empty one', () => {
    const oneLine = MODS_REFERENCES.replace(/\n<mods>/g, '<mods>');
    const entries = referencesOfExport(oneLine)!;
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(oneLine.slice(entry.start, entry.end)).toContain('<modsCollection');
      expect(oneLine.slice(entry.start, entry.end)).toContain('</modsCollection>');
    }
  });

  it('reads a plain reference list as no export', () => {
    expect(referencesOfExport('[1] Meier, H. (2022). Glacier melt rates in the Alps.')).toBeNull();
  });
});
