import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModsXml } from '../../../indexer/readers/mods-xml.reader.ts';
import { fixture, paperById, readFixture, readWith } from './read-fixture.ts';

// The fixture is shaped as Zotero's MODS export writes a library (one line after the declaration, MODS as the default
// namespace, a journal's or book's details in the host), with papers and values written here.
const EXPORT = 'wild/zotero-export.mods.xml';

// Shaped as a library catalogue's MODS record (the mods: prefix, a name in one part with its dates, a non-sorting
// article, an alternative title, subject headings), with values written here.
const CATALOGUE = `<?xml version="1.0" encoding="UTF-8"?>
<mods:modsCollection xmlns:mods="http://www.loc.gov/mods/v3">
  <mods:mods version="3.7">
    <mods:titleInfo type="alternative"><mods:title>Glacier physics</mods:title></mods:titleInfo>
    <mods:titleInfo><mods:nonSort>The </mods:nonSort><mods:title>physics of glaciers</mods:title></mods:titleInfo>
    <mods:name type="personal" usage="primary"><mods:namePart>Cuffey, Kurt</mods:namePart><mods:namePart type="date">1965-</mods:namePart></mods:name>
    <mods:name type="personal"><mods:namePart>Paterson, W. S. B.</mods:namePart><mods:role><mods:roleTerm type="text">author</mods:roleTerm></mods:role></mods:name>
    <mods:name type="personal"><mods:namePart>Nye, John</mods:namePart><mods:role><mods:roleTerm type="text">thesis advisor</mods:roleTerm></mods:role></mods:name>
    <mods:typeOfResource>text</mods:typeOfResource>
    <mods:genre authority="marcgt">book</mods:genre>
    <mods:originInfo>
      <mods:place><mods:placeTerm type="text">Amsterdam</mods:placeTerm></mods:place>
      <mods:publisher>Butterworth-Heinemann</mods:publisher>
      <mods:dateIssued>c2010</mods:dateIssued>
      <mods:dateIssued encoding="marc">2010</mods:dateIssued>
      <mods:edition>4th ed.</mods:edition>
    </mods:originInfo>
    <mods:subject authority="lcsh"><mods:topic>Glaciers</mods:topic></mods:subject>
    <mods:subject authority="lcsh"><mods:topic>Glaciology</mods:topic><mods:geographic>Antarctica</mods:geographic></mods:subject>
    <mods:identifier type="isbn">9780123694614</mods:identifier>
    <mods:relatedItem type="series"><mods:titleInfo><mods:title>Glaciology Library</mods:title></mods:titleInfo></mods:relatedItem>
  </mods:mods>
</mods:modsCollection>
`;

describe('mods-xml.reader', () => {
  it("reads a journal article as Zotero exports it: the host's title as venue, its volume, issue and pages, the DOI as id", () => {
    const { papers, problems } = readFixture(readModsXml, EXPORT);
    expect(problems).toEqual([]);
    expect(papers.map(({ location }) => [location.line, location.record])).toEqual([
      [2, 1],
      [2, 2],
      [2, 3],
    ]);
    expect(paperById(papers, 'doi:10.1029/2019GL085123').paper).toMatchObject({
      title: 'Tidal modulation of basal melt at the Pine Island grounding line',
      abstract: expect.stringContaining('doubles near the line & halves further out'),
      authors: ['Ana Silva', 'Jonas Weber'],
      year: 2019,
      venue: 'Geophysical Research Letters',
      url: 'https://agupubs.onlinelibrary.wiley.com/doi/abs/10.1029/2019GL085123',
      tags: ['grounding line', 'Glaciology'],
      metadata: {
        entryType: 'journalArticle',
        shortTitle: 'Tidal modulation of basal melt',
        journalAbbreviation: 'Geophys. Res. Lett.',
        volume: '46',
        issue: '22',
        pages: '13012-13020',
        ISSN: '0094-8276',
      },
    });
  });

  it("reads a book section: its book as venue, the book's editors apart from its authors, its series no venue", () => {
    const { papers } = readFixture(readModsXml, EXPORT);
    expect(paperById(papers, 'moreau2020basal').paper).toMatchObject({
      authors: ['Claire Moreau'],
      year: 2020,
      venue: 'Handbook of Ice Sheet Modelling',
      metadata: {
        entryType: 'bookSection',
        editors: ['Kenji Ito'],
        publisher: 'Springer',
        ISBN: '978-3-030-12345-6',
        series: 'Springer Glaciology Series',
      },
    });
  });

  it('reads a thesis: its university as venue, its genre as thesisType, the DOI its doi.org link names as id', () => {
    const { papers } = readFixture(readModsXml, EXPORT);
    expect(paperById(papers, 'doi:10.3929/ethz-b-000123456').paper).toMatchObject({
      title: 'Calving fronts under ocean forcing',
      year: 2018,
      venue: 'ETH Zürich',
      metadata: { entryType: 'thesis', thesisType: 'PhD Thesis', callNumber: 'GB2401 .K45 2018' },
    });
  });

  it("reads a catalogue's record: the title of no type with its non-sorting article, names in one part, authors by role", () => {
    const { papers, problems } = readWith(readModsXml, CATALOGUE, 'catalogue.xml');
    expect(problems).toEqual([]);
    expect(papers[0]?.location.line).toBe(3);
    expect(papers[0]?.paper).toMatchObject({
      id: 'cuffey2010physics',
      title: 'The physics of glaciers',
      authors: ['Kurt Cuffey', 'W. S. B. Paterson'],
      year: 2010,
      // A book stands alone: its publisher is its venue; its series is not.
      venue: 'Butterworth-Heinemann',
      tags: ['Glaciers', 'Glaciology'],
      metadata: { entryType: 'book', series: 'Glaciology Library', edition: '4th ed.', ISBN: '9780123694614' },
    });
  });

  it('reads the complete records of an export cut short and reports the cut record with its number', () => {
    const text = fs.readFileSync(fixture(EXPORT), 'utf8');
    const cut = text.slice(0, text.indexOf('<title>Calving fronts'));
    const { papers, problems } = readWith(readModsXml, cut, 'cut.xml');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['doi:10.1029/2019GL085123', 'moreau2020basal']);
    expect(problems).toEqual([
      {
        file: 'cut.xml',
        line: 2,
        record: 3,
        field: null,
        message:
          '<mods> is cut short: the file ends before its </mods> (was the export interrupted?); the 2 records before it were read',
      },
    ]);
  });

  it('refuses a document whose root is neither <modsCollection> nor <mods>, at its first line', () => {
    const { records, problems } = readModsXml('<?xml version="1.0"?>\n<feed><entry/></feed>', 'feed.xml');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'feed.xml',
        line: 1,
        record: null,
        field: null,
        message: 'expected a MODS <modsCollection> or <mods>, found <feed>',
      },
    ]);
  });
});
