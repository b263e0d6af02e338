import { describe, expect, it } from 'vitest';
import { elementLines, readJson } from '../../../indexer/readers/json.reader.ts';
import { paperById, readFixture, readWith } from './read-fixture.ts';

describe('json.reader', () => {
  it('reads the fixture array into papers numbered in order, each with the line its object starts on', () => {
    const { papers, problems } = readFixture(readJson, 'papers.json');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.location.line, entry.location.record])).toEqual([
      ['vaswani2017', 2, 1],
      ['lewis2020rag', 11, 2],
      ['karpukhin2020dpr', 19, 3],
    ]);
    expect(paperById(papers, 'lewis2020rag').paper).toMatchObject({
      authors: ['Patrick Lewis', 'Ethan Perez'],
      year: 2020,
      metadata: { source: 'reading list' },
    });
    expect(paperById(papers, 'karpukhin2020dpr').paper.doi).toBe('10.18653/v1/2020.emnlp-main.550');
  });

  it('reads the array under "papers", "items" or "records" of a wrapper object', () => {
    for (const key of ['papers', 'items', 'records']) {
      const text = `{\n  "count": 2,\n  "${key}": [\n    {"id": "a", "title": "A"},\n    {"id": "b", "title": "B"}\n  ]\n}`;
      const { papers, problems } = readWith(readJson, text);
      expect(problems).toEqual([]);
      expect(papers.map((entry) => [entry.paper.id, entry.location.line])).toEqual([
        ['a', 4],
        ['b', 5],
      ]);
    }
  });

  it('reports invalid JSON with the line and column where parsing stopped', () => {
    const text = '[\n  {"id": "a", "title": "A"},\n  {"id": "b" "title": "B"}\n]';
    const { papers, problems } = readWith(readJson, text, 'broken.json');
    expect(papers).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'broken.json', line: 3, record: null });
    expect(problems[0]?.message).toMatch(/^is not valid JSON: .+ \(column 14\)$/);
  });

  it('reports an object that holds no array of papers, naming its keys', () => {
    const { problems } = readWith(readJson, '{"title": "A", "year": 2024}', 'one.json');
    expect(problems).toEqual([
      {
        file: 'one.json',
        line: 1,
        record: null,
        field: null,
        message:
          'expected a JSON array of papers, or an object with a "papers", "items", "records", "results" or "data" array; got an object with keys title, year',
      },
    ]);
  });

  it('reports an element that is not an object by its record number and line', () => {
    const { papers, problems } = readWith(readJson, '[\n {"id":"a","title":"A"},\n "just text"\n]', 'mixed.json');
    expect(papers).toHaveLength(1);
    expect(problems).toEqual([
      { file: 'mixed.json', line: 3, record: 2, field: null, message: 'expected a JSON object, got text' },
    ]);
  });

  it('finds element lines past strings holding brackets, commas and escaped quotes', () => {
    const text = '[{"t": "a [b], \\"c\\" {"},\n{"t": ["x", {"y": [1, 2]}]},\n\n  3]';
    expect(elementLines(text, [])).toEqual([1, 2, 4]);
    const wrapped = '{"papers": [], "note": "[", "papers": [\n{}, \n{"papers": [1]}]}';
    expect(elementLines(wrapped, ['papers'])).toEqual([2, 3]);
  });

  // Shaped as Semantic Scholar's graph API answers them (POST paper/batch, GET recommendations), values written here.
  const s2Paper = (paperId: string, title: string, venue: string) => ({
    paperId,
    externalIds: { CorpusId: 1 },
    title,
    abstract: `${title} is studied here.`,
    venue,
    year: 2021,
    authors: [{ authorId: '1', name: 'Ana Silva' }],
  });
  const FIRST_ID = 'a'.repeat(40);
  const SECOND_ID = 'b'.repeat(40);

  it("reads a Semantic Scholar batch answer's known papers and counts its nulls (ids it did not know) in a notice", () => {
    const batch = [null, s2Paper(FIRST_ID, 'Tidal melt', 'ArXiv'), null, s2Paper(SECOND_ID, 'Ice shelves', 'Nature')];
    const text = JSON.stringify(batch, null, 2);
    const parsed = readJson(text, 'batch.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.notices).toEqual([
      'batch.json: 2 of its 4 entries are null (entries 1, 3, counted from 1 as records are), ids Semantic Scholar did not know, which its batch answer writes as null; the other papers were read',
    ]);
    const { papers, problems } = readWith(readJson, text, 'batch.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper, location }) => [paper.id, paper.venue, location.record])).toEqual([
      [`s2:${FIRST_ID}`, 'arXiv', 2],
      [`s2:${SECOND_ID}`, 'Nature', 4],
    ]);
  });

  it('still refuses a null among records that are not Semantic Scholar papers', () => {
    const { papers, problems } = readWith(readJson, '[{"id": "a", "title": "A"}, null]', 'mine.json');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['a']);
    expect(problems).toEqual([
      { file: 'mine.json', line: 1, record: 2, field: null, message: 'expected a JSON object, got null' },
    ]);
  });

  it('refuses a null among records of which only some are Semantic Scholar papers, as no batch answer', () => {
    const mixed = JSON.stringify([s2Paper(FIRST_ID, 'Tidal melt', 'Nature'), { id: 'a', title: 'A' }, null]);
    const parsed = readJson(mixed, 'mixed.json');
    expect(parsed.notices).toBeUndefined();
    expect(parsed.problems).toEqual([
      { file: 'mixed.json', line: 1, record: 3, field: null, message: 'expected a JSON object, got null' },
    ]);
  });

  it('reads a Semantic Scholar recommendations answer, and not an object of other records under its key', () => {
    const answer = {
      recommendedPapers: [s2Paper(FIRST_ID, 'Tidal melt', 'arXiv.org'), { paperId: SECOND_ID, title: 'Ice' }],
    };
    const { papers, problems } = readWith(readJson, JSON.stringify(answer, null, 1), 'recommended.json');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper, location }) => [paper.id, paper.title, paper.venue, location.line])).toEqual([
      [`s2:${FIRST_ID}`, 'Tidal melt', 'arXiv', 3],
      [`s2:${SECOND_ID}`, 'Ice', null, 19],
    ]);
    const mine = readWith(readJson, '{"recommendedPapers": [{"id": "a", "title": "A"}]}', 'mine.json');
    expect(mine.papers).toEqual([]);
    expect(mine.problems[0]?.message).toBe(
      'expected a JSON array of papers, or an object with a "papers", "items", "records", "results" or "data" array; got an object with keys recommendedPapers (a "recommendedPapers" array is read only when it is the object\'s one key and every entry is a Semantic Scholar paper, with its "paperId" and the API\'s fields)',
    );
  });

  it("takes a Zotero item's journal (publicationTitle), proceedings (proceedingsTitle) and abstract (abstractNote), not its publisher, from Better BibTeX's JSON and Zotero's API", () => {
    const journalArticle = {
      itemType: 'journalArticle',
      title: 'Microbial carbon use',
      creators: [{ firstName: 'Jane', lastName: 'Doe', creatorType: 'author' }],
      abstractNote: 'We measure soil.',
      publicationTitle: 'Soil Biology and Biochemistry',
      publisher: 'Elsevier',
      date: '2019',
      citationKey: 'doe2019soil',
    };
    const conferencePaper = {
      itemType: 'conferencePaper',
      title: 'Dense retrieval',
      creators: [{ firstName: 'Kai', lastName: 'Lin', creatorType: 'author' }],
      abstractNote: 'We retrieve.',
      proceedingsTitle: 'Proceedings of the 44th SIGIR',
      conferenceName: "SIGIR '21",
      publisher: 'Association for Computing Machinery',
      date: '2021',
      citationKey: 'lin2021dense',
    };
    const betterBibtex = { config: { label: 'BetterBibTeX JSON' }, items: [journalArticle, conferencePaper] };
    const zoteroApi = [{ key: 'ABCD1234', ...journalArticle }];
    for (const text of [JSON.stringify(betterBibtex), JSON.stringify(zoteroApi)]) {
      const { papers, problems } = readWith(readJson, text, 'zotero.json');
      expect(problems).toEqual([]);
      expect(papers[0]?.paper).toMatchObject({
        venue: 'Soil Biology and Biochemistry',
        abstract: 'We measure soil.',
        metadata: { publisher: 'Elsevier' },
      });
    }
    const conference = readWith(readJson, JSON.stringify(betterBibtex), 'zotero.json').papers[1]?.paper;
    expect(conference).toMatchObject({
      venue: 'Proceedings of the 44th SIGIR',
      metadata: { conferenceName: "SIGIR '21", publisher: 'Association for Computing Machinery' },
    });
  });
});
