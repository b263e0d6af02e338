import { describe, expect, it } from 'vitest';
import { readMedline } from '../../../indexer/readers/medline.reader.ts';
import { readFixture, readWith } from './read-fixture.ts';

describe('medline.reader', () => {
  it('reads PMID, TI, AB (wrapped), FAU, DP, JT, MeSH headings and the DOI from LID', () => {
    const { papers, problems } = readFixture(readMedline, 'wild/pubmed.nbib');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'pmid:31452104',
      title: 'Aspirin use and the risk of colorectal cancer: a cohort study of older adults.',
      abstract:
        'Importance: Aspirin may prevent colorectal cancer. Objective: To study the association in adults over 70.',
      authors: ['Kimmie Ng', "Sean O'Brien"],
      year: 2019,
      venue: 'JAMA',
      doi: '10.1001/jama.2019.1234',
      tags: ['Aged', 'Aspirin/therapeutic use', 'Colorectal Neoplasms/prevention & control', 'chemoprevention'],
      metadata: { pmid: '31452104', language: 'eng', publicationTypes: 'Journal Article' },
    });
    expect(papers.map(({ location }) => location.line)).toEqual([1, 23]);
  });

  it('keeps a record with only a title', () => {
    const { papers } = readFixture(readMedline, 'wild/pubmed.nbib');
    expect(papers[1]?.paper).toMatchObject({ id: 'pmid:29000001', abstract: '', authors: ['Jane Doe'], year: 2017 });
  });

  it('keeps a MeSH heading whose name holds a comma as one tag', () => {
    const text =
      'PMID- 31452104\nTI  - GABA receptors.\nMH  - Receptors, GABA-B/*chemistry\nMH  - Cryoelectron Microscopy\n' +
      'OT  - cryo-EM\n';
    const { papers } = readWith(readMedline, text, 'pubmed.nbib');
    expect(papers[0]?.paper.tags).toEqual(['Receptors, GABA-B/chemistry', 'Cryoelectron Microscopy', 'cryo-EM']);
  });

  it('counts a collective author (CN) among the authors, in the place it is written', () => {
    const text =
      'PMID- 33000001\nTI  - Genomic surveillance.\nFAU - Smith, Jane\nAU  - Smith J\n' +
      'CN  - COVID-19 Genomics UK (COG-UK) Consortium\nFAU - Doe, John\nAU  - Doe J\n';
    const { papers } = readWith(readMedline, text, 'pubmed.nbib');
    expect(papers[0]?.paper.authors).toEqual(['Jane Smith', 'COVID-19 Genomics UK (COG-UK) Consortium', 'John Doe']);
  });

  it('reads "AU" names without an "FAU" as initials then family name, as "FAU" names read', () => {
    const text =
      'PMID- 33000002\nTI  - Short names.\nAU  - Smith J\nAU  - van der Berg AB\nAU  - King ML Jr\n' +
      'CN  - WHO Working Group\n';
    const { papers } = readWith(readMedline, text, 'pubmed.nbib');
    expect(papers[0]?.paper.authors).toEqual(['J Smith', 'AB van der Berg', 'ML King Jr', 'WHO Working Group']);
  });

  it('says so when text before the first record is not MEDLINE', () => {
    const { problems } = readWith(readMedline, 'hello there\nPMID- 1\nTI  - T\n', 'x.txt');
    expect(problems).toEqual([
      {
        file: 'x.txt',
        line: 1,
        record: null,
        field: null,
        message: 'expected a MEDLINE tag line such as "PMID- 12345"; text before the first record was ignored',
      },
    ]);
  });
});
