import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../indexer/paper.schema.ts';
import { bibtexKey, toBibtex, toBibtexFile } from '../../../web/src/citations/bibtex.ts';

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
        '  title = {{Sinks \\{and\\} 100\\% of R\\&D\\_things}},',
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
    expect(entry).toBe('@misc{sink2026paper,\n  title = {{Sinks \\{and\\} 100\\% of R\\&D\\_things}}\n}\n');
    expect(bibtexKey({ id: '???' })).toBe('paper');
  });

  it('keeps the capitals of a title by wrapping it in braces', () => {
    expect(toBibtex({ ...paper, title: 'EMO: Earth Mover Distance' })).toContain(
      'title = {{EMO: Earth Mover Distance}}',
    );
  });

  it('writes only http(s) URLs, never a javascript: one the page refused to link', () => {
    expect(toBibtex({ ...paper, url: 'javascript:alert(1)' })).not.toContain('url =');
    expect(toBibtex({ ...paper, url: 'data:text/html,hi' })).not.toContain('url =');
    expect(toBibtex({ ...paper, url: 'https://x.org/a}b' })).not.toMatch(/url = \{https:\/\/x\.org\/a\}b/);
  });

  it('joins several entries into one file', () => {
    const file = toBibtexFile([paper, { ...paper, id: 'second' }]);
    expect(file.match(/^@article\{/gm)).toHaveLength(2);
  });
});
