import { describe, expect, it } from 'vitest';
import { readRefworks } from '../../../indexer/readers/refworks.reader.ts';
import { readRis } from '../../../indexer/readers/ris.reader.ts';
import { readFixture, readWith } from './read-fixture.ts';

describe('refworks.reader', () => {
  it('reads RT … records: T1, "Last, First" A1 authors, wrapped AB, JF, YR, DOI link made bare, K1 keywords', () => {
    const { papers } = readFixture(readRefworks, 'wild/refworks-export.txt', { repair: true });
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.18653/v1/2020.emnlp-main.550',
      doi: '10.18653/v1/2020.emnlp-main.550',
      title: 'Dense passage retrieval for open-domain question answering',
      authors: ['Vladimir Karpukhin', 'Barlas Oğuz', 'Wen-tau Yih'],
      venue: 'Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing',
      year: 2020,
      abstract:
        'Open-domain question answering relies on efficient passage retrieval to select candidate contexts. DPR outperforms a strong Lucene-BM25 system by 9%-19% absolute in top-20 passage retrieval accuracy.',
      tags: ['question answering', 'dense retrieval', 'passage ranking'],
      url: 'https://aclanthology.org/2020.emnlp-main.550',
      metadata: {
        entryType: 'Journal Article',
        journalAbbreviation: 'EMNLP',
        referenceId: '1042',
        startPage: '6769',
        otherPages: '6781',
        language: 'English',
      },
    });
    expect(papers.map(({ location }) => location.line)).toEqual([1, 21, 33]);
  });

  it('splits authors written on one A1 line with ";", and takes a book section’s venue from T2', () => {
    const { papers } = readFixture(readRefworks, 'wild/refworks-export.txt', { repair: true });
    expect(papers[1]?.paper).toMatchObject({
      id: 'muller1998uber',
      authors: ['Jürgen Müller', 'Åsa Ångström'],
      venue: 'Handbuch der Physik',
      metadata: { entryType: 'Book, Section', publisher: 'Springer', place: 'Berlin' },
    });
    expect(papers[1]?.paper.metadata).not.toHaveProperty('secondaryTitle');
  });

  it('takes the arXiv id from an arxiv.org URL, keeps a record without an abstract, and refuses one without a title', () => {
    const { papers, problems } = readFixture(readRefworks, 'wild/refworks-export.txt', { repair: true });
    expect(papers[2]?.paper).toMatchObject({ id: 'arxiv:1706.03762', abstract: '' });
    expect(problems.map((problem) => [problem.line, problem.record, problem.field])).toEqual([[44, 4, 'title']]);
  });

  it('starts a record at each RT line even without a blank line, and reports a title written twice', () => {
    const text = 'RT Journal Article\nT1 One\nRT Journal Article\nT1 Two\nT1 Three\n';
    const { papers, repairs } = readWith(readRefworks, text, 'rw.txt', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['One', 'Two']);
    expect(papers[1]?.paper.metadata).toMatchObject({ otherTitles: ['Three'] });
    expect(repairs.map((repair) => [repair.line, repair.record, repair.field])).toEqual([[5, 2, 'T1']]);
  });

  it('takes only RefWorks tags for tag lines, so a wrapped abstract line starting with capitals continues it', () => {
    const text = 'RT Journal Article\nT1 Tumours\nAB We studied\nDNA repair in tumours.\n';
    const { papers } = readWith(readRefworks, text, 'rw.txt');
    expect(papers[0]?.paper.abstract).toBe('We studied DNA repair in tumours.');
  });

  it('reads no records from RIS text, saying where it expected a tag line', () => {
    const ris = 'TY  - JOUR\nTI  - T\nER  - \n';
    expect(readRis(ris, 'x.ris').records).toHaveLength(1);
    const { records, problems } = readRefworks(ris, 'x.txt');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'x.txt',
        line: 1,
        record: null,
        field: null,
        message:
          'expected a tag line such as "RT Journal Article" (RefWorks tagged text); text before the first record was ignored',
      },
    ]);
  });
  it('reads a record of 100,000 author lines in time proportional to its size', () => {
    const text = `RT Journal Article\nT1 Many authors\n${'A1 Doe, Jane\n'.repeat(100_000)}`;
    const started = performance.now();
    const { records } = readRefworks(text, 'many.txt');
    expect(records[0]?.fields.authors).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('takes the abbreviation (JO), else the book (T2), as the venue when the JF line is blank', () => {
    const text = [
      'RT Journal Article',
      'A1 Lin, Kai',
      'T1 Sparse retrieval at scale',
      'JF ',
      'JO Trans. Mach. Learn. Res.',
      'YR 2023',
      '',
      'RT Book, Section',
      'A1 Roe, Ray',
      'T1 Dense retrieval for law',
      'JF ',
      'T2 Handbook of Legal Informatics',
      'YR 2021',
    ].join('\n');
    const { papers, problems } = readWith(readRefworks, text, 'refworks.txt');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.venue)).toEqual([
      'Trans. Mach. Learn. Res.',
      'Handbook of Legal Informatics',
    ]);
    expect(papers[0]?.paper.metadata.journalAbbreviation).toBeUndefined();
  });
});
