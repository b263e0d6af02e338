import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../../indexer/paper.schema.ts';
import { bibtexKey, toBibtex } from '../../../../web/src/pages/paper/bibtex.ts';

const paper: Paper = {
  id: 'sink/2026 paper',
  title: 'Sinks {and} 100% of R&D_things',
  abstract: '',
  authors: ['Ada Lovelace', 'Alan Turing'],
  affiliations: [],
  year: 2026,
  venue: 'NeurIPS',
  url: 'https://example.org/a_b',
  doi: '10.1000/x_y',
  arxivId: '2401.01234',
  tags: [],
  metadata: {},
};

describe('bibtex', () => {
  it('writes an @article with every known field and TeX specials escaped', () => {
    expect(toBibtex(paper)).toBe(
      [
        '@article{sink2026paper,',
        '  title = {Sinks \\{and\\} 100\\% of R\\&D\\_things},',
        '  author = {Ada Lovelace and Alan Turing},',
        '  year = {2026},',
        '  journal = {NeurIPS},',
        '  doi = {10.1000/x_y},',
        '  eprint = {2401.01234},',
        '  archiveprefix = {arXiv},',
        '  url = {https://example.org/a_b}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a @misc without the fields the library does not know', () => {
    const entry = toBibtex({ ...paper, authors: [], year: null, venue: null, url: null, doi: null, arxivId: null });
    expect(entry).toBe('@misc{sink2026paper,\n  title = {Sinks \\{and\\} 100\\% of R\\&D\\_things}\n}\n');
    expect(bibtexKey({ id: '???' })).toBe('paper');
  });
});
