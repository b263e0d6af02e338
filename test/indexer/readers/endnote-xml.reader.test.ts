import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEndnoteXml } from '../../../indexer/readers/endnote-xml.reader.ts';
import { fixture, readFixture, readWith } from './read-fixture.ts';

const style = (text: string, face = 'normal') => `<style face="${face}" font="default" size="100%">${text}</style>`;

// Shaped as EndNote's XML export, with values written here: the first record as EndNote 20 writes it
// (every value in style runs, an italic run inside the title), the second as older versions do.
const ENDNOTE = `<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><rec-number>12</rec-number><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author>${style('Silva, Ana')}</author><author>${style('Weber, Jonas')}</author></authors></contributors>
<titles><title>${style('Tides in ')}${style('Pine Island', 'italic')}${style(' glacier')}</title><secondary-title>${style('Journal of Glaciology')}</secondary-title></titles>
<pages>${style('1-9')}</pages><volume>${style('65')}</volume>
<keywords><keyword>${style('tides')}</keyword><keyword>${style('ice')}</keyword></keywords>
<dates><year>${style('2019')}</year></dates>
<electronic-resource-num>${style('https://doi.org/10.1000/endnote.1')}</electronic-resource-num>
<abstract>${style('Tides speed up melt at the grounding line.')}</abstract></record>
<record><rec-number>13</rec-number><ref-type name="Book">6</ref-type><contributors><authors><author>Knuth, Donald E.</author></authors></contributors>
<titles><title>The Art of Computer Programming</title></titles><dates><year>1968</year></dates></record>
</records></xml>`;

describe('endnote-xml.reader', () => {
  it('reads each record: style runs joined with their spaces, authors, venue, year, bare DOI, keywords, located at its line', () => {
    const { papers, problems } = readWith(readEndnoteXml, ENDNOTE, 'library.xml');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.1000/endnote.1',
      title: 'Tides in Pine Island glacier',
      abstract: 'Tides speed up melt at the grounding line.',
      authors: ['Ana Silva', 'Jonas Weber'],
      venue: 'Journal of Glaciology',
      year: 2019,
      doi: '10.1000/endnote.1',
      tags: ['tides', 'ice'],
      metadata: { entryType: 'Journal Article', volume: '65', pages: '1-9' },
    });
    expect(papers.map(({ location }) => location.line)).toEqual([2, 10]);
  });

  it('gives a record without a DOI a key made from its content, which stays the same across exports', () => {
    const { papers } = readWith(readEndnoteXml, ENDNOTE, 'library.xml');
    expect(papers[1]?.paper).toMatchObject({ id: 'knuth1968computer', authors: ['Donald E. Knuth'], year: 1968 });
  });

  it("reads a library as EndNote 20 writes it: each address of an author's address field, every URL, the copyright off the abstract", () => {
    const { papers, problems } = readFixture(readEndnoteXml, 'wild/endnote-library.xml', { repair: true });
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'doi:10.1080/19490976.2020.1712345',
      title: 'Effects of Escherichia coli colonisation on gut barrier function',
      authors: ['A. van der Berg', 'J. Smith Jr', 'World Health Organization'],
      affiliations: [
        'Department of Microbiology, University of Amsterdam, Amsterdam, The Netherlands.',
        'Institute of Infection, Imperial College London, London, UK.',
      ],
      abstract:
        'The gut barrier limits bacterial translocation. We colonised mice with E. coli and measured permeability. ' +
        'Colonisation raised permeability twofold.',
      url: 'https://www.ncbi.nlm.nih.gov/pubmed/31992123',
      metadata: {
        urls: ['https://www.ncbi.nlm.nih.gov/pubmed/31992123', 'https://doi.org/10.1080/19490976.2020.1712345'],
        accessionNumber: '31992123',
        copyright: 'Copyright © 2020 Taylor & Francis Group, LLC.',
      },
    });
  });

  it('takes the DOI from a doi.org URL when the Electronic Resource Number holds another id (a PII)', () => {
    const { papers } = readFixture(readEndnoteXml, 'wild/endnote-library.xml', { repair: true });
    expect(papers[1]?.paper).toMatchObject({
      id: 'doi:10.1016/S0140-6736(20)32000-6',
      doi: '10.1016/S0140-6736(20)32000-6',
      metadata: { electronicResourceNumber: 'S0140-6736(20)32000-6' },
    });
  });

  it('reads the other records of a library with one damaged record, naming the line and column of its damage', () => {
    // EndNote writes a library on one line: the column is what finds the damage.
    const damaged = fs.readFileSync(fixture('wild/endnote-library.xml'), 'utf8').replace('<volume>', '<volume><b>');
    const { papers, problems } = readWith(readEndnoteXml, damaged, 'library.xml', { repair: true });
    expect(papers.map(({ paper }) => paper.id)).toEqual(['doi:10.1016/S0140-6736(20)32000-6']);
    expect(problems).toEqual([
      {
        file: 'library.xml',
        line: 1,
        record: 1,
        field: null,
        message:
          "is not well-formed XML: Expected closing tag 'b' (opened in line 1, col 1564) instead of closing tag 'volume'. (column 1625); this <record> (from line 1) was passed over, the other records were read",
      },
    ]);
    expect(papers[0]?.location).toEqual({ file: 'library.xml', line: 1, record: 2 });
  });

  it('reads the complete records of an export cut short', () => {
    const cut = ENDNOTE.slice(0, ENDNOTE.indexOf('<titles><title>The Art'));
    const { papers, problems } = readWith(readEndnoteXml, cut, 'library.xml', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['Tides in Pine Island glacier']);
    expect(problems.map((problem) => [problem.line, problem.record])).toEqual([[10, 2]]);
    expect(problems[0]?.message).toContain('<record> is cut short');
  });

  it('reads every record but one broken in the middle, reported at the line and column of its damage', () => {
    const record = (title: string, year: number) =>
      `<record><ref-type name="Journal Article">17</ref-type>\n<titles><title>${style(title)}</title></titles>\n<dates><year>${style(String(year))}</year></dates></record>`;
    const text = `<?xml version="1.0" encoding="UTF-8" ?><xml><records>\n${[
      record('Sea ice thins', 2019),
      record('Glaciers retreat', 2020),
      record('Permafrost thaws', 2021).replace('<dates>', '<dates><year>'),
      record('Snow cover shrinks', 2022),
      record('Lake ice breaks up early', 2023),
    ].join('\n')}\n</records></xml>`;
    // Read the same with a byte order mark and Windows line ends, which a pasted export may keep.
    for (const written of [text, `\uFEFF${text.replace(/\n/g, '\r\n')}`]) {
      expect(readWith(readEndnoteXml, written, 'library.xml', { repair: true }).problems).toEqual(
        readWith(readEndnoteXml, text, 'library.xml', { repair: true }).problems,
      );
    }
    const { papers, problems } = readWith(readEndnoteXml, text, 'library.xml', { repair: true });
    expect(papers.map(({ paper, location }) => [paper.title, location.line, location.record])).toEqual([
      ['Sea ice thins', 2, 1],
      ['Glaciers retreat', 5, 2],
      ['Snow cover shrinks', 11, 4],
      ['Lake ice breaks up early', 14, 5],
    ]);
    expect(problems).toEqual([
      {
        file: 'library.xml',
        line: 10,
        record: 3,
        field: null,
        message:
          "is not well-formed XML: Expected closing tag 'year' (opened in line 10, col 8) instead of closing tag 'dates'. (column 87); this <record> (from line 8) was passed over, the other records were read",
      },
    ]);
  });

  it('reads both libraries of two exports joined into one file, and the records after one holding a comment never closed', () => {
    const record = (title: string) =>
      `<record><ref-type name="Journal Article">17</ref-type><titles><title>${style(title)}</title></titles><dates><year>2021</year></dates></record>`;
    const library = (titles: string[]) =>
      `<?xml version="1.0" encoding="UTF-8" ?><xml><records>${titles.map(record).join('\n')}</records></xml>\n`;
    const joined = library(['Sea ice thins', 'Glaciers retreat']) + library(['Permafrost thaws', 'Snow cover shrinks']);
    const read = readWith(readEndnoteXml, joined, 'joined.xml', { repair: true });
    expect(read.papers.map(({ paper }) => paper.title)).toEqual([
      'Sea ice thins',
      'Glaciers retreat',
      'Permafrost thaws',
      'Snow cover shrinks',
    ]);
    expect(read.problems.map(({ message }) => message)).toEqual([
      expect.stringMatching(/^is not well-formed XML: .*; its 4 complete records were read$/),
    ]);
    const broken = library(['Sea ice thins', 'Glaciers <!-- retreat', 'Lake ice breaks up']);
    const { papers, problems } = readWith(readEndnoteXml, broken, 'comment.xml', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['Sea ice thins', 'Lake ice breaks up']);
    expect(problems.map(({ line, record, message }) => [line, record, message])).toEqual([
      [
        2,
        2,
        'is not well-formed XML: a comment opened here is never closed (column 127); this <record> (from line 2) was passed over, the other records were read',
      ],
    ]);
  });

  it('reads the entities a long DOCTYPE declares in each record of a damaged file, repeating none of its comments', () => {
    const record = (title: string) =>
      `<record><ref-type name="Journal Article">17</ref-type><titles><title>${style(title)}</title></titles><dates><year>2021</year></dates></record>`;
    const subset = `${'<!-- a note the library tool wrote in its DTD, repeated to make the subset long -->\n'.repeat(300)}<!ENTITY ice "sea ice">`;
    const text = `<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE xml [\n${subset}\n]>\n<xml><records>${[
      record('The &ice; thins'),
      record('Glaciers retreat').replace('</year>', '</yaer>'),
      record('The &ice; drifts'),
    ].join('\n')}</records></xml>\n`;
    const { papers, problems } = readWith(readEndnoteXml, text, 'doctype.xml', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['The sea ice thins', 'The sea ice drifts']);
    expect(problems.map(({ line, record }) => [line, record])).toEqual([[306, 2]]);
  });

  it('says a file cut between two records was read whole up to the cut', () => {
    const cut = ENDNOTE.slice(0, ENDNOTE.indexOf('</records>'));
    const { papers, problems } = readWith(readEndnoteXml, cut, 'library.xml', { repair: true });
    expect(papers).toHaveLength(2);
    expect(problems.map(({ line, record, message }) => [line, record, message])).toEqual([
      [
        12,
        null,
        'the file ends before its </records></xml> (was the export interrupted?); every record in it was read',
      ],
    ]);
  });

  it('reads keywords written as lines of one <keyword>, MeSH headings as their descriptors, and a year only in the Date field', () => {
    const text = `<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><ref-type name="Conference Proceedings">10</ref-type>
<contributors><authors><author>Kim, Ji-Yeon</author></authors></contributors>
<titles><title>Parsing with trees</title><secondary-title>Proceedings of ACL</secondary-title></titles>
<keywords><keyword>${style('parsing&#xD;syntax trees')}</keyword><keyword>${style('Escherichia coli/*physiology')}</keyword></keywords>
<dates><pub-dates><date>${style('2020-07-05')}</date></pub-dates></dates></record></records></xml>`;
    const { papers, problems } = readWith(readEndnoteXml, text, 'library.xml');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'kim2020parsing',
      year: 2020,
      tags: ['parsing', 'syntax trees', 'Escherichia coli'],
      metadata: { meshHeadings: ['Escherichia coli/physiology'] },
    });
  });

  it('knows a record saved with only a short title by it, instead of refusing the record', () => {
    const text = `<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author>${style('Devlin, Jacob')}</author></authors></contributors>
<titles><short-title>${style('BERT')}</short-title></titles><periodical><full-title>${style('NAACL')}</full-title></periodical>
<dates><year>${style('2019')}</year></dates></record></records></xml>`;
    const { papers, problems } = readWith(readEndnoteXml, text, 'library.xml');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.title, paper.venue])).toEqual([
      ['devlin2019bert', 'BERT', 'NAACL'],
    ]);
  });

  it("takes the proceedings Zotero's export writes as custom3 as a conference paper's venue, its conference kept, and only from Zotero", () => {
    const { papers, problems } = readFixture(readEndnoteXml, 'wild/zotero-endnote.xml');
    expect(problems).toEqual([]);
    // As the same item read from Zotero's database, its RIS (C3 before T2) or its JSON: the proceedings are the venue.
    expect(papers.map(({ paper }) => [paper.title, paper.venue, paper.metadata.conferenceName])).toEqual([
      [
        'Attention is all you need',
        'Advances in Neural Information Processing Systems',
        '31st Conference on Neural Information Processing Systems (NIPS 2017)',
      ],
      [
        'Dense retrieval with hard negatives',
        'Proceedings of the 44th International ACM SIGIR Conference on Research and Development in Information Retrieval',
        undefined,
      ],
      // EndNote leaves custom3 to each library: "Reviewed" is no venue, nor is a conference paper's publisher.
      ['Tidal pumping under ice shelves', null, undefined],
    ]);
  });

  it("takes a thesis's university (its publisher) as its venue, not its department (its secondary title)", () => {
    const text = `<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><ref-type name="Thesis">32</ref-type><contributors><authors><author>${style('Ek, Dana')}</author></authors></contributors>
<titles><title>${style('Regeneration of the zebrafish fin')}</title><secondary-title>${style('Department of Cell and Molecular Biology')}</secondary-title></titles>
<dates><year>${style('2020')}</year></dates><pub-location>${style('Stockholm')}</pub-location>
<publisher>${style('Karolinska Institutet')}</publisher><work-type>${style('PhD thesis')}</work-type></record>
<record><ref-type name="Book Section">5</ref-type><titles><title>${style('Tides')}</title><secondary-title>${style('Handbook of Glaciology')}</secondary-title></titles>
<dates><year>${style('2019')}</year></dates><publisher>${style('Springer')}</publisher></record>
</records></xml>`;
    const { papers, problems } = readWith(readEndnoteXml, text, 'theses.xml');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => paper.venue)).toEqual(['Karolinska Institutet', 'Handbook of Glaciology']);
    expect(papers[0]?.paper.metadata.department).toBe('Department of Cell and Molecular Biology');
  });
  it("takes a thesis's journal (its periodical) as its venue before its university, kept as its publisher", () => {
    const text = `<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><ref-type name="Thesis">32</ref-type><titles><title>${style('Catalysis in water')}</title><secondary-title>${style('Department of Chemistry')}</secondary-title></titles>
<periodical><full-title>${style('ProQuest Dissertations and Theses')}</full-title></periodical>
<dates><year>${style('2015')}</year></dates><publisher>${style('Stanford University')}</publisher></record>
</records></xml>`;
    const { papers, problems } = readWith(readEndnoteXml, text, 'theses.xml');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper.venue).toBe('ProQuest Dissertations and Theses');
    expect(papers[0]?.paper.metadata).toMatchObject({
      publisher: 'Stanford University',
      department: 'Department of Chemistry',
    });
  });

  // Regression: the URL Zotero and JabRef write under <web-urls> was ignored (only <related-urls> was read).
  it("reads a record's web URL as its url, a DOI link there as its DOI, and never an attached file's address", () => {
    const { papers, problems } = readFixture(readEndnoteXml, 'wild/endnote-web-urls.xml');
    expect(problems).toEqual([]);
    expect(papers.map(({ paper }) => [paper.id, paper.url, paper.doi])).toEqual([
      [
        'doi:10.1016/j.soilbio.2019.01.001',
        'https://www.sciencedirect.com/science/article/pii/S0038071719300012',
        '10.1016/j.soilbio.2019.01.001',
      ],
      // A DOI found only in a web URL keeps the id made from the content, which the record had before.
      ['silva2020root', 'https://doi.org/10.1007/978-3-030-12345-6_3', '10.1007/978-3-030-12345-6_3'],
      // Only a PDF URL (internal-pdf://…): no url.
      ['okafor2018soil', null, null],
    ]);
  });

  it('reads the related URL EndNote writes before a web URL, keeping both', () => {
    const xml = `<xml><records><record><ref-type name="Journal Article">17</ref-type><titles><title>Both</title></titles>
<urls><web-urls><url>https://example.org/web</url></web-urls><related-urls><url>https://example.org/related</url></related-urls></urls></record></records></xml>`;
    const { papers } = readWith(readEndnoteXml, xml, 'both.xml');
    expect(papers[0]?.paper).toMatchObject({
      url: 'https://example.org/related',
      metadata: { urls: ['https://example.org/related', 'https://example.org/web'] },
    });
  });
});
