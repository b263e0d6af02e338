import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../indexer/readers/detect-format.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { readJson } from '../../../indexer/readers/json.reader.ts';
import { readJsonl } from '../../../indexer/readers/jsonl.reader.ts';
import { makeTempDir, readFixture, readWith } from './read-fixture.ts';

// Shaped as the Crossref REST API answers /works/{doi}, with values written here.
const work = {
  DOI: '10.1145/3404835.3462880',
  type: 'proceedings-article',
  title: ['ColBERTv2: effective and efficient retrieval'],
  author: [{ given: 'Keshav', family: 'Santhanam', sequence: 'first', affiliation: [] }],
  'container-title': ['Proceedings of SIGIR'],
  issued: { 'date-parts': [[2021, 7, 11]] },
  abstract: '<jats:p>Late interaction makes retrieval cheap.</jats:p>',
  subject: ['Information Systems'],
  member: '320',
};

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('crossref-works', () => {
  it('reads a work-list answer: title[0], JATS abstract without its "Abstract" heading, {given, family} authors, affiliations, venue, subjects', () => {
    const { papers } = readFixture(readJson, 'wild/crossref-works.json', { repair: true });
    expect(papers[1]?.paper).toMatchObject({
      id: 'doi:10.1038/s41561-019-0376-6',
      doi: '10.1038/s41561-019-0376-6',
      title: 'Glacier retreat in the Alps',
      abstract:
        'Glaciers in the European Alps have lost about half of their volume since 1850. We reconstruct ice thickness from radar surveys & model future retreat.',
      authors: ['Søren Ødegård', 'José Núñez-García', 'GLAMOS Consortium'],
      affiliations: ['University of Oslo', 'ETH Zürich'],
      venue: 'Nature Geoscience',
      tags: ['General Earth and Planetary Sciences'],
      metadata: { source: 'Crossref', type: 'journal-article', volume: '12', issue: '7', pages: '512-517' },
    });
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.18653/v1/2020.emnlp-main.550',
      abstract: '',
      authors: ['Vladimir Karpukhin', 'Barlas Oğuz', 'Wen-tau Yih'],
      year: 2020,
    });
  });

  it('takes the year from the first dated field when "issued" is Crossref’s unknown date [[null]]', () => {
    const { papers } = readFixture(readJson, 'wild/crossref-works.json', { repair: true });
    expect(papers[1]?.paper.year).toBe(2019);
  });

  it('locates each work at the line its object starts in message.items, and refuses a work without a title', () => {
    const { papers, problems } = readFixture(readJson, 'wild/crossref-works.json', { repair: true });
    expect(papers.map(({ location }) => location.line)).toEqual([9, 41]);
    expect(problems.map((problem) => [problem.line, problem.record, problem.field])).toEqual([[76, 3, 'title']]);
  });

  it('reads a single-work answer saved as one line of .json (detected as JSON, not JSON Lines)', async () => {
    const text = JSON.stringify({ status: 'ok', 'message-type': 'work', 'message-version': '1.0.0', message: work });
    expect(detectFormat('work.json', text)).toBe('json');
    const list = JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { items: [work] } });
    expect(detectFormat('works.json', list)).toBe('json');
    const result = await readPaperFiles([temp.write('work.json', text)]);
    expect(result.problems).toEqual([]);
    expect(result.papers.map(({ paper, location }) => [paper.id, paper.year, paper.venue, location.line])).toEqual([
      ['doi:10.1145/3404835.3462880', 2021, 'Proceedings of SIGIR', 1],
    ]);
  });

  it('reads bare works in JSON Lines and single-work answers one per line', () => {
    const answer = { status: 'ok', 'message-type': 'work', message: { ...work, DOI: '10.1/other' } };
    const text = `${JSON.stringify(work)}\n${JSON.stringify(answer)}\n`;
    const { papers, problems } = readWith(readJsonl, text, 'works.jsonl');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.abstract, paper.authors])).toEqual([
      [
        'doi:10.1145/3404835.3462880',
        'ColBERTv2: effective and efficient retrieval',
        'Late interaction makes retrieval cheap.',
        ['Keshav Santhanam'],
      ],
      [
        'doi:10.1/other',
        'ColBERTv2: effective and efficient retrieval',
        'Late interaction makes retrieval cheap.',
        ['Keshav Santhanam'],
      ],
    ]);
  });

  it('reports a work-list answer written as one line of JSON Lines at its line, instead of a record without a title', () => {
    const page = JSON.stringify({ status: 'ok', 'message-type': 'work-list', message: { items: [work, work] } });
    const { papers, problems } = readWith(readJsonl, `${JSON.stringify(work)}\n${page}\n`, 'pages.jsonl');
    expect(papers).toHaveLength(1);
    expect(problems).toEqual([
      {
        file: 'pages.jsonl',
        line: 2,
        record: 2,
        field: null,
        message:
          'is a Crossref work-list answer holding 2 works, not one record; save each answer as its own .json file, or one work per line',
      },
    ]);
  });

  it('leaves a record with a DOI and a title written as text as it is (CSL-JSON and plain records are not Crossref works)', () => {
    const text = JSON.stringify([{ id: 'k1', DOI: '10.1/x', title: 'Plain', issued: { 'date-parts': [[2020]] } }]);
    const { papers } = readWith(readJson, text, 'plain.json');
    expect(papers[0]?.paper).toMatchObject({ id: 'k1', title: 'Plain', year: 2020, doi: '10.1/x' });
    expect(papers[0]?.paper.metadata).not.toHaveProperty('source');
  });

  it("keeps an author's suffix and a {literal} group author, as the other readers read names", () => {
    const author = [
      { given: 'Martin Luther', family: 'King', suffix: 'Jr.', sequence: 'first' },
      { literal: 'Google DeepMind' },
      { name: 'GLAMOS Consortium' },
    ];
    const { papers } = readWith(readJson, JSON.stringify([{ ...work, author }]), 'works.json');
    expect(papers[0]?.paper.authors).toEqual(['Martin Luther King Jr.', 'Google DeepMind', 'GLAMOS Consortium']);
  });
});
