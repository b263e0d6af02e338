import { describe, expect, it } from 'vitest';
import { readModsXml } from '../../../indexer/readers/mods-xml.reader.ts';
import { paperById, readWith } from './read-fixture.ts';
import { BOOK_SECTION, exportFixture, JOURNAL_ARTICLE, THESIS } from './zotero-export-papers.ts';

// The fixture is shaped as Zotero's MODS export writes a library (one line after the declaration, MODS as the default
// namespace, a journal's or book's details in the host), with papers and values written here.
const EXPORT = exportFixture(readModsXml, 'wild/zotero-export.mods.xml');
// Shaped as a library catalogue's MODS records (the mods: prefix, names in one part with their dates, RDA roles with a
// closing period, MARC genres, a place as a MARC code and as text), with values written here.
const CATALOGUE = exportFixture(readModsXml, 'wild/catalogue.mods.xml');

// Shaped as a library catalogue's MODS record (the mods: prefix, a name in one part with its dates, a non-sorting
// article, an alternative title, subject headings), with values written here.
const CATALOGUE_RECORD = `<?xml version="1.0" encoding="UTF-8"?>
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
    const { papers, problems } = EXPORT.read();
    expect(problems).toEqual([]);
    expect(papers.map(({ location }) => [location.line, location.record])).toEqual([
      [2, 1],
      [2, 2],
      [2, 3],
      [2, 4],
    ]);
    expect(paperById(papers, JOURNAL_ARTICLE.id).paper).toMatchObject({
      ...JOURNAL_ARTICLE,
      tags: ['grounding line', 'Glaciology'],
      metadata: { ...JOURNAL_ARTICLE.metadata, shortTitle: 'Tidal modulation of basal melt' },
    });
  });

  it("reads a book section: its book as venue, the book's editors apart from its authors, its series no venue", () => {
    expect(paperById(EXPORT.read().papers, BOOK_SECTION.id).paper).toMatchObject({ ...BOOK_SECTION, year: 2020 });
  });

  it('reads a thesis: its university as venue, its genre as thesisType, the DOI its doi.org link names as id', () => {
    expect(paperById(EXPORT.read().papers, THESIS.id).paper).toMatchObject(THESIS);
  });

  it('keeps a report’s own genre as its reportType, though "Technical Report" is a MARC genre too', () => {
    expect(paperById(EXPORT.read().papers, 'rossi2021firn').paper).toMatchObject({
      venue: "Institut des Géosciences de l'Environnement",
      metadata: { entryType: 'report', reportType: 'Technical Report', place: 'Grenoble' },
    });
  });

  it("reads a catalogue's record: the title of no type with its non-sorting article, names in one part, authors by role", () => {
    const { papers, problems } = readWith(readModsXml, CATALOGUE_RECORD, 'catalogue.xml');
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

  it("reads a catalogue's place as text, never its MARC country code, and its MARC genres as Zotero does (a bibliography is a book)", () => {
    const { papers, problems } = CATALOGUE.read();
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      title: 'The ice ages of the central Andes: a regional synthesis',
      year: 2012,
      venue: 'Fondo Editorial Andino',
      metadata: { entryType: 'book', place: 'Lima', language: 'spa' },
    });
    // A festschrift is a book too: it stands alone, its publisher its venue.
    expect(papers[1]?.paper).toMatchObject({ venue: 'Editorial Altiplano', metadata: { entryType: 'book' } });
  });

  it('reads roles written with a closing period ("author.", "editor."), and a person’s dates in brackets as no part of the name', () => {
    const [book, festschrift] = CATALOGUE.read().papers;
    // "writer of introduction." is no author; the name without a role is one, after the named author.
    expect(book?.paper).toMatchObject({ id: 'quispe2012ages', authors: ['Rosa Quispe', 'Tomás Vargas'] });
    expect(festschrift?.paper).toMatchObject({ id: 'huanca2016moraines', metadata: { editors: ['Mario Huanca'] } });
  });

  it("tells a record's type without a genre as Zotero does: by its type of resource, else an HTML page in a host is a web page", () => {
    const record = (inner: string) =>
      `<mods><titleInfo><title>Ice extent, Ross Sea</title></titleInfo><name type="personal"><namePart>Hale, Mira</namePart></name>${inner}</mods>`;
    const text = `<modsCollection xmlns="http://www.loc.gov/mods/v3">${[
      record('<typeOfResource>cartographic</typeOfResource><originInfo><dateIssued>2011</dateIssued></originInfo>'),
      record(
        '<physicalDescription><internetMediaType>text/html</internetMediaType></physicalDescription><relatedItem type="host"><titleInfo><title>Polar Atlas Online</title></titleInfo></relatedItem>',
      ),
    ].join('\n')}</modsCollection>`;
    const { papers } = readWith(readModsXml, text, 'types.xml', { repair: true });
    expect(papers.map(({ paper }) => [paper.metadata.entryType, paper.venue])).toEqual([
      ['map', null],
      ['webpage', 'Polar Atlas Online'],
    ]);
  });

  it('takes an arXiv id from an identifier of type arXiv or an arxiv.org link, and keys a record without DOI by it', () => {
    const record = (title: string, inner: string) =>
      `<mods><titleInfo><title>${title}</title></titleInfo><name type="personal"><namePart>Hale, Mira</namePart></name><originInfo><dateIssued>2023</dateIssued></originInfo>${inner}</mods>`;
    const text = `<modsCollection xmlns="http://www.loc.gov/mods/v3">${[
      record('Sea ice drift', '<identifier type="arXiv">arXiv:2301.01234v2</identifier>'),
      record('Floe sizes', '<identifier type="uri">https://arxiv.org/abs/hep-th/9901001v1</identifier>'),
      record('Lead fractions', '<location><url>http://arxiv.org/pdf/2302.04567.pdf</url></location>'),
      record(
        'Ridging',
        '<identifier type="doi">10.5555/ridge.1</identifier><identifier type="arxiv">2303.00001</identifier>',
      ),
      record('Melt ponds', '<location><url>https://example.org/arxiv.org/abs/2304.00002</url></location>'),
    ].join('\n')}</modsCollection>`;
    const { papers } = readWith(readModsXml, text, 'preprints.xml', { repair: true });
    expect(papers.map(({ paper }) => [paper.id, paper.arxivId])).toEqual([
      ['arxiv:2301.01234', '2301.01234'],
      ['arxiv:hep-th/9901001', 'hep-th/9901001'],
      ['arxiv:2302.04567', '2302.04567'],
      ['doi:10.5555/ridge.1', '2303.00001'],
      ['hale2023melt', null],
    ]);
    expect(papers[0]?.paper.metadata.archiveID).toBeUndefined();
  });

  it("gives no paper its host's arXiv id, so two papers of one proceedings volume stay two papers", () => {
    const record = (title: string, name: string) =>
      `<mods><titleInfo><title>${title}</title></titleInfo><name type="personal"><namePart>${name}</namePart></name><genre authority="local">conferencePaper</genre><originInfo><dateIssued>2023</dateIssued></originInfo><relatedItem type="host"><titleInfo><title>Proceedings of the Floe Workshop</title></titleInfo><identifier type="arxiv">2401.00003</identifier></relatedItem></mods>`;
    const text = `<modsCollection xmlns="http://www.loc.gov/mods/v3">${[
      record('Pressure ridges in first-year ice', 'Hale, Mira'),
      record('Lead opening under storms', 'Okoro, Ada'),
    ].join('\n')}</modsCollection>`;
    const { papers } = readWith(readModsXml, text, 'volume.xml', { repair: true });
    expect(papers.map(({ paper }) => [paper.title, paper.arxivId])).toEqual([
      ['Pressure ridges in first-year ice', null],
      ['Lead opening under storms', null],
    ]);
  });

  it('reads the complete records of an export cut short and reports the cut record with its number', () => {
    const cut = EXPORT.text.slice(0, EXPORT.text.indexOf('<title>Calving fronts'));
    const { papers, problems } = readWith(readModsXml, cut, 'cut.xml');
    expect(papers.map(({ paper }) => paper.id)).toEqual([JOURNAL_ARTICLE.id, BOOK_SECTION.id]);
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

  it('reads the complete records of a catalogue export written under the mods: prefix and cut short', () => {
    const cut = CATALOGUE.text.slice(0, CATALOGUE.text.indexOf('<mods:title>Retreat of tropical'));
    const { papers, problems } = readWith(readModsXml, cut, 'cut.xml');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['quispe2012ages', 'huanca2016moraines']);
    expect(problems).toEqual([
      {
        file: 'cut.xml',
        line: 50,
        record: 3,
        field: null,
        message:
          '<mods:mods> is cut short: the file ends before its </mods:mods> (was the export interrupted?); the 2 records before it were read',
      },
    ]);
  });

  it('reads every record of a prefixed export but a damaged one, reported at the line and column of its damage', () => {
    const damaged = CATALOGUE.text.replace(
      '</mods:namePart>\n      <mods:role><mods:roleTerm type="text">editor.',
      '</mods:namePar>\n      <mods:role><mods:roleTerm type="text">editor.',
    );
    expect(damaged).not.toBe(CATALOGUE.text);
    const { papers, problems } = readWith(readModsXml, damaged, 'damaged.xml');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['quispe2012ages', 'doi:10.5555/jag.2019.031.088']);
    expect(problems).toEqual([
      {
        file: 'damaged.xml',
        line: 43,
        record: 2,
        field: null,
        message:
          "is not well-formed XML: Expected closing tag 'mods:namePart' (opened in line 43, col 7) instead of closing tag 'mods:namePar'. (column 47); this <mods:mods> (from line 40) was passed over, the other records were read",
      },
    ]);
  });

  it('reads the record after one left without its </mods>, reporting that one at its line', () => {
    const unclosed = EXPORT.text.replace(
      '</relatedItem></mods><mods><titleInfo><title>Basal friction',
      '</relatedItem><mods><titleInfo><title>Basal friction',
    );
    expect(unclosed).not.toBe(EXPORT.text);
    const { papers, problems } = readWith(readModsXml, unclosed, 'unclosed.xml');
    expect(papers.map(({ paper }) => paper.id)).toEqual([BOOK_SECTION.id, THESIS.id, 'rossi2021firn']);
    expect(problems).toEqual([
      {
        file: 'unclosed.xml',
        line: 2,
        record: 1,
        field: null,
        message:
          '<mods> has no </mods> before the next record starts (line 2): it was passed over, the other records were read',
      },
    ]);
  });

  it('reads every record of an export cut after its last one, saying the file ends before its </modsCollection>', () => {
    const cut = EXPORT.text.replace('</modsCollection>', '');
    const { papers, problems } = readWith(readModsXml, cut, 'cut.xml');
    expect(papers).toHaveLength(4);
    expect(problems).toEqual([
      {
        file: 'cut.xml',
        line: 2,
        record: null,
        field: null,
        message:
          'the file ends before its </modsCollection> (was the export interrupted?); every record in it was read',
      },
    ]);
  });

  it('reads every record when the damage lies between two of them, reporting it at its line', () => {
    const damaged = CATALOGUE.text.replace(
      '  </mods:mods>\n  <mods:mods version="3.8">\n    <mods:titleInfo><mods:title>Moraines',
      '  </mods:mods>\n  & \n  <mods:mods version="3.8">\n    <mods:titleInfo><mods:title>Moraines',
    );
    expect(damaged).not.toBe(CATALOGUE.text);
    const { papers, problems } = readWith(readModsXml, damaged, 'damaged.xml');
    expect(papers).toHaveLength(3);
    expect(problems.map(({ line, message }) => [line, message])).toEqual([
      [40, "is not well-formed XML: char '&' is not expected. (column 3); its 3 complete records were read"],
    ]);
  });

  it('reads the entities its DOCTYPE declares in each record of a damaged file, past the comments before it', () => {
    const text = [
      '<?xml version="1.0"?>',
      '<!-- exported from the catalogue -->',
      '<!DOCTYPE modsCollection [<!ENTITY ice "sea ice">]>',
      '<modsCollection xmlns="http://www.loc.gov/mods/v3">',
      '<mods><titleInfo><title>Drift of &ice;</title></titleInfo><name><namePart>Hale, Mira</namePart></name></mods>',
      '<mods><titleInfo><title>Floes</tittle></titleInfo></mods>',
      '</modsCollection>',
    ].join('\n');
    const { papers, problems } = readWith(readModsXml, text, 'entities.xml', { repair: true });
    expect(papers.map(({ paper }) => paper.title)).toEqual(['Drift of sea ice']);
    expect(problems.map(({ line, record, message }) => [line, record, message])).toEqual([
      [
        6,
        2,
        "is not well-formed XML: Expected closing tag 'title' (opened in line 6, col 18) instead of closing tag 'tittle'. (column 30); this <mods> (from line 6) was passed over, the other records were read",
      ],
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
