import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../../indexer/readers/bibtex.reader.ts';
import { paperById, readFixture, readWith } from './read-fixture.ts';

describe('bibtex.reader', () => {
  it('reads every entry of the fixture, skipping @preamble, @string and @comment, with the line it starts on', () => {
    const { papers, problems } = readFixture(readBibtex, 'papers.bib');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.location.line, entry.location.record])).toEqual([
      ['vaswani2017attention', 6, 1],
      ['lewis2020retrieval', 19, 2],
      ['karpukhin2020dense', 30, 3],
      ['schoelkopf2024notes', 39, 4],
    ]);
  });

  it('maps fields: "Last, First" authors, macro concatenation, bare years, keywords, abstract and arXiv eprint', () => {
    const { papers } = readFixture(readBibtex, 'papers.bib');
    expect(paperById(papers, 'vaswani2017attention').paper).toEqual({
      id: 'vaswani2017attention',
      title: 'Attention Is All You Need',
      abstract:
        'Introduces the Transformer, a sequence model built only from attention layers, with no recurrence or convolution.',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
      affiliations: [],
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems 30',
      url: null,
      doi: null,
      arxivId: '1706.03762',
      tags: ['transformers', 'attention'],
      metadata: { entryType: 'inproceedings', pages: '5998–6008', archiveprefix: 'arXiv' },
    });
  });

  it('cleans LaTeX from values, drops "and others", and keeps a braced corporate author whole', () => {
    const { papers } = readFixture(readBibtex, 'papers.bib');
    expect(paperById(papers, 'lewis2020retrieval').paper).toMatchObject({
      title: 'Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks',
      authors: ['Patrick Lewis', 'Ethan Perez', 'Aleksandra Piktus'],
      venue: 'Advances in Neural Information Processing Systems',
      abstract:
        'Pairs a seq2seq generator with a dense retriever; R&D on knowledge-intensive tasks shows gains of 5% or more.',
      url: 'https://arxiv.org/abs/2005.11401',
      arxivId: '2005.11401',
      metadata: { month: 'May' },
    });
    expect(paperById(papers, 'karpukhin2020dense').paper).toMatchObject({
      authors: ['Vladimir Karpukhin', 'Barlas Oğuz', 'Sewon Min', 'Facebook AI Research'],
      venue: 'Proceedings of EMNLP 2020',
      abstract: 'Shows that a dual-encoder retriever trained on question–passage pairs outperforms BM25.',
    });
    expect(paperById(papers, 'schoelkopf2024notes').paper).toMatchObject({
      title: "Notes on Über-large Models and Schölkopf's Kernels",
      authors: ['Bernhard Schölkopf', 'Jürgen Müller'],
      metadata: { note: 'Workshop draft' },
    });
  });

  it('reads entries delimited by parentheses and entries without fields', () => {
    const { papers, problems } = readWith(
      readBibtex,
      '@article(a1, title = "One", year = 2021)\n@misc{a2,\n title={Two}}',
    );
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.paper.title, entry.paper.year])).toEqual([
      ['a1', 'One', 2021],
      ['a2', 'Two', null],
    ]);
  });

  it('reports a syntax error at the entry line with its record number, and reads the next entry', () => {
    const text =
      '@article{good1, title = {Fine}}\n\n@article{bad,\n  title = {Broken},\n  year 2020\n}\n@article{good2, title = {Also fine}}\n';
    const { papers, problems } = readWith(readBibtex, text, 'refs.bib');
    expect(papers.map((entry) => entry.paper.id)).toEqual(['good1', 'good2']);
    expect(papers[1]?.location).toEqual({ file: 'refs.bib', line: 7, record: 3 });
    expect(problems).toEqual([
      {
        file: 'refs.bib',
        line: 3,
        record: 2,
        field: null,
        message: 'expected "=" after field "year" in entry "bad" (at line 5)',
      },
    ]);
  });

  it('reports a value whose brace is never closed instead of swallowing the entries after it', () => {
    const text = '@article{open,\n  title = {Never closed,\n  year = 2020,\n\n@article{next, title = {Next}}\n';
    const { papers, problems } = readWith(readBibtex, text, 'refs.bib');
    expect(papers.map((entry) => entry.paper.id)).toEqual(['next']);
    expect(problems).toEqual([
      {
        file: 'refs.bib',
        line: 1,
        record: 1,
        field: null,
        message: 'the value of field "title" is missing a "}" (at line 2)',
      },
    ]);
  });

  it('reports an entry missing its closing brace when the next entry starts', () => {
    const text = '@article{open,\n  title = {Closed value},\n  year = 2020\n\n@article{next, title = {Next}}\n';
    const { papers, problems } = readWith(readBibtex, text, 'refs.bib');
    expect(papers.map((entry) => [entry.paper.id, entry.location.record])).toEqual([['next', 2]]);
    expect(problems).toEqual([
      {
        file: 'refs.bib',
        line: 1,
        record: 1,
        field: null,
        message: 'entry "open" is not closed before the next entry starts (at line 5)',
      },
    ]);
  });

  it('reports an entry that is not closed at the end of the file', () => {
    const { problems } = readWith(readBibtex, '@article{last, title = {T},', 'end.bib');
    expect(problems).toEqual([
      {
        file: 'end.bib',
        line: 1,
        record: 1,
        field: null,
        message: 'entry "last" is not closed: missing "}" at the end of the file',
      },
    ]);
  });

  it('ignores an "@" outside entries, as in an e-mail address in a comment', () => {
    const { papers, problems } = readWith(readBibtex, 'Contact: someone@example.org\n@book{b, title = {Book}}');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => entry.paper.id)).toEqual(['b']);
  });

  it('keeps a non-arXiv eprint out of arxivId', () => {
    const { papers } = readWith(readBibtex, '@misc{p, title={T}, eprint={12345}, eprinttype={pubmed}}');
    expect(papers[0]?.paper).toMatchObject({ arxivId: null, metadata: { eprintId: '12345', eprinttype: 'pubmed' } });
  });
});
