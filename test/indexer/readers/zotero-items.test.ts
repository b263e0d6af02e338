import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCslJson } from '../../../indexer/readers/csl-json.reader.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { readJson } from '../../../indexer/readers/json.reader.ts';
import { readJsonl } from '../../../indexer/readers/jsonl.reader.ts';
import { fixture, paperById, readFixture, readWith } from './read-fixture.ts';

describe('zotero-items', () => {
  it("reads the Zotero web API's answer: each item under its data, known as zotero:<key>, its notes and attachments passed over and counted", () => {
    const { papers, problems } = readFixture(readJson, 'wild/zotero-api-items.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper, location }) => [paper.id, location.record, location.line])).toEqual([
      ['zotero:X42A7DEE', 1, 2],
      ['zotero:CONF2021', 4, 130],
      ['zotero:THES2020', 5, 170],
      ['zotero:PRE24012', 6, 205],
    ]);
    expect(paperById(papers, 'zotero:X42A7DEE').paper).toMatchObject({
      title: 'Microbial carbon use efficiency in drying soils',
      abstract: 'We measure how soil microbes use carbon as soils dry.',
      authors: ['Jane Doe', 'Richard Roe'],
      year: 2019,
      venue: 'Soil Biology and Biochemistry',
      doi: '10.1016/j.soilbio.2019.01.001',
      tags: ['soil carbon', 'drought'],
      metadata: { itemType: 'journalArticle', zoteroKey: 'X42A7DEE', editors: ['Ed Itor'], volume: '131' },
    });
    const notices = readJson(fs.readFileSync(fixture('wild/zotero-api-items.json'), 'utf8'), 'api.json').notices;
    expect(notices).toEqual([
      'api.json: 2 Zotero items holding no paper of their own were passed over (1 attachment, 1 note; entries 2, 3, counted from 1 as records are)',
    ]);
  });

  it("takes a conference paper's conference when it names no proceedings, a thesis's university, a preprint's repository and Archive ID", () => {
    for (const name of ['wild/zotero-api-items.json', 'wild/zotero-better-bibtex.json']) {
      const { papers, problems } = readFixture(readJson, name);
      expect(problems).toEqual([]);
      const [conference, thesis, preprint] = papers.slice(-3).map(({ paper }) => paper);
      expect(conference).toMatchObject({
        venue: "SIGIR '21",
        authors: ['Kai Lin'],
        year: 2021,
        metadata: { publisher: 'Association for Computing Machinery' },
      });
      // The API item's citation key (Better BibTeX's line in Extra) is kept beside its id; Better BibTeX's is the id.
      expect([conference?.id, conference?.metadata.citationKey]).toEqual(
        name === 'wild/zotero-api-items.json' ? ['zotero:CONF2021', 'lin2021dense'] : ['lin2021dense', undefined],
      );
      expect(thesis).toMatchObject({ venue: 'University of Lisbon', year: 2020 });
      expect(preprint).toMatchObject({ venue: 'arXiv', arxivId: '2401.01234', year: 2024 });
    }
  });

  it("keeps a Better BibTeX item's citation key as its id and passes over its standalone notes", () => {
    const read = readJson(fs.readFileSync(fixture('wild/zotero-better-bibtex.json'), 'utf8'), 'bbt.json');
    expect(read.notices).toEqual([
      'bbt.json: 1 Zotero item holding no paper of its own was passed over (1 note; entry 4, counted from 1 as records are)',
    ]);
    const { papers } = readFixture(readJson, 'wild/zotero-better-bibtex.json');
    expect(papers.map(({ paper }) => [paper.id, paper.authors])).toEqual([
      ['lin2021dense', ['Kai Lin']],
      ['silva2020root', ['Ana Silva']],
      ['okafor2024sparse', ['Chidi Okafor']],
    ]);
  });

  it("reads the API's answer for one item, names a group library's item by its group, and takes the year the API parsed", () => {
    const item = {
      key: 'GRP00001',
      version: 5,
      library: { type: 'group', id: 2205533, name: 'Soil lab', links: {} },
      links: {},
      meta: { creatorSummary: 'Soil Science Consortium', parsedDate: '2018-03-01', numChildren: 0 },
      data: {
        key: 'GRP00001',
        version: 5,
        itemType: 'journalArticle',
        title: 'Group paper',
        creators: [{ creatorType: 'author', name: 'Soil Science Consortium' }],
        date: '3/1/18',
        tags: [],
        collections: [],
        relations: {},
      },
    };
    const { papers, problems } = readWith(readJson, JSON.stringify(item, null, 2), 'item.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.authors, paper.year])).toEqual([
      ['zotero:groups/2205533/GRP00001', ['Soil Science Consortium'], 2018],
    ]);
  });

  it('passes over an item the API answers with from the trash, and a highlight (an annotation), counting them', () => {
    const item = (key: string, data: Record<string, unknown>) => ({
      key,
      version: 1,
      library: {},
      links: {},
      meta: {},
      data,
    });
    const answer = [
      item('KEPT0001', { itemType: 'report', title: 'Kept', creators: [], institution: 'ISRIC' }),
      item('TRASH001', { itemType: 'journalArticle', title: 'Thrown away', creators: [], deleted: 1 }),
      item('ANNO0001', { itemType: 'annotation', parentItem: 'PDF7DEE1', annotationType: 'highlight' }),
    ];
    const read = readJson(JSON.stringify(answer), 'api.json');
    expect(read.records.map((record) => [record.fields.id, record.fields.venue])).toEqual([
      ['zotero:KEPT0001', 'ISRIC'],
    ]);
    expect(read.notices).toEqual([
      'api.json: 2 Zotero items holding no paper of their own were passed over (1 item in the trash, 1 annotation; entries 2, 3, counted from 1 as records are)',
    ]);
  });

  it('indexes an API answer saved as a .json file, saying how many items it passed over', async () => {
    const read = await readPaperFiles([fixture('wild/zotero-api-items.json')]);
    expect(read.problems).toEqual([]);
    expect(read.papers).toHaveLength(4);
    expect(read.notices).toContainEqual(
      expect.stringMatching(/2 Zotero items .* passed over \(1 attachment, 1 note; entries 2, 3, .*\)$/),
    );
  });

  it("reads a user's own record that names an itemType as the record it is: its venue, tags, authors, and a note with a title", () => {
    const records = [
      { title: 'Soil carbon', itemType: 'book', venue: 'Soil Series', publisher: 'Springer' },
      { title: 'Tagged', itemType: 'journalArticle', tags: 'soil; carbon' },
      { title: 'Reported', itemType: 'report', creators: ['Jane Doe', 'Richard Roe'] },
      { itemType: 'note', title: 'A note of my own', abstract: 'What I read.' },
    ];
    const read = readJson(JSON.stringify(records), 'mine.json');
    expect(read.notices).toBeUndefined();
    const { papers, problems } = readWith(readJson, JSON.stringify(records), 'mine.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.title, paper.venue, paper.tags, paper.authors, paper.abstract])).toEqual([
      ['Soil carbon', 'Soil Series', [], [], ''],
      ['Tagged', null, ['soil', 'carbon'], [], ''],
      ['Reported', null, [], ['Jane Doe', 'Richard Roe'], ''],
      ['A note of my own', null, [], [], 'What I read.'],
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({ publisher: 'Springer' });
  });

  it("keeps the venue and year a Zotero item's record names itself, and Zotero's fields for them as metadata", () => {
    const item = {
      itemType: 'book',
      title: 'Soil carbon',
      creators: [{ creatorType: 'author', firstName: 'Jane', lastName: 'Doe' }],
      venue: 'Soil Series',
      publisher: 'Springer',
      year: 2019,
      date: '2020',
    };
    const { papers, problems } = readWith(readJson, JSON.stringify([item]), 'mine.json');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      venue: 'Soil Series',
      year: 2019,
      authors: ['Jane Doe'],
      metadata: { publisher: 'Springer', date: '2020' },
    });
  });

  it("reads an API item of a type newer than this reader's list, and an API item's data alone under its key", () => {
    const newer = {
      key: 'NEWTYPE1',
      version: 3,
      library: { type: 'user', id: 475425 },
      data: { key: 'NEWTYPE1', version: 3, itemType: 'legalCommentary', title: 'A type Zotero added', creators: [] },
    };
    // pyzotero's item['data']: the editable fields with the item's key and version.
    const data = {
      key: 'DATA0001',
      version: 9,
      itemType: 'preprint',
      title: 'A working paper',
      creators: [{ creatorType: 'author', name: 'Soil Science Consortium' }],
      repository: 'SSRN',
      archiveID: 'SSRN 3456789',
      tags: [],
    };
    const { papers, problems } = readWith(readJson, JSON.stringify([newer, data]), 'api.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.metadata.zoteroKey])).toEqual([
      ['zotero:NEWTYPE1', 'A type Zotero added', 'NEWTYPE1'],
      ['zotero:DATA0001', 'A working paper', 'DATA0001'],
    ]);
    // An Archive ID that is no arXiv id is kept.
    expect(papers[1]?.paper).toMatchObject({ venue: 'SSRN', arxivId: null, metadata: { archiveID: 'SSRN 3456789' } });
  });

  // Regression: an answer asked for with include=csljson ({key, version, library, csljson}, no "data") was read as a
  // plain record: its fields under "csljson" were not found, so no title, and no Zotero id.
  it("reads the web API's answer asked for CSL JSON alone as Zotero items, each CSL item read as the CSL-JSON reader reads it", async () => {
    for (const reader of [readJson, readCslJson]) {
      const { papers, problems } = readFixture(reader, 'wild/zotero-api-csljson.json');
      expect(problems).toEqual([]);
      expect(papers.map(({ paper, location }) => [paper.id, location.line, paper.year, paper.venue])).toEqual([
        ['zotero:X42A7DEE', 2, 2019, 'Soil Biology and Biochemistry'],
        ['zotero:CONF2021', 37, 2021, "SIGIR '21"],
        ['zotero:groups/2205533/PRE24012', 61, 2024, 'arXiv'],
      ]);
      expect(paperById(papers, 'zotero:X42A7DEE').paper).toMatchObject({
        title: 'Microbial carbon use efficiency in drying soils',
        authors: ['Jane Doe', 'Richard Roe'],
        doi: '10.1016/j.soilbio.2019.01.001',
        metadata: { zoteroKey: 'X42A7DEE', journalAbbreviation: 'Soil Biol. Biochem.' },
      });
      // Better BibTeX's citation key in "note" is kept beside the Zotero id, as for a CSL-JSON export.
      expect(paperById(papers, 'zotero:CONF2021').paper.metadata).toMatchObject({ citationKey: 'lin2021dense' });
      expect(paperById(papers, 'zotero:groups/2205533/PRE24012').paper).toMatchObject({
        arxivId: '2401.01234',
        url: 'http://arxiv.org/abs/2401.01234',
      });
    }
    // Told to be CSL JSON by its content, as a .json file is given to index.
    const read = await readPaperFiles([fixture('wild/zotero-api-csljson.json')]);
    expect(read.problems).toEqual([]);
    expect(read.papers.map(({ paper }) => paper.id)).toEqual([
      'zotero:X42A7DEE',
      'zotero:CONF2021',
      'zotero:groups/2205533/PRE24012',
    ]);
  });

  it("reads the API's answer for one item asked for CSL JSON alone as that item", () => {
    const answer = JSON.parse(fs.readFileSync(fixture('wild/zotero-api-csljson.json'), 'utf8'))[0];
    const { papers, problems } = readWith(readJson, JSON.stringify(answer, null, 2), 'item.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title])).toEqual([
      ['zotero:X42A7DEE', 'Microbial carbon use efficiency in drying soils'],
    ]);
  });

  it('passes over the attachments and child notes of an answer asked for CSL JSON alone, and reads a standalone note', () => {
    const library = { type: 'user', id: 475425 };
    const item = (key: string, links: Record<string, unknown>, title: string) => ({
      key,
      version: 1188,
      library,
      links: { self: { href: `https://zotero.example/items/${key}` }, ...links },
      meta: {},
      csljson: { id: `475425/${key}`, type: 'article', title },
    });
    const up = { up: { href: 'https://zotero.example/items/X42A7DEE' } };
    const answer = [
      item('PDF7DEE1', { ...up, enclosure: { type: 'application/pdf', title: 'Full Text PDF' } }, 'Full Text PDF'),
      item('NOTE7DEE', up, 'What I noted about this paper'),
      item('NOTE8DEE', {}, 'A standalone note of mine'),
    ];
    const read = readJson(JSON.stringify(answer), 'api.json');
    expect(read.notices).toEqual([
      'api.json: 2 Zotero items holding no paper of their own were passed over (1 attachment, 1 note; entries 1, 2, counted from 1 as records are)',
    ]);
    const lines = readJsonl(answer.map((entry) => JSON.stringify(entry)).join('\n'), 'api.jsonl');
    expect(lines.notices).toEqual([
      'api.jsonl: 2 Zotero items holding no paper of their own were passed over (1 attachment, 1 note; lines 1, 2)',
    ]);
    const { papers } = readWith(readJson, JSON.stringify(answer), 'api.json');
    expect(papers.map(({ paper }) => [paper.id, paper.title])).toEqual([
      ['zotero:NOTE8DEE', 'A standalone note of mine'],
    ]);
  });

  it("keeps the id a user's own record names beside the Zotero item it wraps, and its title, authors and year", () => {
    const records = [
      {
        key: 'rec-7',
        version: 3,
        data: { itemType: 'journalArticle', title: 'Nested data' },
        title: 'Outer title record',
        authors: ['B Jones'],
        year: 2021,
      },
      { id: 'own-1', key: 'k1', version: 1, library: { type: 'user', id: 1 }, csljson: { title: 'inner' } },
      {
        id: 'own-2',
        key: 'k2',
        version: 1,
        data: { itemType: 'book', title: 'Inner book', creators: [{ creatorType: 'author', name: 'Zotero Name' }] },
      },
    ];
    const { papers, problems } = readWith(readJsonl, records.map((record) => JSON.stringify(record)).join('\n'));
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.authors, paper.year])).toEqual([
      ['rec-7', 'Outer title record', ['B Jones'], 2021],
      ['own-1', 'inner', [], null],
      ['own-2', 'Inner book', ['Zotero Name'], null],
    ]);
  });

  it("reads a user's own record wrapping a Zotero item and naming paper fields of its own as plain JSON, as the last release did", () => {
    const records = [
      {
        key: 'rec-9',
        version: 1,
        data: { itemType: 'book', title: 'Inner', creators: [] },
        title: 'Outer',
        tags: ['mine'],
        url: 'https://example.org/mine',
        keywords: ['kw'],
        journal: 'My Journal',
      },
      {
        id: 'own-5',
        key: 'k5',
        version: 1,
        library: { type: 'user', id: 1 },
        csljson: { title: 'inner', DOI: '10.1/inner' },
        title: 'Mine',
        doi: '10.1/mine',
        tags: ['mine'],
      },
    ];
    const { papers } = readWith(readJsonl, records.map((record) => JSON.stringify(record)).join('\n'));
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.venue, paper.url, paper.doi, paper.tags])).toEqual([
      ['rec-9', 'Outer', 'My Journal', 'https://example.org/mine', null, ['mine']],
      ['own-5', 'Mine', null, null, '10.1/mine', ['mine']],
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({ keywords: ['kw'], version: 1 });
  });

  it('reads a Zotero item under its zotero: id when the record wrapping it names an empty or null id', () => {
    const item = (id: unknown, key: string) => ({
      id,
      key,
      version: 2,
      data: { itemType: 'book', title: `Book ${key}`, creators: [] },
    });
    const records = [item('', 'EMPTY234'), item(null, 'NULL2345'), item('  ', 'SPACE234')];
    const { papers } = readWith(readJsonl, records.map((record) => JSON.stringify(record)).join('\n'));
    expect(papers.map(({ paper }) => paper.id)).toEqual(['zotero:EMPTY234', 'zotero:NULL2345', 'zotero:SPACE234']);
  });

  it("reads a user's own note record that names a title or authors as a paper, not a Zotero note", () => {
    const records = [
      {
        id: 'own-3',
        itemType: 'note',
        title: 'My note about a paper',
        note: 'important',
        authors: ['E Park'],
        year: 2020,
      },
      { id: 'own-4', itemType: 'note', note: 'unnamed', authors: ['F Kim'], abstract: 'My reading of it.' },
      { key: 'NOTE0001', version: 14, itemType: 'note', note: '<p>hi</p>', parentItem: 'ABCD1234' },
    ];
    const read = readJsonl(records.map((record) => JSON.stringify(record)).join('\n'), 'mine.jsonl');
    expect(read.notices).toEqual([
      'mine.jsonl: 1 Zotero item holding no paper of its own was passed over (1 note; line 3)',
    ]);
    const { papers } = readWith(readJsonl, records.map((record) => JSON.stringify(record)).join('\n'));
    expect(papers.map(({ paper }) => [paper.id, paper.authors])).toEqual([
      ['own-3', ['E Park']],
      ['own-4', ['F Kim']],
    ]);
  });
});
