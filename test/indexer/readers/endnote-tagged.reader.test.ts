import { describe, expect, it } from 'vitest';
import { readEndnoteTagged } from '../../../indexer/readers/endnote-tagged.reader.ts';
import { readFixture, readWith } from './read-fixture.ts';

describe('endnote-tagged.reader', () => {
  it('reads %0 … records: title, "Last, First" authors, wrapped abstract, journal, year, DOI link made bare, keywords', () => {
    const { papers } = readFixture(readEndnoteTagged, 'wild/endnote-export.enw', { repair: true });
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.18653/v1/2020.emnlp-main.550',
      doi: '10.18653/v1/2020.emnlp-main.550',
      title: 'Dense passage retrieval for open-domain question answering',
      authors: ['Vladimir Karpukhin', 'Barlas Oğuz', 'Sewon Min'],
      venue: 'Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing',
      year: 2020,
      abstract:
        'Open-domain question answering relies on efficient passage retrieval to select candidate contexts. We show that retrieval can be practically implemented using dense representations alone.',
      tags: ['question answering', 'dense retrieval', 'passage ranking'],
      url: 'https://aclanthology.org/2020.emnlp-main.550',
      metadata: { entryType: 'Journal Article', volume: '1', pages: '6769-6781' },
    });
    expect(papers.map(({ location }) => location.line)).toEqual([1, 17, 32]);
  });

  it('takes a book section’s venue from %B, keywords from continuation lines, and an abstract’s second paragraph after a blank line', () => {
    const { papers } = readFixture(readEndnoteTagged, 'wild/endnote-export.enw', { repair: true });
    expect(papers[1]?.paper).toMatchObject({
      id: 'muller1998uber',
      title: 'Über die Wärmeleitung in dünnen Schichten',
      authors: ['Jürgen Müller', 'Åsa Ångström'],
      venue: 'Handbuch der Physik',
      abstract:
        'Die Wärmeleitung in dünnen Schichten weicht vom Volumenverhalten ab. Wir messen sie bei tiefen Temperaturen.',
      tags: ['Wärmeleitung', 'Dünnschicht'],
      metadata: { entryType: 'Book Section', publisher: 'Springer', place: 'Berlin', issn: '978-3-540-00000-0' },
    });
    expect(papers[1]?.fingerprint).toBeNull();
  });

  it('takes the arXiv id from an arxiv.org URL, and keeps a record without an abstract', () => {
    const { papers } = readFixture(readEndnoteTagged, 'wild/endnote-export.enw', { repair: true });
    expect(papers[2]?.paper).toMatchObject({ id: 'arxiv:1706.03762', arxivId: '1706.03762', abstract: '' });
  });

  it('refuses a record without title or abstract, located at its %0 line', () => {
    const { problems } = readFixture(readEndnoteTagged, 'wild/endnote-export.enw', { repair: true });
    expect(problems.map((problem) => [problem.line, problem.record, problem.field])).toEqual([[41, 4, 'title']]);
  });

  it('reads Google Scholar’s single record with Windows line ends and a byte order mark', () => {
    const text = '\uFEFF%0 Journal Article\r\n%T Deep residual learning\r\n%A He, Kaiming\r\n%D 2016\r\n%J CVPR\r\n';
    const { papers, problems } = readWith(readEndnoteTagged, text, 'scholar.enw');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'he2016deep',
      title: 'Deep residual learning',
      authors: ['Kaiming He'],
      year: 2016,
      venue: 'CVPR',
    });
  });

  it('starts a new record at a %0 line even without a blank line before it', () => {
    const text = '%0 Journal Article\n%T One\n%0 Journal Article\n%T Two\n';
    const { papers } = readWith(readEndnoteTagged, text, 'two.enw', { repair: true });
    expect(papers.map(({ paper, location }) => [paper.title, location.line])).toEqual([
      ['One', 1],
      ['Two', 3],
    ]);
  });

  it('reports a title written twice in one record (two records run together), keeping the first', () => {
    const text = '%T One\n%A Doe, Jane\n%T Two\n';
    const { papers, repairs } = readWith(readEndnoteTagged, text, 'merged.enw', { repair: true });
    expect(papers[0]?.paper).toMatchObject({ title: 'One', metadata: { otherTitles: ['Two'] } });
    expect(repairs).toEqual([
      {
        file: 'merged.enw',
        line: 3,
        record: 1,
        field: '%T',
        message: '%T appears 2 times (lines 1, 3); the first was used, the others kept as metadata',
      },
    ]);
    expect(readWith(readEndnoteTagged, text, 'merged.enw').papers).toEqual([]);
  });

  it('says so when text before the first record is not a tag line, and does not take "% of" prose for a tag', () => {
    const text = 'Exported from EndNote\n%0 Journal Article\n%T Rates\n%X Rates rose by 40\n% of cases were mild.\n';
    const { papers, problems } = readWith(readEndnoteTagged, text, 'x.txt');
    expect(problems).toEqual([
      {
        file: 'x.txt',
        line: 1,
        record: null,
        field: null,
        message:
          'expected a tag line such as "%0 Journal Article" (EndNote tagged text); text before the first record was ignored',
      },
    ]);
    expect(papers[0]?.paper.abstract).toBe('Rates rose by 40 % of cases were mild.');
  });
  it('reads a record of 100,000 keyword lines in time proportional to its size', () => {
    const text = `%0 Journal Article\n%T Many keywords\n${'%K word\n'.repeat(100_000)}`;
    const started = performance.now();
    const { records } = readEndnoteTagged(text, 'many.enw');
    expect(records[0]?.fields.tags).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('reads the MeSH headings of a record imported from PubMed as their descriptors, keeping the headings as metadata', () => {
    const text =
      '%0 Journal Article\n%T Gut barrier\n%A Silva, Ana\n%D 2020\n%K Animals\n%K Escherichia coli/*physiology\n%K *Intestinal Mucosa\n';
    const { papers } = readWith(readEndnoteTagged, text, 'pubmed.enw');
    expect(papers[0]?.paper.tags).toEqual(['Animals', 'Escherichia coli', 'Intestinal Mucosa']);
    expect(papers[0]?.paper.metadata.meshHeadings).toEqual(['Escherichia coli/physiology', 'Intestinal Mucosa']);
  });

  it('knows a record saved with only a short title (%!) by it, instead of refusing the record', () => {
    const text = '%0 Journal Article\r\n%A Devlin, Jacob\r\n%! BERT\r\n%J NAACL\r\n%D 2019\r\n';
    const { papers, problems } = readWith(readEndnoteTagged, text, 'short.enw');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.venue])).toEqual([
      ['devlin2019bert', 'BERT', 'NAACL'],
    ]);
  });

  it("takes a thesis's university (%I) as its venue, not its department (%B), kept as metadata", () => {
    const text = [
      '%0 Thesis',
      '%A Ek, Dana',
      '%T Regeneration of the zebrafish fin',
      '%B Department of Cell and Molecular Biology',
      '%I Karolinska Institutet',
      '%C Stockholm',
      '%D 2020',
      '%9 PhD thesis',
      '',
      '%0 Thesis',
      '%A Chen, Bo',
      '%T Query expansion for code search',
      '%I Tsinghua University',
      '%D 2018',
      '',
      '%0 Book Section',
      '%A Silva, Ana',
      '%T Tides',
      '%B Handbook of Glaciology',
      '%I Springer',
      '%D 2019',
    ].join('\n');
    const { papers, problems } = readWith(readEndnoteTagged, text, 'theses.enw');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.venue)).toEqual([
      'Karolinska Institutet',
      'Tsinghua University',
      'Handbook of Glaciology',
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({
      department: 'Department of Cell and Molecular Biology',
      typeOfWork: 'PhD thesis',
    });
  });
  it("takes a thesis's journal (%J) as its venue before its university, and its department when %I is blank", () => {
    const text = [
      '%0 Thesis',
      '%A Ek, Dana',
      '%T Catalysis in water',
      '%I Stanford University',
      '%J ProQuest Dissertations and Theses',
      '%B Department of Chemistry',
      '%D 2015',
      '',
      '%0 Thesis',
      '%A Chen, Bo',
      '%T Query expansion for code search',
      '%I ',
      '%B Department of Computer Science',
      '%D 2018',
    ].join('\n');
    const { papers, problems } = readWith(readEndnoteTagged, text, 'theses.enw');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.venue)).toEqual([
      'ProQuest Dissertations and Theses',
      'Department of Computer Science',
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({
      publisher: 'Stanford University',
      department: 'Department of Chemistry',
    });
    expect(papers[1]?.paper.metadata.department).toBeUndefined();
  });

  it("keeps a journal article's publisher (%I) as metadata when it names no journal, not as its venue", () => {
    const text = [
      '%0 Journal Article',
      '%A Zhang, Wei',
      '%T Soil carbon loss under repeated drought',
      '%I Elsevier',
      '%D 2019',
    ];
    const { papers, problems } = readWith(readEndnoteTagged, text.join('\n'), 'exports.enw');
    expect(problems).toEqual([]);
    expect([papers[0]?.paper.venue, papers[0]?.paper.metadata.publisher]).toEqual([null, 'Elsevier']);
  });

  it("keeps an electronic article's and an electronic book section's publisher (%I) as metadata, a generic record's as its venue", () => {
    const text = [
      '%0 Electronic Article\n%A Doe, Jane\n%T Open soil data\n%I PLOS\n%D 2020',
      '%0 Electronic Book Section\n%A Doe, Kai\n%T Soil maps\n%I Springer\n%D 2020',
      '%0 Generic\n%A Doe, Ann\n%T Soil samples\n%I Zenodo\n%D 2020',
    ];
    const { papers } = readWith(readEndnoteTagged, text.join('\n\n'), 'exports.enw');
    expect(papers.map(({ paper }) => [paper.venue, paper.metadata.publisher ?? null])).toEqual([
      [null, 'PLOS'],
      [null, 'Springer'],
      ['Zenodo', null],
    ]);
  });

  it('takes %B (the proceedings, the book) as the venue of a record whose %J is blank, before its publisher', () => {
    const text = [
      '%0 Conference Proceedings',
      '%A Lin, Kai',
      '%T Sparse retrieval at scale',
      '%J ',
      '%B Proceedings of the 46th International ACM SIGIR Conference',
      '%I ACM',
      '%D 2023',
      '',
      '%0 Report',
      '%A Ode, Ada',
      '%T A survey of dense retrievers',
      '%J',
      '%I Microsoft Research',
      '%D 2022',
      '',
      '%0 Book Section',
      '%A Roe, Ray',
      '%T Dense retrieval for law',
      '%J ',
      '%B Handbook of Legal Informatics',
      '%I Springer',
      '%D 2021',
    ].join('\n');
    const { papers, problems } = readWith(readEndnoteTagged, text, 'exports.enw');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.venue)).toEqual([
      'Proceedings of the 46th International ACM SIGIR Conference',
      'Microsoft Research',
      'Handbook of Legal Informatics',
    ]);
    expect(papers[0]?.paper.metadata).toMatchObject({ publisher: 'ACM' });
    expect(papers[0]?.paper.metadata.secondaryTitle).toBeUndefined();
  });
});
