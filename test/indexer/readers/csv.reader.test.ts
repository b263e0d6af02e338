import { describe, expect, it } from 'vitest';
import { readCsv, readTsv } from '../../../indexer/readers/csv.reader.ts';
import { paperById, readFixture, readWith } from './read-fixture.ts';

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
