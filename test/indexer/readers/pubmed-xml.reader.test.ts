import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPubmedXml } from '../../../indexer/readers/pubmed-xml.reader.ts';
import { runCli } from '../../support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { readFixture, readWith } from './read-fixture.ts';

// Shaped as PubMed's efetch XML, with values written here.
const PUBMED = `<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" "pubmed_240101.dtd">
<PubmedArticleSet>
<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">31452104</PMID>
    <Article PubModel="Print">
      <Journal><Title>Journal of Tides</Title><JournalIssue><PubDate><Year>2019</Year></PubDate></JournalIssue></Journal>
      <ArticleTitle>Tides melt <i>Pine Island</i> glacier &amp; its shelf.</ArticleTitle>
      <ELocationID EIdType="doi" ValidYN="Y">10.1000/tides.1</ELocationID>
      <Abstract>
        <AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">Tides move warm water.</AbstractText>
        <AbstractText Label="RESULTS" NlmCategory="RESULTS">Melt rose by 10<sup>2</sup> tonnes.</AbstractText>
      </Abstract>
      <AuthorList><Author><LastName>Silva</LastName><ForeName>Ana</ForeName></Author><Author><CollectiveName>Ice Consortium</CollectiveName></Author></AuthorList>
    </Article>
    <MeshHeadingList><MeshHeading><DescriptorName UI="D1">Ice Cover</DescriptorName></MeshHeading></MeshHeadingList>
    <KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N">tides</Keyword></KeywordList>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="pubmed">31452104</ArticleId><ArticleId IdType="pmc">PMC123</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>
<PubmedArticle>
  <MedlineCitation><PMID>31452105</PMID>
    <Article><Journal><ISOAbbreviation>J Ice</ISOAbbreviation><JournalIssue><PubDate><MedlineDate>2018 Dec-2019 Jan</MedlineDate></PubDate></JournalIssue></Journal>
      <ArticleTitle>Sea ice and winds.</ArticleTitle><Abstract><AbstractText>Winds thin sea ice.</AbstractText></Abstract>
    </Article>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="doi">10.1000/ice.2</ArticleId></ArticleIdList></PubmedData>
</PubmedArticle>
</PubmedArticleSet>
`;

describe('pubmed-xml.reader', () => {
  it('reads each PubmedArticle: pmid id, title with its markup cleaned, labelled abstract, authors, journal, year, DOI, MeSH and keywords', () => {
    const { papers, problems } = readWith(readPubmedXml, PUBMED, 'pubmed.xml');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'pmid:31452104',
      title: 'Tides melt Pine Island glacier & its shelf',
      abstract: 'BACKGROUND: Tides move warm water. RESULTS: Melt rose by 102 tonnes.',
      authors: ['Ana Silva', 'Ice Consortium'],
      venue: 'Journal of Tides',
      year: 2019,
      doi: '10.1000/tides.1',
      tags: ['Ice Cover', 'tides'],
      metadata: { pmid: '31452104', pmcid: 'PMC123' },
    });
    expect(papers[1]?.paper).toMatchObject({ id: 'pmid:31452105', venue: 'J Ice', year: 2018, doi: '10.1000/ice.2' });
    expect(papers.map(({ location }) => location)).toEqual([
      { file: 'pubmed.xml', line: 4, record: 1 },
      { file: 'pubmed.xml', line: 22, record: 2 },
    ]);
  });

  it("reads each author's affiliations, and keeps a MeSH descriptor whose name holds a comma as one tag", () => {
    const xml = `<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>31452104</PMID>
      <Article><ArticleTitle>GABA receptors.</ArticleTitle><AuthorList>
        <Author><LastName>Shaye</LastName><ForeName>Hamidreza</ForeName>
          <AffiliationInfo><Affiliation>University of Southern California, Los Angeles, CA, USA.</Affiliation></AffiliationInfo>
          <AffiliationInfo><Affiliation>Bridge Institute, Los Angeles, CA, USA.</Affiliation></AffiliationInfo></Author>
        <Author><LastName>Han</LastName><ForeName>Gye Won</ForeName>
          <AffiliationInfo><Affiliation>Bridge Institute, Los Angeles, CA, USA.</Affiliation></AffiliationInfo></Author>
      </AuthorList></Article>
      <MeshHeadingList><MeshHeading><DescriptorName UI="D018079">Receptors, GABA-B</DescriptorName></MeshHeading></MeshHeadingList>
    </MedlineCitation></PubmedArticle></PubmedArticleSet>`;
    const { papers } = readWith(readPubmedXml, xml, 'pubmed.xml');
    expect(papers[0]?.paper).toMatchObject({
      affiliations: [
        'University of Southern California, Los Angeles, CA, USA.',
        'Bridge Institute, Los Angeles, CA, USA.',
      ],
      tags: ['Receptors, GABA-B'],
    });
  });

  it('names the root element of XML that is not a PubMed article set', () => {
    const { problems } = readWith(readPubmedXml, '<feed><entry/></feed>', 'other.xml');
    expect(problems[0]?.message).toBe('expected a PubMed <PubmedArticleSet>, found <feed>');
  });

  it('reads the complete articles of a file cut short, and names the line of the one cut', () => {
    const cut = PUBMED.slice(0, PUBMED.indexOf('<ArticleTitle>Sea ice'));
    const { papers, problems } = readWith(readPubmedXml, cut, 'pubmed.xml');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['pmid:31452104']);
    expect(problems).toEqual([
      {
        file: 'pubmed.xml',
        line: 22,
        record: 2,
        field: null,
        message:
          '<PubmedArticle> is cut short: the file ends before its </PubmedArticle> (was the export interrupted?); ' +
          'the record before it was read',
      },
    ]);
  });

  it('reads titles as MEDLINE does: no closing period, no brackets round a translation, [Not Available] not a title', () => {
    const { papers, problems } = readFixture(readPubmedXml, 'wild/pubmed-titles.xml');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.metadata.titleTranslated])).toEqual([
      ['pmid:35012345', 'Aspirin and stroke in CYP2C19 carriers', undefined],
      ['pmid:35012347', 'Aspirin for the secondary prevention of stroke in the elderly', true],
      ['pmid:35012348', "Prévention de l'accident vasculaire cérébral par l'aspirine", undefined],
      ['pmid:35012346', 'Should older adults take aspirin?', undefined],
    ]);
    expect(papers[1]?.paper.metadata.vernacularTitle).toBe(
      'Acetylsalicylsäure zur Sekundärprävention des Schlaganfalls im Alter',
    );
  });

  it("puts an author's Suffix after the family name, as the MEDLINE export of the same record does", () => {
    const { papers } = readFixture(readPubmedXml, 'wild/pubmed-titles.xml');
    expect(papers[0]?.paper.authors).toEqual(['Kimmie Ng', 'Charles F Reynolds 3rd']);
  });

  it('reads Bookshelf records (<PubmedBookArticle>) in file order beside articles, instead of dropping them', () => {
    const text = `<?xml version="1.0" ?>
<PubmedArticleSet>
<PubmedBookArticle><BookDocument><PMID Version="1">20301295</PMID>
  <ArticleIdList><ArticleId IdType="bookaccession">NBK1250</ArticleId></ArticleIdList>
  <Book><Publisher><PublisherName>University of Washington, Seattle</PublisherName></Publisher>
    <BookTitle book="gene">GeneReviews<sup>®</sup></BookTitle><PubDate><Year>1993</Year></PubDate>
    <AuthorList Type="editors"><Author><LastName>Adam</LastName><ForeName>Margaret P</ForeName></Author></AuthorList></Book>
  <ArticleTitle book="gene" part="cf">Cystic Fibrosis.</ArticleTitle>
  <AuthorList Type="authors"><Author><LastName>Ong</LastName><ForeName>Thida</ForeName></Author></AuthorList>
  <Abstract><AbstractText Label="CLINICAL CHARACTERISTICS">Cystic fibrosis affects the lungs.</AbstractText></Abstract>
</BookDocument><PubmedBookData><ArticleIdList><ArticleId IdType="pubmed">20301295</ArticleId></ArticleIdList></PubmedBookData></PubmedBookArticle>
<PubmedArticle><MedlineCitation><PMID>31452105</PMID><Article><Journal><Title>J Ice</Title></Journal>
  <ArticleTitle>Sea ice and winds.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
<PubmedBookArticle><BookDocument><PMID Version="1">28722865</PMID>
  <Book><BookTitle book="statpearls">StatPearls</BookTitle><PubDate><Year>2024</Year><Month>01</Month></PubDate>
    <AuthorList Type="editors"><Author><LastName>Ackley</LastName><ForeName>William</ForeName></Author></AuthorList></Book>
  <Abstract><AbstractText>A point-of-care reference.</AbstractText></Abstract>
</BookDocument></PubmedBookArticle>
</PubmedArticleSet>`;
    const { papers, problems } = readWith(readPubmedXml, text, 'pubmed.xml');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.location.line, entry.location.record])).toEqual([
      ['pmid:20301295', 3, 1],
      ['pmid:31452105', 12, 2],
      ['pmid:28722865', 14, 3],
    ]);
    expect(papers[0]?.paper).toMatchObject({
      title: 'Cystic Fibrosis',
      venue: 'GeneReviews®',
      authors: ['Thida Ong'],
      year: 1993,
      abstract: 'CLINICAL CHARACTERISTICS: Cystic fibrosis affects the lungs.',
      metadata: { bookshelfId: 'NBK1250', editors: ['Margaret P Adam'] },
    });
    // A whole book: its own title, by its editors, no venue.
    expect(papers[2]?.paper).toMatchObject({
      title: 'StatPearls',
      authors: ['William Ackley'],
      venue: null,
      year: 2024,
    });
  });

  it('numbers the records of a damaged file of articles and books as its problems do: by place in the file', () => {
    const text = `<PubmedArticleSet>
<PubmedBookArticle><BookDocument><PMID>20301295</PMID><Book><BookTitle>GeneReviews</BookTitle></Book>
<ArticleTitle>Cystic Fibrosis</ArticleTitle></BookDocument></PubmedBookArticle>
<PubmedArticle><MedlineCitation><PMID>31452105</PMID><Article><ArticleTitle>Sea ice</ArticleTitle>
</Article></MedlineCitation></PubmedArticle>
<PubmedArticle><MedlineCitation><PMID>31452106</PMID><Article><ArticleTitle>Melt <b>ponds</ArticleTitle>
</Article></MedlineCitation></PubmedArticle>
<PubmedBookArticle><BookDocument><PMID>28722865</PMID><Book><BookTitle>StatPearls</BookTitle></Book>
</BookDocument></PubmedBookArticle>
</PubmedArticleSet>`;
    const { papers, problems } = readWith(readPubmedXml, text, 'mixed.xml');
    expect(papers.map((entry) => [entry.paper.id, entry.location.line, entry.location.record])).toEqual([
      ['pmid:20301295', 2, 1],
      ['pmid:31452105', 4, 2],
      ['pmid:28722865', 8, 4],
    ]);
    expect(problems.map((problem) => [problem.line, problem.record, problem.message])).toEqual([
      [
        6,
        3,
        "is not well-formed XML: Expected closing tag 'b' (opened in line 6, col 82) instead of closing tag 'ArticleTitle'. (column 90); this <PubmedArticle> (from line 6) was passed over, the other records were read",
      ],
    ]);
  });

  it('reads the records after one left unclosed, instead of taking them into it', () => {
    const text = `<PubmedArticleSet>
<PubmedBookArticle><BookDocument><PMID>20301295</PMID><Book><BookTitle>GeneReviews</BookTitle></Book>
<PubmedArticle><MedlineCitation><PMID>31452105</PMID><Article><ArticleTitle>Sea ice</ArticleTitle>
</Article></MedlineCitation></PubmedArticle>
<PubmedBookArticle><BookDocument><PMID>28722865</PMID><Book><BookTitle>StatPearls</BookTitle></Book>
</BookDocument></PubmedBookArticle>
</PubmedArticleSet>`;
    const { papers, problems } = readWith(readPubmedXml, text, 'unclosed.xml');
    expect(papers.map((entry) => [entry.paper.id, entry.location.record])).toEqual([
      ['pmid:31452105', 2],
      ['pmid:28722865', 3],
    ]);
    expect(problems.map((problem) => [problem.line, problem.record, problem.message])).toEqual([
      [
        2,
        1,
        '<PubmedBookArticle> has no </PubmedBookArticle> before the next record starts (line 3): it was passed over, the other records were read',
      ],
    ]);
  });

  it('reads the complete Bookshelf records of a file cut short', () => {
    const text = `<PubmedArticleSet>
<PubmedBookArticle><BookDocument><PMID>20301295</PMID><Book><BookTitle>GeneReviews</BookTitle></Book>
<ArticleTitle>Cystic Fibrosis</ArticleTitle></BookDocument></PubmedBookArticle>
<PubmedArticle><MedlineCitation><PMID>31452105</PMID><Article><ArticleTitle>Sea ice</ArticleTitle>`;
    const { papers, problems } = readWith(readPubmedXml, text, 'cut.xml');
    expect(papers.map((entry) => entry.paper.id)).toEqual(['pmid:20301295']);
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [4, expect.stringMatching(/^<PubmedArticle> is cut short/)],
    ]);
  });
});

/** A PubMed article set of articles (PMID, title, abstract), one a few lines, as efetch writes them. */
function articleSet(articles: ReadonlyArray<[pmid: number, title: string]>): string {
  const article = ([pmid, title]: [number, string]) =>
    [
      '<PubmedArticle>',
      `  <MedlineCitation><PMID Version="1">${pmid}</PMID>`,
      `    <Article><ArticleTitle>${title}</ArticleTitle><Abstract><AbstractText>${title} in the field.</AbstractText></Abstract></Article>`,
      '  </MedlineCitation>',
      '</PubmedArticle>',
    ].join('\n');
  return `<?xml version="1.0" ?>\n<PubmedArticleSet>\n${articles.map(article).join('\n')}\n</PubmedArticleSet>\n`;
}

describe('pubmed-xml.reader on a damaged file', () => {
  const ARTICLES: Array<[number, string]> = [
    [1001, 'Sea ice thins'],
    [1002, 'Glaciers retreat'],
    [1003, 'Permafrost thaws'],
    [1004, 'Snow cover shrinks'],
    [1005, 'Lake ice breaks up early'],
  ];
  // The third article (from line 13) holds a bare "&" in its title, as a hand-edited export may: line 15, column 39.
  const damaged = articleSet(ARTICLES).replace(
    'Permafrost thaws</ArticleTitle>',
    'Permafrost & ice thaws</ArticleTitle>',
  );

  it('reads every article but one broken in the middle, which it reports at the line and column of its damage', () => {
    const { papers, problems } = readWith(readPubmedXml, damaged, 'damaged.xml');
    expect(papers.map(({ paper, location }) => [paper.id, location.line, location.record])).toEqual([
      ['pmid:1001', 3, 1],
      ['pmid:1002', 8, 2],
      ['pmid:1004', 18, 4],
      ['pmid:1005', 23, 5],
    ]);
    expect(problems).toEqual([
      {
        file: 'damaged.xml',
        line: 15,
        record: 3,
        field: null,
        message: expect.stringMatching(
          /^is not well-formed XML: char '&' is not expected\. \(column 39\); this <PubmedArticle> \(from line 13\) was passed over, the other records were read$/,
        ),
      },
    ]);
  });

  it('reads the articles after one whose abstract holds a bare "<" and an apostrophe, passing over only that one', () => {
    const text = articleSet(ARTICLES).replace(
      'Permafrost thaws in the field.',
      "Permafrost thaws (P < 0.001) in the patients' cohort.",
    );
    const { papers, problems } = readWith(readPubmedXml, text, 'stray.xml');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['pmid:1001', 'pmid:1002', 'pmid:1004', 'pmid:1005']);
    expect(problems.map(({ line, record, message }) => [line, record, message])).toEqual([
      [
        15,
        3,
        "is not well-formed XML: Invalid space after '<'. (column 104); this <PubmedArticle> (from line 13) was passed over, the other records were read",
      ],
    ]);
  });

  it('reads the articles after one holding a comment or CDATA section never closed, reporting it where it opens', () => {
    for (const [opening, what] of [
      ['<!--', 'a comment'],
      ['<![CDATA[', 'a CDATA section'],
    ]) {
      const text = articleSet(ARTICLES).replace('Permafrost thaws in the field.', `Permafrost ${opening} thaws.`);
      const { papers, problems } = readWith(readPubmedXml, text, 'comment.xml');
      expect(papers.map(({ paper }) => paper.id)).toEqual(['pmid:1001', 'pmid:1002', 'pmid:1004', 'pmid:1005']);
      expect(problems.map(({ line, record, message }) => [line, record, message])).toEqual([
        [
          15,
          3,
          `is not well-formed XML: ${what} opened here is never closed (column 94); this <PubmedArticle> (from line 13) was passed over, the other records were read`,
        ],
      ]);
    }
  });

  it('reads both batches of two article sets joined into one file, the second after the first or inside it', () => {
    const first = articleSet(ARTICLES.slice(0, 2));
    const second = articleSet(ARTICLES.slice(2));
    const joined = first + second;
    const unclosed = first.replace('</PubmedArticleSet>\n', '') + second.replace('<?xml version="1.0" ?>\n', '');
    for (const text of [joined, unclosed]) {
      const { papers, problems } = readWith(readPubmedXml, text, 'joined.xml');
      expect(papers.map(({ paper }) => paper.id)).toEqual(ARTICLES.map(([pmid]) => `pmid:${pmid}`));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toMatch(/; its 5 complete records were read$/);
    }
  });

  it('indexes the other articles, and under --strict fails naming that line and column and leaves the index as it was', async () => {
    const index = tempDir();
    const file = path.join(tempDir(), 'pubmed.xml');
    fs.writeFileSync(file, articleSet(ARTICLES));
    const indexed = await runCli(['index', file, '--index', index, '--embedder', 'builtin']);
    expect(indexed.code, indexed.stderr).toBe(0);
    fs.writeFileSync(file, damaged.replace('Sea ice thins', 'Sea ice thickens'));
    const strict = await runCli(['index', file, '--index', index, '--embedder', 'builtin', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(
      `${file}:15 (record 3): is not well-formed XML: char '&' is not expected. (column 39)`,
    );
    const unchanged = await runCli(['search', 'sea ice', '--index', index, '--json']);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stdout).toContain('Sea ice thins');
    const repaired = await runCli(['index', file, '--index', index, '--embedder', 'builtin']);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(repaired.stderr).toContain(`${file}:15 (record 3)`);
    const updated = await runCli(['search', 'sea ice', '--index', index, '--json']);
    expect(updated.stdout).toContain('Sea ice thickens');
  });
});
