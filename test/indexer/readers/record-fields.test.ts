import { describe, expect, it } from 'vitest';
import { coerceField, mapFields } from '../../../indexer/readers/record-fields.ts';

describe('record-fields', () => {
  it('takes a field named venue as the venue before journal and booktitle, keeping those as metadata', () => {
    const { chosen, sourceKey, metadata } = mapFields({
      booktitle: 'Proceedings of NeurIPS',
      Journal: 'JMLR',
      venue: 'NeurIPS',
    });
    expect(chosen.get('venue')).toBe('NeurIPS');
    expect(sourceKey.get('venue')).toBe('venue');
    expect(metadata).toEqual({ booktitle: 'Proceedings of NeurIPS', Journal: 'JMLR' });
  });

  it("keeps a journal article's or a conference paper's publisher as metadata, and takes a book's as its venue", () => {
    const article = mapFields({ entryType: 'JOUR', title: 'Soil carbon', publisher: 'Elsevier' });
    expect(article.chosen.has('venue')).toBe(false);
    expect(article.metadata).toEqual({ entryType: 'JOUR', publisher: 'Elsevier' });
    expect(mapFields({ type: 'paper-conference', publisher: 'ACM' }).chosen.has('venue')).toBe(false);
    expect(mapFields({ entryType: 'book', publisher: 'MIT Press' }).chosen.get('venue')).toBe('MIT Press');
    expect(mapFields({ publisher: 'Zenodo' }).chosen.get('venue')).toBe('Zenodo');
  });

  it('takes a non-blank alias over a blank one ranked before it and drops the blank one', () => {
    const { chosen, sourceKey, metadata } = mapFields({ venue: ' ', journal: 'JMLR' });
    expect([chosen.get('venue'), sourceKey.get('venue')]).toEqual(['JMLR', 'journal']);
    expect(metadata).toEqual({});
  });

  it("cleans a venue's markup and gives blank optional text as unknown", () => {
    expect(coerceField('venue', 'Proc. <i>ACL</i>', { latex: true })).toEqual({
      ok: true,
      value: 'Proc. ACL',
      copyright: null,
    });
    expect(coerceField('url', '  ', { latex: true })).toEqual({ ok: true, value: undefined, copyright: null });
  });

  it("gives an abstract's copyright line apart and a wrong value as a problem at its path", () => {
    expect(coerceField('abstract', 'We measure. © 2020 Elsevier B.V. All rights reserved.', { latex: true })).toEqual({
      ok: true,
      value: 'We measure.',
      copyright: '© 2020 Elsevier B.V. All rights reserved.',
    });
    expect(coerceField('authors', ['Ann Lee', 7], { latex: true })).toMatchObject({ ok: false, path: '[1]' });
    expect(coerceField('metadata', { a: 1 }, { latex: true })).toBeNull();
  });
});
