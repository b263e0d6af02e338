import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../indexer/readers/detect-format.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { readRis } from '../../../indexer/readers/ris.reader.ts';
import { fixture, readFixture, readWith } from './read-fixture.ts';

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

  it("takes the proceedings title Zotero writes as C3 for a conference paper's venue, keeping its T2 as the conference's name", () => {
    const { papers, problems } = readFixture(readRis, 'wild/zotero-conference.ris');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      venue: 'Advances in Neural Information Processing Systems',
      metadata: {
        conferenceName: '31st Conference on Neural Information Processing Systems (NIPS 2017)',
        publisher: 'Curran Associates, Inc.',
      },
    });
    // Without C3, the conference's name (T2) is the venue; with neither, the publisher is not.
    expect(papers.slice(1).map(({ paper }) => [paper.venue, paper.metadata.publisher])).toEqual([
      ['NAACL-HLT 2018', 'Association for Computational Linguistics'],
      [null, 'Association for Computing Machinery'],
    ]);
  });

  it("keeps no conference name that repeats a conference paper's proceedings title (C3), nor the T2 it came from", () => {
    const text =
      'TY  - CPAPER\nTI  - Dense retrieval\nAU  - Lin, Kai\nPY  - 2021\nT2  - Proceedings of the 44th SIGIR\nC3  - Proceedings of the 44th  SIGIR\nER  - \n';
    const { papers, problems } = readWith(readRis, text);
    expect(problems).toEqual([]);
    expect(papers[0]?.paper.venue).toBe('Proceedings of the 44th SIGIR');
    expect(papers[0]?.paper.metadata).toEqual({ entryType: 'CPAPER' });
  });

  it("takes a journal's user abbreviation (J1) as the venue after its abbreviation (JA), for a journal article and a thesis", () => {
    const text = [
      'TY  - JOUR\nTI  - Kinase activity\nAU  - Roe, Dana\nPY  - 2001\nJ1  - J. Biol. Chem.\nPB  - ASBMB\nER  - ',
      'TY  - JOUR\nTI  - Kinase inhibition\nAU  - Roe, Dana\nPY  - 2002\nJ1  - J. Biol. Chem.\nJA  - J Biol Chem\nER  - ',
      'TY  - THES\nTI  - Kinases\nAU  - Roe, Dana\nPY  - 2003\nJ1  - J. Biol. Chem.\nPB  - MIT\nER  - ',
    ].join('\n');
    const { papers } = readWith(readRis, text);
    expect(papers.map(({ paper }) => [paper.venue, paper.metadata.J1 ?? null])).toEqual([
      ['J. Biol. Chem.', null],
      ['J Biol Chem', 'J. Biol. Chem.'],
      ['J. Biol. Chem.', null],
    ]);
  });

  it("takes the ACM Digital Library's proceedings (BT) as a conference paper's venue, before its series (T3)", () => {
    const { papers } = readFixture(readRis, 'wild/acm-conference.ris');
    expect(papers[0]?.paper).toMatchObject({
      venue: 'Proceedings of the 15th ACM SIGKDD International Conference on Knowledge Discovery and Data Mining',
      metadata: { T3: "KDD '09", publisher: 'Association for Computing Machinery' },
    });
  });

  it("keeps a journal article's publisher (PB) as metadata when it names no journal; a book's or a report's is its venue", () => {
    const { papers } = readFixture(readRis, 'wild/publisher-venues.ris');
    expect(papers.map(({ paper }) => [paper.id, paper.venue, paper.metadata.publisher])).toEqual([
      ['zhang2019soil', null, 'Elsevier'],
      ['goodfellow2016deep', 'MIT Press', undefined],
      ['ode2022evaluating', 'Microsoft Research', undefined],
    ]);
  });

  it("takes an encyclopedia or dictionary entry's encyclopedia (T2) as its venue, never its publisher (PB)", () => {
    const { papers, problems } = readFixture(readRis, 'wild/zotero-entries.ris');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.title, paper.venue, paper.metadata.publisher])).toEqual([
      ['Soil Respiration', 'Encyclopedia of Soils in the Environment', 'Elsevier'],
      ['Humus', null, 'Oxford University Press'],
      ['Rhizosphere', null, 'Oxford University Press'],
    ]);
  });

  it('refuses a record without title or abstract, located at its TY line', () => {
    const { problems } = readFixture(readRis, 'wild/zotero-export.ris', { repair: true });
    expect(problems.map((problem) => [problem.line, problem.record, problem.field])).toEqual([[26, 3, 'title']]);
  });

  it('reports a record left open at the next TY line and at the end of the file as repairs, keeping both', () => {
    const text = 'TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\n';
    const { papers, problems, repairs } = readWith(readRis, text, 'open.ris', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['One', 'Two']);
    // Kept records are repaired, not refused: the summary must not count them among the refused.
    expect(problems).toEqual([]);
    expect(repairs.map((repair) => [repair.line, repair.record, repair.message])).toEqual([
      [1, 1, 'the record has no "ER  -" line; it ends where the next "TY  -" starts; it was kept'],
      [3, 2, 'the record has no "ER  -" line at the end of the file (was the export cut short?); it was kept'],
    ]);
  });

  it('refuses a record left open under --strict, naming its line', () => {
    const { papers, problems } = readWith(readRis, 'TY  - JOUR\nTI  - Cut short\nAB  - The file ends he', 'cut.ris');
    expect(papers).toEqual([]);
    expect(problems.map((problem) => [problem.file, problem.line, problem.record])).toEqual([['cut.ris', 1, 1]]);
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

  it("reads a Scopus export (CRLF) without Elsevier's copyright line in the abstract", () => {
    const { papers, problems } = readFixture(readRis, 'wild/scopus-export.ris', { repair: true });
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.1016/j.jmb.2020.11.001',
      authors: ['J. Smith', 'M.A. de la Cruz'],
      venue: 'Journal of Molecular Biology',
      abstract:
        'Protein structure prediction has been transformed by deep learning. We review the methods and their limits.',
      metadata: { copyright: '© 2020 Elsevier Ltd' },
    });
  });

  it('reads Scopus\'s "[No abstract available]" as no abstract', () => {
    const { papers } = readFixture(readRis, 'wild/scopus-export.ris', { repair: true });
    expect(papers[1]?.paper).toMatchObject({
      title: 'Efficient transformers for long scientific documents',
      abstract: '',
    });
  });

  it('takes the DOI from an old EndNote export\'s M3 line, and drops its abstract\'s "Abstract:" label', async () => {
    const read = await readPaperFiles([fixture('wild/endnote-export.ris')]);
    expect(read.notices[0]).toContain('read as Windows-1252');
    expect(read.papers[0]?.paper).toMatchObject({
      id: 'doi:10.1002/andp.19263840404',
      doi: '10.1002/andp.19263840404',
      title: 'Quantisierung als Eigenwertproblem',
      authors: ['E. Schrödinger'],
      year: 1926,
      venue: 'Annalen der Physik',
      abstract: 'The wave equation of the hydrogen atom is solved as an eigenvalue problem.',
    });
    expect(read.papers[0]?.paper.metadata).not.toHaveProperty('M3');
  });

  it('makes the key of a record without a DOI from the family name, not the suffix after it', async () => {
    const read = await readPaperFiles([fixture('wild/endnote-export.ris')]);
    expect(read.papers[1]?.paper).toMatchObject({ id: 'king1963letter', authors: ['Martin Luther King Jr.'] });
  });

  it('takes the DOI of an item type that has no DOI field from its doi.org link (a Zotero report)', () => {
    const { papers } = readFixture(readRis, 'wild/zotero-report.ris', { repair: true });
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.2139/ssrn.3789012',
      doi: '10.2139/ssrn.3789012',
      url: 'https://doi.org/10.2139/ssrn.3789012',
      metadata: { M3: 'SSRN Scholarly Paper' },
    });
  });

  it('reads an EBSCOhost export without the "ABSTRACT:" label and EBSCO\'s copyright notice', () => {
    const { papers } = readFixture(readRis, 'wild/ebsco-export.ris', { repair: true });
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.1111/jan.14321',
      authors: ['Jane Smith', "Sean O'Brien"],
      year: 2020,
      venue: 'Journal of Advanced Nursing',
      abstract:
        'Aim: To test whether peer support lowers burnout. Design: A cluster randomised trial in 12 hospitals. ' +
        'Results: Burnout fell after the intervention.',
    });
    expect(papers[0]?.paper.metadata.copyright).toMatch(/^Copyright of Journal of Advanced Nursing is the property/);
  });

  it('reads an export that writes one space before the dash ("TY - JOUR") instead of losing every record', () => {
    const text = 'TY - JOUR\r\nAU - Okafor, Chidi\r\nTI - Soil carbon under drought\r\nPY - 2017\r\nER - \r\n';
    const { papers, problems } = readWith(readRis, text, 'one-space.ris');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => entry.paper)).toMatchObject([
      { id: 'okafor2017soil', title: 'Soil carbon under drought', authors: ['Chidi Okafor'], year: 2017 },
    ]);
    expect(detectFormat('export.txt', text)).toBe('ris');
  });

  it('keeps a wrapped line that looks like a tag with one space ("US - Japan…") in the abstract of a two-space export', () => {
    const text = 'TY  - JOUR\nTI  - Trade\nAB  - Tariffs between the\nUS - Japan partners rose.\nER  - \n';
    const { papers } = readWith(readRis, text);
    expect(papers[0]?.paper.abstract).toBe('Tariffs between the US - Japan partners rose.');
  });

  it("takes the journal's full name (JF) as the venue over its abbreviation (JO), as EndNote exports both", () => {
    const text = 'TY  - JOUR\nT1  - Sleep\nJF  - Journal of Sleep Research\nJO  - J Sleep Res\nER  - \n';
    const { papers } = readWith(readRis, text);
    expect(papers[0]?.paper.venue).toBe('Journal of Sleep Research');
    expect(papers[0]?.paper.metadata.JO).toBe('J Sleep Res');
  });

  it('splits keywords written on one KW line, by ";" always and by commas when it is the only one and a list', () => {
    const semicolons = 'TY  - JOUR\nTI  - A\nKW  - drought; soil carbon\nKW  - Cells, Cultured\nER  - \n';
    const commas = 'TY  - JOUR\nTI  - B\nKW  - drought, soil carbon, microbes\nER  - \n';
    expect(readWith(readRis, semicolons).papers[0]?.paper.tags).toEqual(['drought', 'soil carbon', 'Cells, Cultured']);
    expect(readWith(readRis, commas).papers[0]?.paper.tags).toEqual(['drought', 'soil carbon', 'microbes']);
  });

  it('splits a lone KW line of topics whose words end as adjectives do but are nouns ("Logic", "Music")', () => {
    const tagsOf = (keyword: string) =>
      readWith(readRis, `TY  - JOUR\nTI  - K\nKW  - ${keyword}\nER  - \n`).papers[0]?.paper.tags;
    expect(tagsOf('Graph Theory, Logic, Music')).toEqual(['Graph Theory', 'Logic', 'Music']);
    expect(tagsOf('Leukemia, Myelomonocytic, Chronic')).toEqual(['Leukemia, Myelomonocytic, Chronic']);
  });

  it('gives arXiv as the venue, and the arXiv id, of a preprint whose T2 only names it, as Zotero writes one', () => {
    const text =
      'TY  - JOUR\nTI  - Attention is all you need\nAU  - Vaswani, Ashish\nT2  - arXiv:1706.03762 [cs]\nPY  - 2017\nER  - \n';
    expect(readWith(readRis, text).papers[0]?.paper).toMatchObject({
      id: 'arxiv:1706.03762',
      venue: 'arXiv',
      arxivId: '1706.03762',
    });
  });

  it('takes no arXiv id from an arxiv.org page that is not a paper', () => {
    const text = 'TY  - JOUR\nTI  - Listing\nUR  - https://arxiv.org/abs/list/cs.LG/recent\nER  - \n';
    expect(readWith(readRis, text).papers[0]?.paper.arxivId).toBeNull();
  });

  it('keeps a lone KW line whole when its commas belong to a MeSH heading or a chemical name, not a list', () => {
    const tagsOf = (keyword: string) =>
      readWith(readRis, `TY  - JOUR\nTI  - K\nKW  - ${keyword}\nER  - \n`).papers[0]?.paper.tags;
    expect(tagsOf('Carcinoma, Non-Small-Cell Lung/*drug therapy')).toEqual(['Carcinoma, Non-Small-Cell Lung']);
    expect(tagsOf('Cells, Cultured')).toEqual(['Cells, Cultured']);
    expect(tagsOf('1,2-Dimethylhydrazine')).toEqual(['1,2-Dimethylhydrazine']);
    expect(tagsOf('2,3,7,8-Tetrachlorodibenzodioxin')).toEqual(['2,3,7,8-Tetrachlorodibenzodioxin']);
    expect(tagsOf("N,N,N',N'-Tetramethylethylenediamine")).toEqual(["N,N,N',N'-Tetramethylethylenediamine"]);
    expect(tagsOf('machine learning, vision')).toEqual(['machine learning, vision']);
    expect(tagsOf('Receptors, GABA-B/metabolism, drought, soil')).toEqual([
      'Receptors, GABA-B/metabolism, drought, soil',
    ]);
  });

  it('reads the MeSH headings EndNote exports as keywords as their descriptors, as the MEDLINE reader does', () => {
    const text =
      'TY  - JOUR\nTI  - M\nKW  - Neoplasms/*drug therapy\nKW  - Neoplasms/mortality\nKW  - Humans\nER  - \n';
    const { papers } = readWith(readRis, text);
    expect(papers[0]?.paper.tags).toEqual(['Neoplasms', 'Humans']);
    expect(papers[0]?.paper.metadata.meshHeadings).toEqual(['Neoplasms/drug therapy', 'Neoplasms/mortality']);
  });

  it('keeps a lone KW line whole when it is an inverted MeSH heading with two or more commas', () => {
    const tagsOf = (keyword: string) =>
      readWith(readRis, `TY  - JOUR\nTI  - K\nKW  - ${keyword}\nER  - \n`).papers[0]?.paper.tags;
    expect(tagsOf('Carcinoma, Non-Small-Cell, Lung')).toEqual(['Carcinoma, Non-Small-Cell, Lung']);
    expect(tagsOf('Leukemia, Myeloid, Acute')).toEqual(['Leukemia, Myeloid, Acute']);
    expect(tagsOf('Receptors, Antigen, T-Cell, alpha-beta')).toEqual(['Receptors, Antigen, T-Cell, alpha-beta']);
    expect(tagsOf('Drug Resistance, Multiple, Bacterial')).toEqual(['Drug Resistance, Multiple, Bacterial']);
    expect(tagsOf('drought, soil carbon, microbes')).toEqual(['drought', 'soil carbon', 'microbes']);
    expect(tagsOf('Deep Learning, Soil Carbon, Remote Sensing')).toEqual([
      'Deep Learning',
      'Soil Carbon',
      'Remote Sensing',
    ]);
  });

  it('splits a lone KW line of capitalised terms, acronyms or terms with digits as a list', () => {
    const tagsOf = (keyword: string) =>
      readWith(readRis, `TY  - JOUR\nTI  - K\nKW  - ${keyword}\nER  - \n`).papers[0]?.paper.tags;
    expect(tagsOf('Ecology, Climate, Drought, Soil, Microbes')).toEqual([
      'Ecology',
      'Climate',
      'Drought',
      'Soil',
      'Microbes',
    ]);
    expect(tagsOf('Deep Learning, Transformers, Attention')).toEqual(['Deep Learning', 'Transformers', 'Attention']);
    expect(tagsOf('Artificial Intelligence, Healthcare, Ethics')).toEqual([
      'Artificial Intelligence',
      'Healthcare',
      'Ethics',
    ]);
    expect(tagsOf('NLP, LLM, RAG')).toEqual(['NLP', 'LLM', 'RAG']);
    expect(tagsOf('COVID-19, SARS-CoV-2, Vaccination')).toEqual(['COVID-19', 'SARS-CoV-2', 'Vaccination']);
  });

  it('reads the arXiv id of an old-style or a versioned arxiv.org link as the arXiv feed names the paper', () => {
    const arxivIdOf = (url: string) =>
      readWith(readRis, `TY  - JOUR\nTI  - A\nUR  - ${url}\nER  - \n`).papers[0]?.paper.arxivId;
    expect(arxivIdOf('http://arxiv.org/abs/hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(arxivIdOf('https://arxiv.org/pdf/2301.01234v2.pdf')).toBe('2301.01234');
  });

  it("takes a thesis's university (PB) as its venue before the department EndNote writes as T2 and ProQuest's database name, both kept as metadata", () => {
    const text = [
      // EndNote: the academic department is the secondary title (T2), the university the publisher, the degree M3.
      'TY  - THES',
      'AU  - Ek, Dana',
      'TI  - Catalysis in water',
      'T2  - Department of Chemistry',
      'PB  - Stanford University',
      'CY  - Stanford, CA',
      'PY  - 2015',
      'M3  - Ph.D.',
      'ER  - ',
      // Zotero: the university (PB) and the thesis type (M3), no T2.
      'TY  - THES',
      'TI  - Carceri d’Invenzione: compositional aspects',
      'AU  - Pätzold, Cordula',
      'CY  - Freiburg i. Br.',
      'DA  - 2002///',
      'PY  - 2002',
      'M3  - Dissertation',
      'PB  - Albert-Ludwigs-Universität Freiburg',
      'ER  - ',
      // A department alone is the venue; a journal the thesis appeared in comes first.
      'TY  - THES',
      'AU  - Chen, Bo',
      'TI  - Query expansion for code search',
      'T2  - Department of Computer Science',
      'PY  - 2018',
      'ER  - ',
      'TY  - THES',
      'AU  - Roe, Ray',
      'TI  - Sparse retrieval in law',
      'JF  - ProQuest Dissertations and Theses',
      'PB  - University of Chicago',
      'PY  - 2019',
      'ER  - ',
      // The database ProQuest names as the journal is no venue: the university is.
      'TY  - THES',
      'AU  - Poe, Pat',
      'TI  - Dense retrieval in medicine',
      'JF  - ProQuest Dissertations & Theses Global',
      'PB  - University of Toronto (Canada)',
      'PY  - 2021',
      'ER  - ',
    ].join('\n');
    const { papers, problems } = readWith(readRis, text, 'theses.ris');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.venue, paper.year, paper.authors])).toEqual([
      ['Stanford University', 2015, ['Dana Ek']],
      ['Albert-Ludwigs-Universität Freiburg', 2002, ['Cordula Pätzold']],
      ['Department of Computer Science', 2018, ['Bo Chen']],
      ['University of Chicago', 2019, ['Ray Roe']],
      ['University of Toronto (Canada)', 2021, ['Pat Poe']],
    ]);
    expect(papers[4]?.paper.metadata).toMatchObject({ JF: 'ProQuest Dissertations & Theses Global' });
    expect(papers[0]?.paper.metadata).toMatchObject({
      department: 'Department of Chemistry',
      publisher: 'Stanford University',
      M3: 'Ph.D.',
    });
    expect(papers[2]?.paper.metadata.department).toBeUndefined();
  });
});
