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
});
