import { describe, expect, it } from 'vitest';
import { readBibtex, readBibtexFiles } from '../../../indexer/readers/bibtex.reader.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { makeTempDir, paperById, readWith } from './read-fixture.ts';

const WORKSHOP = `@inproceedings{smith2019, title = {Sparse attention}, author = {Smith, A.}, crossref = {proc2019},
  abstract = {Attention restricted to a few positions per token.}}

@inproceedings{lee2019, title = {Dense retrieval}, author = {Lee, B.}, crossref = {PROC2019}, year = 2020,
  booktitle = {Long Document Workshop (Posters)}, abstract = {Retrieval with learned vectors.}}

@proceedings{proc2019, title = {Proceedings of the Long Document Workshop}, year = 2019, publisher = {ACL},
  editor = {Doe, J.}, address = {Florence}, doi = {10.18653/v1/W19-01}, url = {https://example.org/w19},
  keywords = {workshop}, note = {arXiv:1901.00001}}
`;

describe('bibtex-crossref', () => {
  it('gives an entry the year, publisher, editor and address of the proceedings it cross-references, found after it', () => {
    const { papers, problems } = readWith(readBibtex, WORKSHOP, 'refs.bib');
    expect(problems).toEqual([]);
    expect(paperById(papers, 'smith2019').paper).toMatchObject({
      year: 2019,
      venue: 'Proceedings of the Long Document Workshop',
      doi: null,
      url: null,
      arxivId: null,
      tags: [],
      metadata: { publisher: 'ACL', editors: ['J. Doe'], address: 'Florence', crossref: 'proc2019' },
    });
  });

  it("keeps an entry's own fields, matches the key in any case, and never takes the parent's DOI, link or keywords", () => {
    const { papers } = readWith(readBibtex, WORKSHOP, 'refs.bib');
    const lee = paperById(papers, 'lee2019').paper;
    expect(lee).toMatchObject({ year: 2020, venue: 'Long Document Workshop (Posters)', doi: null, url: null });
    expect(lee.metadata).toMatchObject({ publisher: 'ACL', editors: ['J. Doe'] });
    expect(lee.metadata).not.toHaveProperty('note');
  });

  it('leaves out a cross-referenced proceedings without an abstract, saying so once with its file and line', () => {
    const read = readBibtex(WORKSHOP, 'refs.bib');
    expect(read.records.map((record) => record.fields.id)).toEqual(['smith2019', 'lee2019']);
    expect(read.notices).toEqual([
      'refs.bib:7 (record 3): "proc2019" is the proceedings that 2 entries cross-reference ("smith2019", "lee2019"); its fields were given to those entries and it is not indexed as a paper',
    ]);
  });

  it('keeps a cross-referenced container that has an abstract of its own, and a parent that is a paper', () => {
    const text = `@incollection{ch1, title = {Chapter one}, crossref = {book1}, abstract = {First.}}
@book{book1, title = {A Book of Chapters}, year = 2001, abstract = {The whole book, summarized.}}
@inproceedings{ext, title = {Extended}, crossref = {base}, abstract = {More.}}
@inproceedings{base, title = {Base paper}, booktitle = {ACL}, year = 2018, abstract = {Less.}}
`;
    const read = readBibtex(text, 'refs.bib');
    expect(read.notices).toBeUndefined();
    const { papers } = readWith(readBibtex, text, 'refs.bib');
    expect(papers.map(({ paper }) => [paper.id, paper.year, paper.venue])).toEqual([
      ['ch1', 2001, 'A Book of Chapters'],
      ['book1', 2001, null],
      ['ext', 2018, 'ACL'],
      ['base', 2018, 'ACL'],
    ]);
  });

  it('keeps a cross-referenced book with authors of its own, a work cited whole, and gives its chapter its fields', () => {
    const text = `@book{textbook, title = {Speech and Language Processing}, author = {Jurafsky, Daniel and Martin, James H.},
  year = 2009, publisher = {Prentice Hall}}
@incollection{chap3, title = {N-gram Language Models}, author = {Jurafsky, Daniel}, crossref = {textbook},
  abstract = {Counting word sequences to predict the next word.}}
`;
    const read = readBibtex(text, 'refs.bib');
    expect(read.notices).toBeUndefined();
    const { papers } = readWith(readBibtex, text, 'refs.bib');
    expect(papers.map(({ paper }) => [paper.id, paper.year, paper.venue])).toEqual([
      ['textbook', 2009, 'Prentice Hall'],
      ['chap3', 2009, 'Speech and Language Processing'],
    ]);
  });

  it('keeps an entry whose crossref names no entry of the file, with a notice at its line', () => {
    const text = `@comment{exported}
@article{orphan, title = {On its own}, crossref = {elsewhere2019}, abstract = {Text.}}
`;
    const read = readBibtex(text, 'refs.bib');
    expect(read.records.map((record) => record.fields.id)).toEqual(['orphan']);
    expect(read.notices).toEqual([
      'refs.bib:2 (record 1) crossref: "elsewhere2019" names no entry in this file (is it in another .bib file?); the entry is kept without the fields it would take from it',
    ]);
  });

  it("takes a journal from a cross-referenced periodical and a multi-volume set's title as metadata, not as venue", () => {
    const text = `@article{a1, title = {An article}, crossref = {jour}, abstract = {Text.}}
@periodical{jour, title = {Journal of Examples}, year = 1999, volume = 3}
@inproceedings{p1, title = {A talk}, crossref = {vol2}, abstract = {Text.}}
@proceedings{vol2, title = {Proceedings, Volume 2}, crossref = {set}, volume = 2}
@mvproceedings{set, title = {Proceedings of the Congress}, year = 2010, publisher = {Springer}}
`;
    const read = readBibtex(text, 'refs.bib');
    expect(read.notices).toHaveLength(3);
    const { papers } = readWith(readBibtex, text, 'refs.bib');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['a1', 'p1']);
    expect(paperById(papers, 'a1').paper).toMatchObject({ year: 1999, venue: 'Journal of Examples' });
    expect(paperById(papers, 'p1').paper).toMatchObject({
      year: 2010,
      venue: 'Proceedings, Volume 2',
      metadata: { maintitle: 'Proceedings of the Congress', publisher: 'Springer', volume: '2' },
    });
  });

  it('cuts a crossref cycle at the entry that closes it instead of following it for ever', () => {
    const text = `@inproceedings{a, title = {A}, crossref = {b}, abstract = {Text a.}}
@inproceedings{b, title = {B}, crossref = {a}, year = 2000, abstract = {Text b.}}
`;
    const { papers } = readWith(readBibtex, text, 'refs.bib');
    expect(papers.map(({ paper }) => [paper.id, paper.year, paper.venue])).toEqual([
      ['a', 2000, 'B'],
      ['b', 2000, null],
    ]);
  });

  it("passes the notices on from readPaperFiles, and reports a left-out parent's repairs with its child", async () => {
    const temp = makeTempDir();
    try {
      const file = temp.write(
        'refs.bib',
        `@inproceedings{smith2019, title = {Sparse attention}, crossref = {proc2019}, abstract = {Text.}}
@proceedings{proc2019, title = {Proceedings}, year = 2019, publisher = acl}
`,
      );
      const read = await readPaperFiles([file]);
      expect(read.papers.map(({ paper }) => [paper.id, paper.metadata.publisher])).toEqual([['smith2019', 'acl']]);
      expect(read.notices).toEqual([expect.stringMatching(/refs\.bib:2 \(record 2\): "proc2019" is the proceedings/)]);
      expect(read.repairs).toEqual([expect.objectContaining({ line: 2, field: 'publisher' })]);
      expect(read.problems).toEqual([]);
    } finally {
      temp.cleanup();
    }
  });

  it('finds the parent of a crossref in another .bib file of the same run, and leaves that proceedings out', async () => {
    const temp = makeTempDir();
    try {
      const papers = temp.write(
        'a.bib',
        `@inproceedings{kim2020, title = {Graph attention}, author = {Kim, C.}, crossref = {conf2020},
  abstract = {Attention over graph edges.}}
@inproceedings{ng2020, title = {Sparse graphs}, author = {Ng, D.}, crossref = {CONF2020}, abstract = {Fewer edges.}}
`,
      );
      const proceedings = temp.write(
        'b.bib',
        `@string{acl = {Association for Computational Linguistics}}

@proceedings{conf2020, title = {Proceedings of the Graph Workshop}, year = 2020, publisher = acl,
  address = {Online}, doi = {10.1000/proc}}
`,
      );
      const read = await readPaperFiles([papers, proceedings]);
      expect(read.problems).toEqual([]);
      expect(read.papers.map(({ paper }) => [paper.id, paper.year, paper.venue, paper.doi])).toEqual([
        ['kim2020', 2020, 'Proceedings of the Graph Workshop', null],
        ['ng2020', 2020, 'Proceedings of the Graph Workshop', null],
      ]);
      expect(paperById(read.papers, 'kim2020').paper.metadata).toMatchObject({
        publisher: 'Association for Computational Linguistics',
        address: 'Online',
      });
      expect(read.notices).toEqual([
        `${proceedings}:3 (record 1): "conf2020" is the proceedings that 2 entries cross-reference ("kim2020", "ng2020"); its fields were given to those entries and it is not indexed as a paper`,
      ]);
    } finally {
      temp.cleanup();
    }
  });

  it('reads a .bib file given twice as the same entries, each with its parent from the other file', async () => {
    const temp = makeTempDir();
    try {
      const papers = temp.write(
        'p.bib',
        '@inproceedings{kim2020, title = {Graph attention}, author = {Kim, C.}, crossref = {conf2020}, abstract = {Edges.}}\n',
      );
      const proceedings = temp.write('q.bib', '@proceedings{conf2020, title = {Graph Workshop}, year = 2020}\n');
      const read = await readPaperFiles([papers, proceedings, papers]);
      expect(read.papers.map(({ paper }) => [paper.id, paper.venue])).toEqual([['kim2020', 'Graph Workshop']]);
      expect(read.notices.filter((notice) => /names no entry/.test(notice))).toEqual([]);
    } finally {
      temp.cleanup();
    }
  });

  it("takes a key from the entry's own file before another file's, and names every file when none holds it", () => {
    const [first, second] = readBibtexFiles([
      {
        file: 'a.bib',
        text: `@inproceedings{p1, title = {One}, crossref = {conf}, abstract = {Text.}}
@inproceedings{p2, title = {Two}, crossref = {missing}, abstract = {Text.}}
@proceedings{conf, title = {Own Proceedings}, year = 2001}
`,
      },
      {
        file: 'b.bib',
        text: `@inproceedings{p3, title = {Three}, crossref = {conf}, abstract = {Text.}}
@proceedings{conf, title = {Other Proceedings}, year = 2002}
`,
      },
    ]);
    expect(first?.records.map((record) => [record.fields.id, record.fields.booktitle])).toEqual([
      ['p1', 'Own Proceedings'],
      ['p2', undefined],
    ]);
    expect(second?.records.map((record) => [record.fields.id, record.fields.booktitle])).toEqual([
      ['p3', 'Other Proceedings'],
    ]);
    expect(first?.notices?.[0]).toBe(
      'a.bib:2 (record 2) crossref: "missing" names no entry of the 2 .bib files read; the entry is kept without the fields it would take from it',
    );
  });
});
