import { describe, expect, it } from 'vitest';
import { readCslJson } from '../../../indexer/readers/csl-json.reader.ts';
import { paperById, readFixture, readWith } from './read-fixture.ts';

describe('csl-json.reader', () => {
  it('reads a Zotero CSL-JSON export into papers with their record numbers and lines', () => {
    const { papers, problems } = readFixture(readCslJson, 'zotero.csl.json');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.location.line, entry.location.record])).toEqual([
      [2, 1],
      [17, 2],
      [30, 3],
    ]);
  });

  it('maps author objects, issued date-parts, container-title, DOI, URL and the keyword string', () => {
    const { papers } = readFixture(readCslJson, 'zotero.csl.json');
    expect(paperById(papers, 'http://zotero.org/users/local/a1b2c3/items/QW8E2R4T').paper).toEqual({
      id: 'http://zotero.org/users/local/a1b2c3/items/QW8E2R4T',
      title: 'Attention Is All You Need',
      abstract: 'Introduces the Transformer, a sequence model built only from attention layers.',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      affiliations: [],
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems',
      url: 'https://arxiv.org/abs/1706.03762',
      doi: '10.48550/arXiv.1706.03762',
      arxivId: '1706.03762',
      tags: ['transformers', 'attention'],
      metadata: { type: 'article-journal' },
    });
  });

  it('takes literal names, string date-parts, raw dates and an arXiv "number"', () => {
    const { papers } = readFixture(readCslJson, 'zotero.csl.json');
    expect(paperById(papers, 'asai2023selfrag').paper).toMatchObject({
      authors: ['Akari Asai', 'University of Washington NLP'],
      year: 2023,
      arxivId: '2310.11511',
    });
    expect(paperById(papers, 'karpukhin2020dpr').paper).toMatchObject({
      year: 2020,
      abstract: '',
      metadata: { type: 'paper-conference', page: '6769-6781' },
    });
  });

  it('reports an author entry that is neither a name nor a name object, by its index', () => {
    const text = '[{"id": "x", "title": "T", "author": [{"family": "Ok"}, 42]}]';
    const { problems } = readWith(readCslJson, text, 'lib.json');
    expect(problems).toEqual([
      {
        file: 'lib.json',
        line: 1,
        record: 1,
        field: 'author[1]',
        message: 'expected a name (text, {name} or {family, given}), got a number',
      },
    ]);
  });

  it("takes a conference paper's event-title, or an older export's event text, as its venue when it has no container-title", () => {
    const items = [
      { id: 'a', title: 'A', 'event-title': 'Conference on Robot Learning', publisher: 'PMLR' },
      { id: 'b', title: 'B', event: 'Workshop on Soil Microbes' },
      { id: 'c', title: 'C', 'container-title': 'Proceedings of CoRL', 'event-title': 'CoRL 2023' },
      { id: 'd', title: 'D', event: { name: 'An object is no name' } },
    ];
    const { papers } = readWith(readCslJson, JSON.stringify(items));
    expect(papers.map((entry) => entry.paper.venue)).toEqual([
      'Conference on Robot Learning',
      'Workshop on Soil Microbes',
      'Proceedings of CoRL',
      null,
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({ publisher: 'PMLR' });
    expect(papers[2]?.paper.metadata).toMatchObject({ 'event-title': 'CoRL 2023' });
  });

  it("keeps a journal article's or a conference paper's publisher as metadata without a container-title; a book's or a report's is its venue", () => {
    const { papers, problems } = readFixture(readCslJson, 'wild/publisher-venues.csl.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.venue, paper.metadata.publisher])).toEqual([
      ['zhang2019soil', null, 'Elsevier'],
      ['lin2021dense', null, 'Association for Computing Machinery'],
      ['goodfellow2016deep', 'MIT Press', undefined],
      ['ode2022evaluating', 'Microsoft Research', undefined],
    ]);
  });

  it("takes an entry's container title as its venue, never its publisher: an encyclopedia's, a dictionary's, a database's", () => {
    const { papers, problems } = readFixture(readCslJson, 'wild/entries.csl.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.title, paper.venue, paper.metadata.publisher])).toEqual([
      ['Humus', null, 'Oxford University Press'],
      ['Rhizosphere', 'A Dictionary of Ecology', 'Oxford University Press'],
      ['SoilGrids profile 4521', null, 'ISRIC World Soil Information'],
    ]);
  });

  it('keeps a venue the item already has over its event-title when its container-title is blank', () => {
    const items = [
      { id: 'a', title: 'A', 'container-title': '', venue: 'Workshop on Soil Microbes', 'event-title': 'ICML' },
      { id: 'b', title: 'B', 'container-title': '', venue: '  ', 'event-title': 'ICML' },
    ];
    const { papers } = readWith(readCslJson, JSON.stringify(items));
    expect(papers.map((entry) => entry.paper.venue)).toEqual(['Workshop on Soil Microbes', 'ICML']);
    expect(papers[0]?.paper.metadata).toMatchObject({ 'event-title': 'ICML' });
  });

  it('reads the arXiv id, old-style or versioned, from the URL, an arXiv number or an arXiv DOI, as other exports name it', () => {
    const items = [
      { id: 'url', title: 'U', URL: 'https://arxiv.org/abs/2301.01234v2' },
      { id: 'old-url', title: 'O', URL: 'http://arxiv.org/abs/hep-th/9901001v2' },
      { id: 'number', title: 'N', number: 'arXiv:hep-th/9901001v1' },
      { id: 'archive', title: 'A', number: '2301.01234v3', archive: 'arXiv' },
      { id: 'doi', title: 'D', DOI: '10.48550/arXiv.hep-th/9901002' },
      { id: 'report', title: 'R', number: '2301.01234' },
    ];
    const { papers } = readWith(readCslJson, JSON.stringify(items));
    expect(papers.map((entry) => [entry.paper.id, entry.paper.arxivId])).toEqual([
      ['url', '2301.01234'],
      ['old-url', 'hep-th/9901001'],
      ['number', 'hep-th/9901001'],
      ['archive', '2301.01234'],
      ['doi', 'hep-th/9901002'],
      ['report', null],
    ]);
  });
});

describe('csl-json.reader with numeric dates', () => {
  it('reads "issued": 20210128 as 2021-01-28 and drops "issued": 26, keeping both papers and saying so', () => {
    const { papers, problems, repairs } = readFixture(readCslJson, 'wild/numeric-dates.csl.json', { repair: true });
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.year])).toEqual([
      ['item-26', null],
      ['item-2021', 2021],
      ['item-ok', 2019],
    ]);
    expect(repairs.map((repair) => [repair.line, repair.record, repair.field, repair.message])).toEqual([
      [2, 1, 'issued', 'the number 26 is not a date or a year; it was dropped'],
      [8, 2, 'issued', 'the number 20210128 was read as the date 2021-01-28'],
    ]);
  });

  it('refuses those two records under strict', () => {
    const { papers, problems } = readFixture(readCslJson, 'wild/numeric-dates.csl.json');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['item-ok']);
    expect(problems.map((problem) => problem.field)).toEqual(['issued', 'issued']);
  });
  it('keeps name particles and suffixes that CSL holds apart from the family name', () => {
    const text = JSON.stringify([
      {
        id: 'waals1873',
        type: 'thesis',
        title: 'Over de continuiteit van den gas- en vloeistoftoestand',
        author: [
          { family: 'Waals', given: 'Johannes Diderik', 'non-dropping-particle': 'van der' },
          { family: 'Beethoven', given: 'Ludwig', 'dropping-particle': 'van' },
          { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
          { family: 'Smith', given: 'J', 'dropping-particle': '', 'parse-names': false, suffix: '' },
        ],
        issued: { 'date-parts': [[1873]] },
      },
    ]);
    const { papers } = readWith(readCslJson, text, 'zotero.json');
    expect(papers[0]?.paper.authors).toEqual([
      'Johannes Diderik van der Waals',
      'Ludwig van Beethoven',
      'Martin Luther King Jr.',
      'J Smith',
    ]);
  });

  it("keeps the citation key Zotero exports beside the item's URI (Zotero 7's field, Better BibTeX's note line)", () => {
    const { papers, problems } = readFixture(readCslJson, 'wild/zotero7-export.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.metadata.citationKey])).toEqual([
      ['http://zotero.org/users/local/kM9wQ2xT/items/8XJ4ZP2N', 'lin2026sinks'],
      ['http://zotero.org/users/local/kM9wQ2xT/items/2B7QW9RE', 'doe2025noise'],
    ]);
    expect(papers[0]?.paper.metadata).not.toHaveProperty('citation-key');
  });

  it('takes the first entry of a container title written as a list (full name, then abbreviation) as the venue', () => {
    const item = {
      id: 'waals2021',
      type: 'article-journal',
      title: 'Sparse retrieval',
      'container-title': ['Nature Machine Intelligence', 'Nat Mach Intell'],
      issued: { 'date-parts': [['2021', '3']] },
    };
    const { papers, problems } = readWith(readCslJson, JSON.stringify([item]), 'items.json');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({ venue: 'Nature Machine Intelligence', year: 2021 });
    expect(papers[0]?.paper.metadata.otherContainerTitles).toEqual(['Nat Mach Intell']);
  });

  it('takes the first entry of a title written as a list as the title, keeping the others as metadata otherTitles', () => {
    const item = {
      id: 'roe2020',
      type: 'article-journal',
      title: ['Retrieval for law', 'Recherche pour le droit'],
      'container-title': 'Law and Computing',
      issued: { 'date-parts': [[2020]] },
    };
    const { papers, problems } = readWith(readCslJson, JSON.stringify([item]), 'items.json');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({ title: 'Retrieval for law', venue: 'Law and Computing' });
    expect(papers[0]?.paper.metadata.otherTitles).toEqual(['Recherche pour le droit']);
    expect(papers[0]?.paper.metadata).not.toHaveProperty('otherContainerTitles');
  });
});
