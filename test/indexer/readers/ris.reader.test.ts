import { describe, expect, it } from 'vitest';
import { readRis } from '../../../indexer/readers/ris.reader.ts';
import { readFixture, readWith } from './read-fixture.ts';

describe('ris.reader', () => {
  it('reads TY … ER records with "Last, First" authors, wrapped abstracts, journal, year, DOI and keywords', () => {
    const { papers } = readFixture(readRis, 'wild/zotero-export.ris', { repair: true });
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.5555/3495724.3496517',
      title: 'Retrieval-augmented generation for knowledge-intensive NLP tasks',
      authors: ['Patrick Lewis', 'Ethan Perez'],
      venue: 'Advances in Neural Information Processing Systems',
      year: 2020,
      abstract:
        'Large pre-trained language models store factual knowledge in their parameters. We combine them with a dense retriever.',
      tags: ['retrieval', 'generation'],
      metadata: { entryType: 'JOUR', volume: '33', startPage: '9459', endPage: '9474' },
    });
    expect(papers[0]?.location).toEqual({ file: 'wild/zotero-export.ris', line: 1, record: 1 });
  });

  it('takes the arXiv id from an arxiv.org URL, without its version', () => {
    const { papers } = readFixture(readRis, 'wild/zotero-export.ris', { repair: true });
    expect(papers[1]?.paper).toMatchObject({ id: 'arxiv:2004.04906', arxivId: '2004.04906', year: 2020 });
  });

  it('refuses a record without title or abstract, located at its TY line', () => {
    const { problems } = readFixture(readRis, 'wild/zotero-export.ris', { repair: true });
    expect(problems.map((problem) => [problem.line, problem.record, problem.field])).toEqual([[26, 3, 'title']]);
  });

  it('reports a record left open at the next TY line and at the end of the file, keeping both', () => {
    const text = 'TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\n';
    const { papers, problems } = readWith(readRis, text, 'open.ris', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['One', 'Two']);
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [1, 'the record has no "ER  -" line; it ends where the next "TY  -" starts'],
      [3, 'the record has no "ER  -" line at the end of the file'],
    ]);
  });

  it('makes a key from the content of a record without a DOI, so it stays the same across exports', () => {
    const text = 'TY  - BOOK\nAU  - Knuth, Donald E.\nTI  - The Art of Computer Programming\nPY  - 1968\nER  - \n';
    const { papers } = readWith(readRis, text, 'book.ris', { repair: true });
    expect(papers[0]?.paper.id).toBe('knuth1968computer');
    expect(papers[0]?.fingerprint).toBeNull();
  });

  it('keeps every author whether the export tags them AU or A1, and joins an abstract exported as several AB lines', () => {
    const text = [
      'TY  - JOUR',
      'AU  - Doe, Jane',
      'A1  - Roe, Richard',
      'TI  - Gradient noise in deep networks',
      'AB  - We measure gradient noise.',
      'AB  - It shrinks as the batch grows.',
      'ER  - ',
      '',
    ].join('\r\n');
    const { papers } = readWith(readRis, text, 'mixed.ris', { repair: true });
    expect(papers[0]?.paper).toMatchObject({
      authors: ['Jane Doe', 'Richard Roe'],
      abstract: 'We measure gradient noise. It shrinks as the batch grows.',
    });
  });

  it('stores a DOI exported as a resolver link as the bare DOI, and makes the id from it', () => {
    const text = 'TY  - JOUR\nTI  - Gradient noise\nDO  - https://doi.org/10.1000/XYZ(12)3\nER  - \n';
    const { papers } = readWith(readRis, text, 'link.ris', { repair: true });
    expect(papers[0]?.paper).toMatchObject({ id: 'doi:10.1000/XYZ(12)3', doi: '10.1000/XYZ(12)3' });
  });

  it('keeps a suffix after the name, as RIS writes it ("Last, First, Suffix") and as BibTeX does ("Last, Suffix, First")', () => {
    const text =
      'TY  - JOUR\nAU  - King, Martin Luther, Jr.\nAU  - Lovelace, III, Ada\nAU  - Hopper,\nTI  - Names\nER  - \n';
    const { papers } = readWith(readRis, text, 'names.ris', { repair: true });
    expect(papers[0]?.paper.authors).toEqual(['Martin Luther King Jr.', 'Ada Lovelace III', 'Hopper']);
  });
});
