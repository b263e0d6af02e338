import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv, readTsv } from '../../../indexer/readers/csv.reader.ts';
import { splitScopusAuthors } from '../../../indexer/readers/exporter-columns.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { fixture, paperById, readFixture, readWith } from './read-fixture.ts';

describe('csv.reader', () => {
  it('reads the CSV fixture into papers located at the line each row starts on', () => {
    const { papers, problems } = readFixture(readCsv, 'papers.csv');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.location.line, entry.location.record])).toEqual([
      ['vaswani2017', 2, 1],
      ['lewis2020rag', 3, 2],
      ['karpukhin2020dpr', 6, 3],
    ]);
  });

  it('splits list cells on ";", "|", " and " and between full names, and keeps unknown columns as metadata', () => {
    const { papers } = readFixture(readCsv, 'papers.csv');
    expect(paperById(papers, 'vaswani2017').paper).toMatchObject({
      abstract: 'Introduces the Transformer, a sequence model built only from attention layers.',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      year: 2017,
      venue: 'NeurIPS',
      tags: ['transformers', 'attention'],
      metadata: { pages: '5998-6008' },
    });
    expect(paperById(papers, 'lewis2020rag').paper).toMatchObject({
      // The cell's line break is whitespace like any other: stored text is collapsed to single spaces.
      abstract: 'Pairs a seq2seq generator with a dense retriever. Answers are conditioned on retrieved "passages".',
      authors: ['Patrick Lewis', 'Ethan Perez'],
      tags: ['retrieval', 'rag'],
      metadata: {},
    });
    expect(paperById(papers, 'karpukhin2020dpr').paper.authors).toEqual(['Vladimir Karpukhin', 'Barlas Oguz']);
  });

  it('reads the TSV fixture, where quotes inside a cell are ordinary characters', () => {
    const { papers, problems } = readFixture(readTsv, 'papers.tsv');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => entry.location.line)).toEqual([2, 3, 4]);
    expect(paperById(papers, 'lewis2020rag').paper).toMatchObject({
      abstract: 'Pairs a generator with a "dense" retriever.',
      authors: ['Patrick Lewis', 'Ethan Perez'],
      tags: ['retrieval', 'rag'],
    });
    expect(paperById(papers, 'asai2023selfrag').paper.tags).toEqual([]);
  });

  it('reads CSV separated by semicolons, as spreadsheets in many locales save it, keeping quoted semicolons', () => {
    const text =
      'Title;Authors;Year;Abstract;DOI\r\n"Sparse experts; a survey";"Doe, J.; Roe, R.";2022;"We survey ""sparse"" experts.";10.1/abc\r\n';
    const { papers, problems } = readWith(readCsv, text, 'export.csv');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.1/abc',
      title: 'Sparse experts; a survey',
      authors: ['J. Doe', 'R. Roe'],
      year: 2022,
      abstract: 'We survey "sparse" experts.',
    });
  });

  it('keeps reading by commas when only the cells, not the header, hold semicolons', () => {
    const text = 'title,abstract\nA; B; C,"x; y; z"\n';
    const { papers } = readWith(readCsv, text, 'plain.csv');
    expect(papers[0]?.paper).toMatchObject({ title: 'A; B; C', abstract: 'x; y; z' });
  });

  it('takes the venue of a Zotero conference paper without a Publication Title from its Conference Name, before its Publisher', () => {
    const text =
      'Key,Item Type,Title,Publication Title,Publisher,Conference Name\n' +
      'K2,conferencePaper,Sparse retrieval,,ACM,CHI 2020\nK3,conferencePaper,Dense retrieval,Proceedings of CHI 2021,ACM,CHI 2021\n';
    const { papers } = readWith(readCsv, text, 'zotero.csv');
    expect(papers.map(({ paper }) => paper.venue)).toEqual(['CHI 2020', 'Proceedings of CHI 2021']);
  });

  it("keeps the Publisher of a Zotero journal article or conference paper without its title as metadata, a book's as its venue", () => {
    const text =
      'Key,Item Type,Title,Publication Title,Publisher,Conference Name\n' +
      'K4,journalArticle,Soil carbon loss,,Elsevier,\nK5,conferencePaper,Dense retrieval,,ACM,\nK6,book,Deep learning,,MIT Press,\n';
    const { papers } = readWith(readCsv, text, 'zotero.csv');
    expect(papers.map(({ paper }) => [paper.venue, paper.metadata.Publisher])).toEqual([
      [null, 'Elsevier'],
      [null, 'ACM'],
      ['MIT Press', undefined],
    ]);
  });

  it('keeps the Publisher of a Scopus conference review, note or article in press without its Source title as metadata', () => {
    const text =
      'Title,Authors,Year,Source title,Publisher,Document Type,DOI\n' +
      'Conf review,Smith J.,2020,,IEEE,Conference review,10.1/y\nIn press,Smith J.,2020,,Elsevier,Article in press,10.1/z\n' +
      'A note,Smith J.,2020,,Elsevier,Note,10.1/w\nA book,Smith J.,2020,,Springer,Book,10.1/v\n';
    const { papers } = readWith(readCsv, text, 'scopus.csv');
    expect(papers.map(({ paper }) => [paper.venue, paper.metadata.Publisher])).toEqual([
      [null, 'IEEE'],
      [null, 'Elsevier'],
      [null, 'Elsevier'],
      ['Springer', undefined],
    ]);
  });

  it('reads PubMed\'s CSV export: "pmid:" ids as its other exports give, short names first-name first, the journal', () => {
    const { papers, problems } = readFixture(readCsv, 'wild/pubmed-export.csv');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.authors, paper.venue, paper.year])).toEqual([
      [
        'pmid:31562046',
        ['R Ramos', 'M Comas-Cufí', 'R Martí-Lluch', 'AB van der Berg', 'CF Reynolds 3rd'],
        'J Am Coll Cardiol',
        2019,
      ],
      ['pmid:33000001', ['J Smith', 'COVID-19 Genomics UK (COG-UK) Consortium'], 'Nature', 2021],
    ]);
    expect(papers[0]?.paper.doi).toBe('10.1016/j.jacc.2019.07.061');
  });

  it("reads PubMed CSV titles without PubMed's closing period", () => {
    const { papers } = readFixture(readCsv, 'wild/pubmed-export.csv');
    expect(papers.map(({ paper }) => paper.title)).toEqual([
      'Statin therapy and cardiovascular outcomes in older adults: a cohort study',
      'Genomic surveillance of SARS-CoV-2',
    ]);
  });

  it('keeps a PubMed CSV row titled "[Not Available]." as an untitled paper named by its PMID', () => {
    const text =
      'PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year\n' +
      '34000001,[Not Available].,Müller K.,Z Kardiol. 2021;1:1.,Müller K,Z Kardiol,2021\n';
    const { papers, problems } = readWith(readCsv, text, 'pubmed.csv');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({ id: 'pmid:34000001', title: 'Untitled (pmid:34000001)' });
    expect(papers[0]?.paper.metadata).toMatchObject({ untitled: true });
  });

  it("keeps a group's name whole among PubMed CSV authors, not read as a family name with initials", () => {
    const text =
      'PMID,Title,Authors,Citation,First Author,Journal/Book,Publication Year\n' +
      '34000002,A trial.,"Smith J, Writing Group of the UK, van der Berg AB.",BMJ. 2021;1:1.,Smith J,BMJ,2021\n';
    const { papers } = readWith(readCsv, text, 'pubmed.csv');
    expect(papers[0]?.paper.authors).toEqual(['J Smith', 'Writing Group of the UK', 'AB van der Berg']);
  });

  it("says PubMed's PMID column makes the id in the notice of columns used", () => {
    const text = fs.readFileSync(fixture('wild/pubmed-export.csv'), 'utf8');
    expect(readCsv(text, 'pubmed-export.csv').notices).toEqual([
      'pubmed-export.csv: CSV columns used: PMID → id, Title → title, Authors → authors, Journal/Book → venue, ' +
        'Publication Year → year, DOI → doi; not used for a field (kept as metadata): Citation, First Author, ' +
        'Create Date, PMCID, NIHMS ID',
    ]);
  });

  it("keeps the citation key Better BibTeX pins in a Zotero CSV export's Extra column, so a draft's [@key] finds it", async () => {
    const read = await readPaperFiles([fixture('wild/zotero-export.csv')]);
    expect(read.papers[0]?.paper).toMatchObject({
      id: 'QW8E2R4T',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Johannes van der Waals'],
      abstract: 'The dominant sequence transduction models are complex. We propose the Transformer.',
      metadata: { citationKey: 'vaswani2017attention' },
    });
  });

  it("takes the tags of Zotero's CSV export from its Manual Tags and Automatic Tags columns", () => {
    const text =
      'Key,Title,Abstract Note,Manual Tags,Automatic Tags\nK1,Sparse retrieval,We study it.,retrieval; science,ml\n';
    const { papers } = readWith(readCsv, text, 'zotero.csv');
    expect(papers[0]?.paper).toMatchObject({
      id: 'K1',
      abstract: 'We study it.',
      tags: ['retrieval', 'science', 'ml'],
    });
  });

  it('treats an empty cell as no value', () => {
    const { papers, problems } = readWith(readCsv, 'id,title,year,venue\na,A,,\n');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({ year: null, venue: null });
  });

  it('reports a row with more fields than the header has columns, at its line', () => {
    const { papers, problems } = readWith(readCsv, 'id,title\na,A\nb,B,extra\nc,C\n', 'rows.csv');
    expect(papers.map((entry) => entry.paper.id)).toEqual(['a', 'c']);
    expect(problems).toEqual([
      { file: 'rows.csv', line: 3, record: 2, field: null, message: 'has 3 fields but the header has 2 columns' },
    ]);
  });

  it('reports an unclosed quote at the line of the row it starts in, keeping the rows before it', () => {
    const text = 'id,title\r\na,"A\r\nstill A"\r\nb,"B never closes\r\nc,C\r\n';
    const { papers, problems } = readWith(readCsv, text, 'quote.csv');
    expect(papers.map((entry) => [entry.paper.id, entry.location.line])).toEqual([['a', 2]]);
    expect(problems).toEqual([
      {
        file: 'quote.csv',
        line: 4,
        record: null,
        field: null,
        message:
          'a quoted field starting in this row is never closed (no matching "); the rows from here on were not read',
      },
    ]);
  });

  it('reports a header row that names a column twice', () => {
    const { papers, problems } = readWith(readCsv, 'id,title,title\na,A,B\n', 'dup.csv');
    expect(papers).toEqual([]);
    expect(problems).toEqual([
      { file: 'dup.csv', line: 1, record: null, field: null, message: 'the header row names the column "title" twice' },
    ]);
  });
});

describe('csv.reader on exporters’ columns', () => {
  it('maps IEEE Xplore columns: Document Title, ";"-separated Authors, Publication Title and Year, keywords and IEEE Terms', () => {
    const { papers, problems } = readFixture(readCsv, 'wild/ieee-xplore.csv');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.1109/CVPR.2016.90',
      title: 'Deep Residual Learning for Image Recognition',
      authors: ['K. He', 'X. Zhang', 'S. Ren', 'J. Sun'],
      affiliations: ['Microsoft Research'],
      venue: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
      year: 2016,
      tags: ['Residual learning', 'Image recognition', 'Training', 'Degradation', 'Neural networks'],
      metadata: { 'INSPEC Controlled Terms': 'learning (artificial intelligence)' },
    });
    expect(papers[0]?.paper.metadata).not.toHaveProperty('titleFromAbstract');
  });

  it('maps Scopus columns, taking authors from "Author full names" and reading Source title', () => {
    const { papers, problems } = readFixture(readCsv, 'wild/scopus.csv');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.authors, paper.venue, paper.year])).toEqual([
      [['Wahyu Krisyanto', 'Gunawan Wibisono'], 'Journal of Physics: Conference Series', 2021],
      [['Juan Pablo García-López'], 'Geoderma', 2019],
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({ 'Authors (initials)': 'Krisyanto, W., Wibisono, G.' });
    expect(papers[0]?.paper.tags).toEqual(['5G', 'antenna array', 'Antennas', 'Microstrip antennas']);
  });

  it('says which columns filled which field and which were only kept as metadata', () => {
    const { notices } = readCsv(fs.readFileSync(fixture('wild/scopus.csv'), 'utf8'), 'scopus.csv');
    expect(notices).toEqual([
      'scopus.csv: CSV columns used: Authors → authors, Author full names → authors, Title → title, Year → year, ' +
        'Source title → venue, DOI → doi, Link → url, Abstract → abstract, Author Keywords → tags, Index Keywords → tags; ' +
        'not used for a field (kept as metadata): Author(s) ID, Volume, Cited by, Document Type, Source, EID',
    ]);
  });

  it('reads a Scopus export with its full header: copyright line off the abstract, placeholders read as nothing', async () => {
    const read = await readPaperFiles([fixture('wild/scopus-full-header.csv')]);
    expect(read.problems).toEqual([]);
    expect(read.papers.map(({ paper }) => [paper.id, paper.authors, paper.abstract])).toEqual([
      [
        'doi:10.1111/gcb.15432',
        ['Anna van der Berg', 'José García-Márquez', 'Martin Luther King Jr.'],
        'Marine heatwaves are becoming more frequent. We show that resilience varies among reefs and depends on depth.',
      ],
      // No DOI: a key made from the content, as RIS records get, not one from the file name and row.
      ['lee2022efficient', ['Kim Lee'], ''],
      ['doi:10.1111/gcb.15500', [], ''],
    ]);
    expect(read.papers[0]?.paper.metadata).toMatchObject({
      copyright: '© 2020 John Wiley & Sons Ltd',
      EID: '2-s2.0-85099123456',
    });
    expect(read.papers[2]?.paper.title).toBe('Erratum: Coral reef resilience under marine heatwaves');
  });

  it('reads Scopus\'s "[No abstract available]" as no abstract', () => {
    const text = 'Title,Abstract\nA title only,[No abstract available]\n';
    expect(readWith(readCsv, text).papers[0]?.paper).toMatchObject({ title: 'A title only', abstract: '' });
  });

  it('splits "Krisyanto, W., Wibisono, G." into two authors when there are no full names', () => {
    const text = 'Authors,Title\n"Krisyanto, W., Wibisono, G.",Design of a 5G antenna array\n';
    expect(readWith(readCsv, text).papers[0]?.paper.authors).toEqual(['W. Krisyanto', 'G. Wibisono']);
  });

  it('reads the ";"-separated authors of a Scopus export without full names, "Smith J.; King M.L., Jr.", first name first', () => {
    const text =
      '"Authors","Author(s) ID","Title","Year","Source title","EID"\n' +
      '"Smith J.; van der Berg A.B.; García-Márquez J.-P.; King M.L., Jr.","1;2;3;4","Initials only","2023","Nature","2-s2.0-1"\n' +
      '"Smith J.; ATLAS Collaboration","5;6","With a group","2023","Nature","2-s2.0-2"\n';
    expect(readWith(readCsv, text).papers.map(({ paper }) => paper.authors)).toEqual([
      ['J. Smith', 'A.B. van der Berg', 'J.-P. García-Márquez', 'M.L. King Jr.'],
      ['J. Smith', 'ATLAS Collaboration'],
    ]);
  });

  it('leaves ";"-separated names written another way to the usual reading', () => {
    const text = 'Authors,Title\n"Smith, John; Doe, Jane",One\n"A. Smith; B. Jones",Two\n';
    expect(readWith(readCsv, text).papers.map(({ paper }) => paper.authors)).toEqual([
      ['John Smith', 'Jane Doe'],
      ['A. Smith', 'B. Jones'],
    ]);
  });

  it('reads the authors of an older Scopus export, "Müller T., Schrödinger E.", as "T. Müller" and "E. Schrödinger"', () => {
    const text = 'Authors,Title\n"Müller T., Schrödinger E., Kim J.-H.",Quantum cats\nGauss C.F.,Least squares\n';
    expect(readWith(readCsv, text).papers.map(({ paper }) => paper.authors)).toEqual([
      ['T. Müller', 'E. Schrödinger', 'J.-H. Kim'],
      ['C.F. Gauss'],
    ]);
  });

  it('leaves names that are not Scopus pairs to the usual splitting', () => {
    expect(splitScopusAuthors('Lovelace, Ada')).toBe('Lovelace, Ada');
    expect(splitScopusAuthors('He, Kaiming; Sun, Jian')).toBe('He, Kaiming; Sun, Jian');
    // Scopus since 2023: family name, then initials, ";"-separated.
    expect(splitScopusAuthors('He K.; Sun J.')).toEqual(['K. He', 'J. Sun']);
    expect(splitScopusAuthors('Turing, A.M., Lovelace, A.')).toEqual(['A.M. Turing', 'A. Lovelace']);
  });
  it('skips the "About the data" line Dimensions writes above its header, with a notice, and maps its columns', () => {
    const { papers, problems } = readFixture(readCsv, 'wild/dimensions.csv');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper, location }) => [paper.id, location.line, location.record])).toEqual([
      ['doi:10.18653/v1/2020.emnlp-main.550', 3, 1],
      ['doi:10.1038/s41561-019-0376-6', 5, 2],
      ['muller1998uber', 6, 3],
    ]);
    expect(papers[0]?.paper).toMatchObject({
      title: 'Dense Passage Retrieval for Open-Domain Question Answering',
      abstract:
        'Open-domain question answering relies on efficient passage retrieval to select candidate contexts. We show that retrieval can be practically implemented using dense representations alone.',
      authors: ['Vladimir Karpukhin', 'Barlas Oğuz', 'Wen-tau Yih'],
      year: 2020,
      venue: 'Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP)',
      url: 'https://doi.org/10.18653/v1/2020.emnlp-main.550',
      metadata: { 'Publication ID': 'pub.1133003112', Pagination: '6769-6781' },
    });
    expect(papers[1]?.paper).toMatchObject({
      abstract: '',
      authors: ['Søren Ødegård', 'José Núñez-García'],
      tags: ['Ice Cover', 'Climate Change', 'Switzerland'],
      year: 2019,
    });
    const { notices } = readCsv(fs.readFileSync(fixture('wild/dimensions.csv'), 'utf8'), 'dimensions.csv');
    expect(notices?.[0]).toBe(
      'dimensions.csv: line 1 ("About the data: Exported on Dec 06, 2026. Criteria: "dense …") is not a header row and was skipped; the header is line 2',
    );
    expect(notices?.[1]).toMatch(/^dimensions\.csv: CSV columns used: DOI → doi, Title → title, Abstract → abstract/);
  });

  it('maps Lens.org columns: Author/s, Publication Year, Source Title, Keywords and MeSH Terms, a DOI link made bare', () => {
    const { papers, problems } = readFixture(readCsv, 'wild/lens-export.csv');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper, location }) => [paper.id, location.line])).toEqual([
      ['doi:10.18653/v1/2020.emnlp-main.550', 2],
      ['doi:10.1038/s41561-019-0376-6', 4],
      ['muller1998uber', 5],
    ]);
    expect(papers[0]?.paper).toMatchObject({
      doi: '10.18653/v1/2020.emnlp-main.550',
      authors: ['Vladimir Karpukhin', 'Barlas Oğuz', 'Wen-tau Yih'],
      year: 2020,
      venue: 'Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP)',
      tags: ['dense retrieval', 'question answering'],
      metadata: { 'Lens ID': '020-045-151-878-66X' },
    });
    expect(papers[1]?.paper).toMatchObject({ abstract: '', tags: ['Ice Cover', 'Climate Change'] });
  });

  it('gives a Dimensions or Lens.org row without a DOI the id RIS would (author, year, title word), not its position', () => {
    const lens =
      'Lens ID,Title,Publication Year,Author/s\n199-000-000-000-00X,Über die Wärmeleitung,1998,Jürgen Müller\n';
    expect(readWith(readCsv, lens, 'a.csv').papers[0]?.paper.id).toBe('muller1998uber');
    const dimensions =
      '"Publication ID","Title","PubYear","Authors"\n"pub.1","Über die Wärmeleitung","1998","Müller, Jürgen"\n';
    expect(readWith(readCsv, dimensions, 'b.csv').papers[0]?.paper.id).toBe('muller1998uber');
    // Other exports keep their ids as before.
    expect(readWith(readCsv, 'Title,Year\nÜber die Wärmeleitung,1998\n', 'c.csv').papers[0]?.paper.id).toBe('c-1');
  });

  it('gives an IEEE Xplore row without a DOI the id RIS would, so a second export under a new file name is the same paper', () => {
    const ieee =
      '"Document Title","Authors","Publication Title","Publication Year","Abstract","DOI"\n' +
      '"Über die Wärmeleitung","J. Müller; A. Ødegård","IEEE Access","1998","Heat flows.",""\n';
    const first = readWith(readCsv, ieee, 'export2024.12.07-04.10.33.csv').papers;
    const second = readWith(readCsv, ieee, 'export2025.01.15-09.00.00.csv').papers;
    expect(first.map(({ paper }) => paper.id)).toEqual(['muller1998uber']);
    expect(second.map(({ paper }) => paper.id)).toEqual(['muller1998uber']);
  });

  it('skips a first line only when it names no column and the next line names at least two', () => {
    const one = readCsv('exported today\nTitle,Notes\nT,n\n', 'one.csv');
    expect(one.notices).toHaveLength(1);
    expect(one.problems.map((problem) => problem.line)).toEqual([2, 3]);
    const header = readCsv('Title,Year\nAbstract,Authors\n', 'h.csv');
    expect(header.records.map((record) => record.fields)).toEqual([{ Title: 'Abstract', Year: 'Authors' }]);
  });
});
