import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../../indexer/readers/bibtex.reader.ts';
import { readPaperFiles } from '../../../indexer/readers/index.ts';
import { makeTempDir, paperById, readFixture, readWith } from './read-fixture.ts';

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

  it('reads a braced, quoted or numeric month as the month macro reads it', () => {
    const monthOf = (value: string) =>
      readWith(readBibtex, `@article{m, title={T}, month = ${value}}`).papers[0]?.paper.metadata.month;
    for (const value of ['mar', '{mar}', '"mar"', '{Mar}', '{Mar.}', '3', '{03}', '"3"', '{march}']) {
      expect(monthOf(value)).toBe('March');
    }
    expect(monthOf('{Spring}')).toBe('Spring');
    expect(monthOf('{13}')).toBe('13');
  });

  it('records a citation key that is a DOI as the DOI of an entry without a doi field', () => {
    const text =
      '@inproceedings{10.1145/3292500.3330701,\n  title = {Graph Mining at Scale},\n  year = {2019}\n}\n' +
      '@article{10.1000/own-key,\n  title = {Given},\n  doi = {10.1000/given}\n}\n' +
      '@article{smith2019graph,\n  title = {Not a DOI}\n}\n';
    const { papers } = readWith(readBibtex, text);
    expect(papers.map((entry) => [entry.paper.id, entry.paper.doi])).toEqual([
      ['10.1145/3292500.3330701', '10.1145/3292500.3330701'],
      ['10.1000/own-key', '10.1000/given'],
      ['smith2019graph', null],
    ]);
  });

  it('reads an arXiv eprint, old-style or versioned, bare or prefixed, as the arXiv feed names the paper', () => {
    const arxivIdOf = (fields: string) =>
      readWith(readBibtex, `@misc{e, title={T}, ${fields}}`).papers[0]?.paper.arxivId;
    expect(arxivIdOf('eprint = {2301.01234v2}, archivePrefix = {arXiv}')).toBe('2301.01234');
    expect(arxivIdOf('eprint = {arXiv:2301.01234v2}, archivePrefix = {arXiv}')).toBe('2301.01234');
    expect(arxivIdOf('eprint = {hep-th/9901001v2}, eprinttype = {arxiv}')).toBe('hep-th/9901001');
    expect(arxivIdOf('eprint = {https://arxiv.org/abs/2301.01234v3}, eprinttype = {arXiv}')).toBe('2301.01234');
    expect(arxivIdOf('eprint = {hep-th/9901001}')).toBe('hep-th/9901001');
    expect(arxivIdOf('eprint = {not-an-id}, archivePrefix = {arXiv}')).toBeNull();
  });
});

describe('bibtex.reader on Mendeley and JabRef exports', () => {
  const read = () => readFixture(readBibtex, 'wild/mendeley-jabref.bib', { repair: true });

  it('reads keys with apostrophes, @string macros joined by "#", month macros and LaTeX in every field', () => {
    const { papers } = read();
    expect(paperById(papers, "Dobrovol'skii_1963").paper).toMatchObject({
      title: 'On Kähler manifolds with & without torsion',
      authors: ["V. A. Dobrovol'skii", 'Jörg Müller'],
      venue: 'Journal of Nonlinear Physics (Series A)',
      year: 1963,
      abstract: 'We study α-stable maps of order O(n^2) — a “classical” problem.',
      metadata: { month: 'March', pages: '12–34', file: ':C:/Users/reader/Papers/dobrovolskii.pdf:pdf' },
    });
    expect(paperById(papers, "O'Hara_1999").paper.venue).toBe('Lecture Notes 42');
  });

  it("takes Mendeley's mendeley-tags and JabRef's groups as tags, beside keywords", () => {
    const { papers } = read();
    expect(paperById(papers, "Dobrovol'skii_1963").paper.tags).toEqual([
      'geometry',
      'classics',
      'manifolds',
      'torsion',
    ]);
    expect(paperById(papers, "O'Hara_1999").paper.tags).toEqual(['Agents']);
  });

  it('gives a keyless entry a key made from its content, and drops year = {6} keeping the paper, saying so', () => {
    const { papers, repairs } = read();
    expect(paperById(papers, 'lovelace1843sketch').location).toEqual({
      file: 'wild/mendeley-jabref.bib',
      line: 22,
      record: 2,
    });
    expect(paperById(papers, "O'Hara_1999").paper.year).toBeNull();
    expect(repairs.map((repair) => [repair.line, repair.record, repair.field, repair.message])).toEqual([
      [
        22,
        2,
        'key',
        'the entry has no citation key; the key "lovelace1843sketch" was made from its author, year and title',
      ],
      [29, 3, 'year', 'expected a year like 2024 or a date like 2024-05-17, got "6"; the value was dropped'],
    ]);
  });

  it('skips @comment blocks, JabRef group trees included, and refuses only the entry with nothing usable', () => {
    const { papers, problems } = read();
    expect(papers.map((entry) => entry.location.record)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(problems).toEqual([
      {
        file: 'wild/mendeley-jabref.bib',
        line: 52,
        record: 7,
        field: 'title',
        message: 'is missing, and there is no abstract to take one from',
      },
    ]);
  });

  it('refuses a keyless entry under strict, as before', () => {
    const { papers, problems } = readWith(readBibtex, '@article{,\n  title = {No key}\n}\n', 'k.bib');
    expect(papers).toEqual([]);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([[1, 'key']]);
  });

  it('reads an entry that starts with a field instead of a key as keyless', () => {
    const { papers } = readWith(readBibtex, '@misc{title = {Straight to fields}, year = 2001}', 'f.bib', {
      repair: true,
    });
    expect(papers.map((entry) => [entry.paper.id, entry.paper.title])).toEqual([
      ['2001straight', 'Straight to fields'],
    ]);
  });

  it("reads Zotero's BibTeX, whose abstracts carry HTML written as {\\textless}p{\\textgreater}", () => {
    const text =
      '@article{zot_2021,\n title = {A {Zotero} export},\n' +
      ' abstract = {{\\textless}p{\\textgreater}First.{\\textless}/p{\\textgreater}{\\textless}p{\\textgreater}Second \\& last.{\\textless}/p{\\textgreater}},\n' +
      ' doi = {10.48550/arXiv.2401.00001},\n}\n';
    const { papers } = readWith(readBibtex, text, 'zotero.bib', { repair: true });
    expect(papers[0]?.paper).toMatchObject({
      abstract: 'First. Second & last.',
      arxivId: '2401.00001',
      doi: '10.48550/arXiv.2401.00001',
    });
  });
});

describe('bibtex.reader on BibLaTeX and Mendeley exports', () => {
  it("takes the venue from BibLaTeX's journaltitle, as Zotero's Better BibLaTeX writes the journal", () => {
    const text =
      '@article{oldrup2009,\n  title = {Between the City and the Rural},\n  author = {Oldrup, Helene},\n' +
      '  date = {2009-04-21},\n  journaltitle = {Housing, Theory and Society},\n' +
      '  shortjournal = {Hous. Theory Soc.},\n  publisher = {Routledge}\n}\n';
    const { papers } = readWith(readBibtex, text, 'biblatex.bib');
    expect(papers[0]?.paper).toMatchObject({ venue: 'Housing, Theory and Society', year: 2009 });
  });

  it("takes the venue from the booktitle, not from BibLaTeX's venue (where the event was held), kept as metadata eventVenue", () => {
    const text =
      '@inproceedings{smith2023,\n  title = {Sparse Attention at Scale},\n  author = {Smith, Ann},\n' +
      '  venue = {Vancouver, Canada},\n  booktitle = {Proceedings of NeurIPS},\n  eventtitle = {NeurIPS 2023},\n' +
      '  location = {Red Hook, NY},\n  date = {2023}\n}\n';
    const { papers } = readWith(readBibtex, text, 'biblatex.bib');
    expect(papers[0]?.paper.venue).toBe('Proceedings of NeurIPS');
    expect(papers[0]?.paper.metadata).toMatchObject({
      eventVenue: 'Vancouver, Canada',
      eventtitle: 'NeurIPS 2023',
      location: 'Red Hook, NY',
    });
  });

  it("takes the venue from BibLaTeX's eventtitle when there is no journal or booktitle, before the publisher", () => {
    const text =
      '@inproceedings{lee2024,\n  title = {Dense Retrieval Revisited},\n  venue = {Vienna},\n' +
      '  eventtitle = {ICLR 2024},\n  publisher = {OpenReview},\n  year = {2024}\n}\n' +
      '@misc{kim2022,\n  title = {A Talk on Indexes},\n  venue = {Online},\n  year = {2022}\n}\n';
    const { papers } = readWith(readBibtex, text, 'biblatex.bib');
    expect(papers.map(({ paper }) => [paper.id, paper.venue, paper.metadata.eventVenue])).toEqual([
      ['lee2024', 'ICLR 2024', 'Vienna'],
      ['kim2022', null, 'Online'],
    ]);
  });

  it('takes the first of the links Mendeley writes in one url field, keeping them all as urls', () => {
    const text =
      '@article{Muller2018,\ntitle = {{Estimation}},\n' +
      'url = {http://arxiv.org/abs/1801.01234 http://dx.doi.org/10.1103/PhysRevLett.120.010501},\nyear = {2018}\n}\n';
    const { papers } = readWith(readBibtex, text, 'mendeley.bib');
    expect(papers[0]?.paper.url).toBe('http://arxiv.org/abs/1801.01234');
    expect(papers[0]?.paper.metadata.urls).toEqual([
      'http://arxiv.org/abs/1801.01234',
      'http://dx.doi.org/10.1103/PhysRevLett.120.010501',
    ]);
  });
  it('keeps the dollar signs of sums written \\$ in titles and abstracts', () => {
    const text =
      '@article{cost2020,\n  title = {The \\$100 Genome and the \\$1000 Exome},\n' +
      '  abstract = {Costs fell from \\$10 million to \\$1000 {\\textemdash} see {\\textcopyright} 2020.}\n}\n';
    const { papers } = readWith(readBibtex, text, 'zotero.bib');
    expect(papers[0]?.paper).toMatchObject({
      title: 'The $100 Genome and the $1000 Exome',
      abstract: 'Costs fell from $10 million to $1000 — see © 2020.',
    });
  });

  it('cleans LaTeX once, so a backslash the text means stays in the title and abstract', () => {
    const text =
      '@article{escape2021,\n  title = {Escaping {\\textbackslash}n in {C} strings},\n' +
      '  abstract = {Write {\\textbackslash}n, not {\\textbackslash}r, with $\\{a\\}$ set aside.}\n}\n';
    const { papers } = readWith(readBibtex, text, 'zotero.bib');
    expect(papers[0]?.paper).toMatchObject({
      title: 'Escaping \\n in C strings',
      abstract: 'Write \\n, not \\r, with {a} set aside.',
    });
  });

  it('expands @string macros defined anywhere in the file, and reports one defined nowhere at the line that uses it', () => {
    const { papers, repairs } = readFixture(readBibtex, 'wild/jabref-strings-last.bib', { repair: true });
    expect(papers.map(({ paper }) => [paper.id, paper.venue])).toEqual([
      ['Hoffmann2019', 'Journal of the American Chemical Society'],
      ['Chen2021', 'SIGIR Proceedings 2021'],
      ['He2016', 'IEEE_J_PAMI'],
    ]);
    expect(paperById(papers, 'Hoffmann2019').paper.metadata.month).toBe('June');
    expect(repairs).toEqual([
      {
        file: 'wild/jabref-strings-last.bib',
        line: 24,
        record: 3,
        field: 'journal',
        message:
          '@string "IEEE_J_PAMI" is defined nowhere in this file (is it in another .bib file?); its name was kept as the text',
      },
    ]);
  });

  it("expands a @string defined in another .bib file of the run, the entry's own file's definition first", async () => {
    const temp = makeTempDir();
    try {
      const strings = temp.write(
        'strings.bib',
        `@string{pami = {IEEE Transactions on Pattern Analysis and Machine Intelligence}}
@string{tods = {Strings File TODS}}
@string{ieee = {IEEE}}
`,
      );
      const refs = temp.write(
        'refs.bib',
        `@string{tods = {ACM Transactions on Database Systems}}
@string{ieeepub = ieee # { Computer Society}}
@article{he2016, title = {Deep residual learning}, journal = pami, year = 2016, publisher = ieeepub}
@article{gray1981, title = {The transaction concept}, journal = tods, year = 1981}
@article{lost2020, title = {Lost}, journal = nowhere, year = 2020}
`,
      );
      const read = await readPaperFiles([strings, refs]);
      expect(read.papers.map(({ paper }) => [paper.id, paper.venue])).toEqual([
        ['he2016', 'IEEE Transactions on Pattern Analysis and Machine Intelligence'],
        ['gray1981', 'ACM Transactions on Database Systems'],
        ['lost2020', 'nowhere'],
      ]);
      expect(paperById(read.papers, 'he2016').paper.metadata.publisher).toBe('IEEE Computer Society');
      expect(read.repairs.map((repair) => [repair.file, repair.line, repair.message])).toEqual([
        [refs, 5, '@string "nowhere" is defined in none of the .bib files read; its name was kept as the text'],
      ]);
      expect(read.notices).toEqual([
        `${strings}: holds no entry, only 3 @strings, which the entries of the other .bib files may use`,
      ]);
    } finally {
      temp.cleanup();
    }
  });

  it('passes over a field commented out with "%" inside an entry, as biber does, instead of losing the entry', () => {
    const text = `@article{c1,
  title = {Commented},
  % note = {old, with a "quote" and a brace {},
  year = 2020, % the year it appeared
  journal = {Fifty {\\%} Journal}
}
`;
    const { papers, problems } = readWith(readBibtex, text);
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.year, paper.venue, paper.metadata.note])).toEqual([
      ['c1', 2020, 'Fifty % Journal', undefined],
    ]);
  });

  it('gives arXiv as the venue of a preprint whose journal only names it, as Google Scholar and Zotero write it', () => {
    const text = `@article{mikolov2013efficient,
  title={Efficient estimation of word representations in vector space},
  author={Mikolov, Tomas},
  journal={arXiv preprint arXiv:1301.3781},
  year={2013}
}
@article{vaswaniAttentionAllYou2017,
  title = {Attention {{Is All You Need}}},
  journaltitle = {arXiv:1706.03762 [cs]},
  date = {2017-12-05}
}
@article{kept, title = {Kept}, journal = {Findings of ACL (arXiv:2001.00001)}, year = 2020}
`;
    const { papers } = readWith(readBibtex, text);
    expect(papers.map(({ paper }) => [paper.id, paper.venue, paper.arxivId])).toEqual([
      ['mikolov2013efficient', 'arXiv', '1301.3781'],
      ['vaswaniAttentionAllYou2017', 'arXiv', '1706.03762'],
      ['kept', 'Findings of ACL (arXiv:2001.00001)', '2001.00001'],
    ]);
  });

  it("reads DBLP's CoRR entry as an arXiv preprint: arXiv the venue, the volume's abs/<id> the arXiv id", () => {
    const text = `@article{DBLP:journals/corr/abs-2101-00001,
  author    = {Ana Silva and Bo Chen},
  title     = {Sparse Retrieval for Long Documents},
  journal   = {CoRR},
  volume    = {abs/2101.00001},
  year      = {2021}
}
@article{ads, title = {Dense Ranking}, journal = {arXiv e-prints}, eprint = {2004.01234}, year = 2020}
@article{s2, title = {Graph Rewiring}, journal = {ArXiv}, volume = {abs/2202.00002}, year = 2022}
`;
    const { papers, problems } = readWith(readBibtex, text);
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.venue, paper.arxivId])).toEqual([
      ['DBLP:journals/corr/abs-2101-00001', 'arXiv', '2101.00001'],
      ['ads', 'arXiv', '2004.01234'],
      ['s2', 'arXiv', '2202.00002'],
    ]);
  });

  it("takes a thesis's school (BibLaTeX: institution) as its venue, unless it names a venue of its own", () => {
    const text = `@phdthesis{diaz2019, author = {Diaz, Carla}, title = {Learning to Rank}, school = {University of Lisbon}, year = 2019}
@mastersthesis{chen2018, author = {Chen, Bo}, title = {Query Expansion}, school = {Tsinghua University}, year = 2018}
@thesis{ek2020, author = {Ek, Dana}, title = {Fin Regeneration}, institution = {Karolinska Institutet}, type = {phdthesis}, date = {2020}}
@phdthesis{own, title = {Own Venue}, school = {Uppsala University}, journal = {Acta Universitatis Upsaliensis}, year = 2021}
`;
    const { papers, problems } = readWith(readBibtex, text);
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.venue])).toEqual([
      ['diaz2019', 'University of Lisbon'],
      ['chen2018', 'Tsinghua University'],
      ['ek2020', 'Karolinska Institutet'],
      ['own', 'Acta Universitatis Upsaliensis'],
    ]);
    expect(papers[3]?.paper.metadata.school).toBe('Uppsala University');
  });

  it("takes a technical report's institution as its venue, as Google Scholar, JabRef and Better BibLaTeX write it", () => {
    const { papers, problems } = readFixture(readBibtex, 'wild/venues.bib');
    expect(problems).toEqual([]);
    const venueOf = (id: string) => paperById(papers, id).paper.venue;
    expect([venueOf('hinton2012improving'), venueOf('Page1999'), venueOf('ode2022evaluating')]).toEqual([
      'University of Toronto',
      'Stanford InfoLab',
      'Microsoft Research',
    ]);
    expect(paperById(papers, 'Page1999').paper.metadata).toMatchObject({ number: '1999-66', type: 'Technical Report' });
  });

  it("gives arXiv's own export of a preprint (eprint, archivePrefix) the venue arXiv, as Google Scholar's preprint has", () => {
    const { papers } = readFixture(readBibtex, 'wild/venues.bib');
    const ids = ['vaswani2023attention', 'liu2020logiqa', 'devlin2018bert'];
    expect(ids.map((id) => [paperById(papers, id).paper.venue, paperById(papers, id).paper.arxivId])).toEqual([
      ['arXiv', '1706.03762'],
      ['arXiv', '2007.08124'],
      ['arXiv', '1810.04805'],
    ]);
    const text = `@article{pub, title = {Published}, journal = {Nature}, eprint = {2401.01234}, archivePrefix = {arXiv}, year = 2024}
@book{lecture, title = {Lecture Notes}, publisher = {Springer}, eprint = {2402.01234}, archivePrefix = {arXiv}, year = 2024}
`;
    expect(readWith(readBibtex, text).papers.map(({ paper }) => paper.venue)).toEqual(['Nature', 'Springer']);
  });

  it("keeps the publisher of an article or a conference paper without journal or booktitle as metadata, a book's as its venue", () => {
    const { papers } = readFixture(readBibtex, 'wild/venues.bib');
    const zhang = paperById(papers, 'Zhang2019').paper;
    expect([zhang.venue, zhang.metadata.publisher]).toEqual([null, 'Elsevier']);
    const lin = paperById(papers, 'lin2021dense').paper;
    expect([lin.venue, lin.metadata.publisher]).toEqual([null, 'Association for Computing Machinery']);
    expect(paperById(papers, 'goodfellow2016deep').paper.venue).toBe('MIT Press');
  });

  it("takes a classic @inbook's publisher as its venue, a book cited by chapter, and keeps a BibLaTeX @inbook's book", () => {
    const text = [
      '@inbook{knuth1997, author = {Knuth, Donald}, title = {The Art of Computer Programming}, chapter = {3},',
      '  pages = {1--20}, publisher = {Addison-Wesley}, year = {1997}}',
      '@inbook{roe2019, author = {Roe, Ann}, title = {Soil carbon}, booktitle = {Handbook of Soil},',
      '  publisher = {Springer}, year = {2019}}',
    ].join('\n');
    const { papers } = readWith(readBibtex, text);
    expect(papers.map(({ paper }) => [paper.venue, paper.metadata.publisher ?? null])).toEqual([
      ['Addison-Wesley', null],
      ['Handbook of Soil', 'Springer'],
    ]);
  });

  it('takes the arXiv id of an entry without eprint from its arxiv.org link, or "arXiv:<id>" in its journal or note', () => {
    const text = `@article{devlin2018bert,
  title={Bert: Pre-training of deep bidirectional transformers for language understanding},
  author={Devlin, Jacob and Chang, Ming-Wei},
  journal={arXiv preprint arXiv:1810.04805},
  year={2018}
}
@misc{vaswani_attention_2017,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish},
  year = {2017},
  note = {arXiv:1706.03762 [cs]},
}
@misc{Zhang2019,
  author = {Zhang, Wei},
  title = {{BERT} distilled},
  url = {https://arxiv.org/abs/1903.12136v2},
  year = {2019},
}
@article{published,
  title = {A journal paper},
  author = {Okafor, Chidi},
  journal = {Journal of Soil Science},
  url = {https://example.org/arxiv.org/abs/x},
  year = {2020},
}`;
    const { papers, problems } = readWith(readBibtex, text);
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.paper.arxivId])).toEqual([
      ['devlin2018bert', '1810.04805'],
      ['vaswani_attention_2017', '1706.03762'],
      ['Zhang2019', '1903.12136'],
      ['published', null],
    ]);
  });

  it('reads the file field as JabRef and Mendeley escape its paths, not as LaTeX', () => {
    const text = `@article{a, title = {A}, year = {2020},
  file = {:C\\:/Users/me/Zhang2019 - BERT.pdf:PDF;:https\\://arxiv.org/pdf/1810.04805:PDF}}
@article{b, title = {B}, year = {2020},
  file = {:C$\\backslash$:/Users/me/Mendeley Desktop/Doe - 2017.pdf:pdf}}`;
    const { papers } = readWith(readBibtex, text);
    expect(papers.map((entry) => entry.paper.metadata.file)).toEqual([
      ':C:/Users/me/Zhang2019 - BERT.pdf:PDF;:https://arxiv.org/pdf/1810.04805:PDF',
      ':C:/Users/me/Mendeley Desktop/Doe - 2017.pdf:pdf',
    ]);
  });

  it("is one paper with the same preprint from an arXiv feed when Google Scholar's entry names it only in the journal", async () => {
    const temp = makeTempDir();
    try {
      const bib = temp.write(
        'scholar.bib',
        '@article{devlin2018bert,\n  title={Bert: Pre-training of deep bidirectional transformers},\n  author={Devlin, Jacob},\n  journal={arXiv preprint arXiv:1810.04805},\n  year={2018}\n}\n',
      );
      const feed = temp.write(
        'feed.atom',
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/1810.04805v2</id><published>2018-10-11T00:50:01Z</published><title>BERT: Pre-training of Deep Bidirectional Transformers</title><summary>We introduce BERT.</summary><author><name>Jacob Devlin</name></author></entry></feed>',
      );
      const read = await readPaperFiles([bib, feed]);
      expect(read.papers.map((entry) => [entry.paper.id, entry.paper.abstract])).toEqual([
        ['devlin2018bert', 'We introduce BERT.'],
      ]);
    } finally {
      temp.cleanup();
    }
  });

  it('reads an entry whose comma between two fields was left out, reporting the repair at that field, and refuses it under strict', () => {
    const text =
      '@article{good, title = {Fine}, year = {2020}}\n\n@article{bad,\n  title = {Missing comma}\n  author = {Doe, Jane},\n  year = {2021}\n}\n';
    const repaired = readWith(readBibtex, text, 'refs.bib', { repair: true });
    expect(repaired.papers.map((entry) => [entry.paper.id, entry.paper.authors])).toEqual([
      ['good', []],
      ['bad', ['Jane Doe']],
    ]);
    expect(repaired.repairs).toEqual([
      {
        file: 'refs.bib',
        line: 4,
        record: 2,
        field: 'title',
        message: 'a "," is missing after this field\'s value, before the next field; it was read as if it were there',
      },
    ]);
    expect(readWith(readBibtex, text, 'refs.bib').papers.map((entry) => entry.paper.id)).toEqual(['good']);
  });
});
