import { describe, expect, it } from 'vitest';
import { readMedline } from '../../../indexer/readers/medline.reader.ts';
import { readFixture, readWith } from './read-fixture.ts';

describe('medline.reader', () => {
  it('reads PMID, TI, AB (wrapped), FAU, DP, JT, MeSH headings and the DOI from LID', () => {
    const { papers, problems } = readFixture(readMedline, 'wild/pubmed.nbib');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'pmid:31452104',
      title: 'Aspirin use and the risk of colorectal cancer: a cohort study of older adults',
      abstract:
        'Importance: Aspirin may prevent colorectal cancer. Objective: To study the association in adults over 70.',
      authors: ['Kimmie Ng', "Sean O'Brien"],
      year: 2019,
      venue: 'JAMA',
      doi: '10.1001/jama.2019.1234',
      tags: ['Aged', 'Aspirin', 'Colorectal Neoplasms', 'chemoprevention'],
      metadata: {
        pmid: '31452104',
        language: 'eng',
        publicationTypes: 'Journal Article',
        meshHeadings: ['Aged', 'Aspirin/therapeutic use', 'Colorectal Neoplasms/prevention & control'],
      },
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
    expect(papers[0]?.paper.tags).toEqual(['Receptors, GABA-B', 'Cryoelectron Microscopy', 'cryo-EM']);
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

  it('keeps a suffix after the family name ("Reynolds, Charles F 3rd" → "Charles F Reynolds 3rd")', () => {
    const { papers } = readFixture(readMedline, 'wild/pubmed-elsevier.nbib');
    expect(papers[0]?.paper.authors).toEqual(['Charles F Reynolds 3rd', 'Sidney C Smith Jr', 'Rafel Ramos']);
  });

  it('tags the MeSH descriptor without its qualifiers, as PubMed XML does, keeping the whole headings as metadata', () => {
    const { papers } = readFixture(readMedline, 'wild/pubmed-elsevier.nbib');
    expect(papers[0]?.paper.tags).toEqual([
      'Aged',
      'Aged, 80 and over',
      'Cardiovascular Diseases',
      'Female',
      'Humans',
      'Hydroxymethylglutaryl-CoA Reductase Inhibitors',
      'older adults',
      'statins',
    ]);
    expect(papers[0]?.paper.metadata.meshHeadings).toContain(
      'Hydroxymethylglutaryl-CoA Reductase Inhibitors/adverse effects/therapeutic use',
    );
  });

  it("takes the publisher's copyright statement off the end of the abstract and keeps it as metadata", () => {
    const { papers } = readFixture(readMedline, 'wild/pubmed-elsevier.nbib');
    expect(papers[0]?.paper.abstract).toBe(
      'BACKGROUND: The benefit of statins after age 75 is uncertain. METHODS: We followed 46,864 adults without ' +
        'cardiovascular disease. RESULTS: Statin use was associated with fewer cardiovascular events. ' +
        'CONCLUSIONS: Statins may benefit older adults.',
    );
    expect(papers[0]?.paper.metadata.copyright).toBe(
      'Copyright (c) 2019 American College of Cardiology Foundation. Published by Elsevier Inc. All rights reserved.',
    );
    expect(papers[0]?.paper.doi).toBe('10.1016/j.jacc.2019.07.061');
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

  it("takes off PubMed's closing period and a translated title's brackets, keeping ?, abbreviations and the original title", () => {
    const { papers, problems } = readFixture(readMedline, 'wild/pubmed-titles.nbib');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.metadata.titleTranslated])).toEqual([
      ['pmid:35012345', 'Aspirin and stroke', undefined],
      ['pmid:35012346', 'Should older adults take aspirin?', undefined],
      ['pmid:35012347', 'Aspirin for the secondary prevention of stroke in the elderly', true],
      // "[Not Available]." is no title: the title in the article's own language stands in.
      ['pmid:35012348', "Prévention de l'accident vasculaire cérébral par l'aspirine", undefined],
      ['pmid:35012349', 'Antimicrobial resistance in Staphylococcus spp.', undefined],
      ['pmid:35012350', 'Stroke mortality in the U.S.', undefined],
    ]);
    expect(papers[2]?.paper.metadata.vernacularTitle).toBe(
      'Acetylsalicylsäure zur Sekundärprävention des Schlaganfalls im Alter',
    );
  });

  it("reads PubMed Bookshelf records: a chapter's book as its venue, an edited book by its editors", () => {
    const { papers, problems } = readFixture(readMedline, 'wild/pubmed-books.nbib');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'pmid:20301295',
      title: 'Alpha-1 Antitrypsin Deficiency',
      venue: 'GeneReviews(R)',
      authors: ['James K Stoller'],
      metadata: { editors: ['Margaret P Adam', 'Jerry Feldman'] },
    });
    expect(papers[1]?.paper).toMatchObject({
      id: 'pmid:28876802',
      title: 'Communities in Action: Pathways to Health Equity',
      venue: null,
      authors: ['Alina Baciu', 'Yamrot Negussie'],
      doi: '10.17226/24624',
    });
  });
});
