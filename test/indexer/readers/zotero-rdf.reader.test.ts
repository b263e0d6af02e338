import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZoteroRdf } from '../../../indexer/readers/zotero-rdf.reader.ts';
import { runCli } from '../../support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { fixture, paperById, readWith } from './read-fixture.ts';
import { BOOK_SECTION, exportFixture, JOURNAL_ARTICLE, THESIS } from './zotero-export-papers.ts';

// The fixture is shaped as Zotero's "Zotero RDF" export writes a library (namespaces declared on the root, items named
// by their URL, ISBN or "#item_N", the journal named by its ISSN as a node of its own, the DOI written on the journal,
// attachments and notes as nodes the items link to, collections last), with papers and values written here.
const LIBRARY = 'wild/zotero-library.rdf';
const EXPORT = exportFixture(readZoteroRdf, LIBRARY);
const library = () => EXPORT.text;

/** A Zotero RDF document of `items` (written with Zotero's prefixes, or `namespaces` in their place). */
function rdf(items: string, namespaces = ZOTERO_NAMESPACES): string {
  return `<rdf:RDF\n${namespaces}>\n${items}\n</rdf:RDF>\n`;
}
const ZOTERO_NAMESPACES = [
  ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
  ' xmlns:z="http://www.zotero.org/namespaces/export#"',
  ' xmlns:dcterms="http://purl.org/dc/terms/"',
  ' xmlns:bib="http://purl.org/net/biblio#"',
  ' xmlns:foaf="http://xmlns.com/foaf/0.1/"',
  ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join('\n');
const person = (surname: string, given: string, tag = 'foaf:givenName') =>
  `<rdf:li><foaf:Person><foaf:surname>${surname}</foaf:surname><${tag}>${given}</${tag}></foaf:Person></rdf:li>`;

describe('zotero-rdf.reader', () => {
  it('reads a journal article: its journal (a node of its own) as venue, the DOI written on the journal, its tags and collection, at its line', () => {
    const { papers, problems } = EXPORT.read();
    expect(problems).toEqual([]);
    expect(papers.map(({ location }) => [location.line, location.record])).toEqual([
      [11, 1],
      [76, 2],
      [119, 3],
      [149, 4],
      [197, 5],
    ]);
    expect(paperById(papers, JOURNAL_ARTICLE.id).paper).toMatchObject({
      ...JOURNAL_ARTICLE,
      doi: '10.1029/2019GL085123',
      tags: ['grounding line', 'Glaciology', 'Ice dynamics'],
      metadata: { ...JOURNAL_ARTICLE.metadata, citationKey: 'silva2019tidal' },
    });
  });

  it('reads a conference paper: its proceedings as venue, the conference and the publisher kept as metadata, keyed by its content', () => {
    const { papers } = EXPORT.read();
    expect(paperById(papers, 'okafor2021retrieval').paper).toMatchObject({
      title: 'Retrieval heads in small encoders',
      authors: ['Chidi Okafor', 'Maja Lindqvist'],
      year: 2021,
      venue: 'Proceedings of the 2021 Conference on Empirical Methods in Natural Language Processing',
      metadata: {
        entryType: 'conferencePaper',
        conferenceName: 'EMNLP 2021',
        publisher: 'Association for Computational Linguistics',
        place: 'Punta Cana, Dominican Republic',
      },
    });
  });

  it('reads a preprint under its arXiv id (its Archive ID), with its repository as venue', () => {
    const { papers } = EXPORT.read();
    expect(paperById(papers, 'arxiv:2402.01234').paper).toMatchObject({
      title: 'Sparse probes for attention sinks',
      authors: ['Ren Nakamura'],
      venue: 'arXiv',
      arxivId: '2402.01234',
      year: 2024,
    });
  });

  it('reads a book section: its book as venue, its editors apart from its authors, the book’s ISBN and series as metadata', () => {
    expect(paperById(EXPORT.read().papers, BOOK_SECTION.id).paper).toMatchObject({
      ...BOOK_SECTION,
      tags: ['Ice dynamics'],
    });
  });

  it('reads a thesis: its university as venue, the DOI its doi.org link names as id, its call number apart from its tags', () => {
    expect(paperById(EXPORT.read().papers, THESIS.id).paper).toMatchObject({
      ...THESIS,
      tags: ['ice shelves', 'Theses'],
    });
  });

  it('passes over attachments and notes, saying how many and at which lines', () => {
    const { records, notices } = readZoteroRdf(library(), 'library.rdf');
    expect(records).toHaveLength(5);
    expect(notices).toEqual([
      'library.rdf: 2 Zotero items holding no paper of their own were passed over (1 attachment, 1 note; lines 60, 73)',
    ]);
  });

  it('reads names by their namespace, whatever prefix the file gives it, and older exports’ foaf:givenname', () => {
    const namespaces = ZOTERO_NAMESPACES.replace('xmlns:dc=', 'xmlns:dce=').replace('xmlns:bib=', 'xmlns:biblio=');
    const text = rdf(
      `<biblio:Article rdf:about="#item_1"><z:itemType>journalArticle</z:itemType>
<biblio:authors><rdf:Seq>${person('Hale', 'Mira', 'foaf:givenname')}</rdf:Seq></biblio:authors>
<dce:title>Katabatic winds over Dome C</dce:title><dce:date>2016</dce:date></biblio:Article>`,
      namespaces,
    );
    const { papers, problems } = readWith(readZoteroRdf, text, 'old.rdf');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({
      id: 'hale2016katabatic',
      title: 'Katabatic winds over Dome C',
      authors: ['Mira Hale'],
    });
  });

  it("takes a DOI or an arXiv id from Extra's lines, as the Zotero database reader does, and never a citation key for the id", () => {
    const item = (about: string, surname: string, extra: string) =>
      `<bib:Article rdf:about="${about}"><z:itemType>journalArticle</z:itemType><bib:authors><rdf:Seq>${person(surname, 'Ida')}</rdf:Seq></bib:authors>
<dc:title>Firn densification in a warming climate</dc:title><dc:date>2020</dc:date><dc:description>${extra}</dc:description></bib:Article>`;
    const text = rdf(
      [
        item('#item_1', 'Berg', 'DOI: 10.5194/tc-2020-1\nPMID: 123'),
        item('#item_2', 'Lund', 'arXiv: 1706.03762'),
        item('#item_3', 'Holm', 'Citation Key: firn-review'),
      ].join('\n'),
    );
    const { papers } = readWith(readZoteroRdf, text, 'extra.rdf');
    expect(papers.map(({ paper }) => paper.id)).toEqual(['doi:10.5194/tc-2020-1', 'arxiv:1706.03762', 'holm2020firn']);
    expect(papers[2]?.paper.metadata).toMatchObject({ citationKey: 'firn-review' });
  });

  it("reads a node of another tool (no z:itemType) by its class, its description as abstract rather than Extra's lines", () => {
    const text = rdf(`<bib:Article rdf:about="https://example.org/firn">
<dcterms:isPartOf rdf:resource="urn:issn:1994-0416"/>
<bib:authors><rdf:Seq>${person('Berg', 'Ida')}</rdf:Seq></bib:authors>
<dc:title>Firn aquifers in Greenland</dc:title><dc:date>2021</dc:date>
<dc:description>Extends the survey of arXiv:1706.03762 to firn.</dc:description></bib:Article>
<bib:Journal rdf:about="urn:issn:1994-0416"><dc:title>The Cryosphere</dc:title></bib:Journal>`);
    const { papers, problems } = readWith(readZoteroRdf, text, 'other.rdf');
    expect(problems).toEqual([]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.paper).toMatchObject({
      id: 'berg2021firn',
      abstract: 'Extends the survey of arXiv:1706.03762 to firn.',
      venue: 'The Cryosphere',
      arxivId: null,
      metadata: { entryType: 'journalArticle' },
    });
  });

  it('reads the complete items of an export cut short and reports the cut item at its line', () => {
    const text = library();
    const cut = text.slice(0, text.indexOf('<dc:title>Basal friction laws'));
    const { papers, problems } = readWith(readZoteroRdf, cut, 'cut.rdf');
    expect(papers.map(({ paper }) => paper.id)).toEqual([
      'doi:10.1029/2019GL085123',
      'okafor2021retrieval',
      'arxiv:2402.01234',
    ]);
    expect(problems).toEqual([
      {
        file: 'cut.rdf',
        line: 149,
        record: null,
        field: null,
        message:
          '<bib:BookSection> is cut short: the file ends before its </bib:BookSection> (was the export interrupted?); the nodes before it were read',
      },
    ]);
  });

  it('reads an export cut inside a tag as cut short, not as damaged', () => {
    const text = library();
    // Cut inside a closing tag, which the XML validator reports as a tag without its ">", not as the end of the file.
    const cut = text.slice(
      0,
      text.indexOf('<dc:title>Basal friction laws') + '<dc:title>Basal friction laws</dc:tit'.length,
    );
    const { papers, problems } = readWith(readZoteroRdf, cut, 'cut.rdf');
    expect(papers).toHaveLength(3);
    expect(problems.map(({ line, message }) => [line, message])).toEqual([
      [
        149,
        '<bib:BookSection> is cut short: the file ends before its </bib:BookSection> (was the export interrupted?); the nodes before it were read',
      ],
    ]);
  });

  it('reads every item but a damaged one, reporting the damage at its line and the node it is in', () => {
    const damaged = library().replace(
      '<dc:title>Basal friction laws</dc:title>',
      '<dc:title>Basal friction laws</dc:titel>',
    );
    const { papers, problems } = readWith(readZoteroRdf, damaged, 'damaged.rdf');
    expect(papers.map(({ paper }) => paper.id)).toEqual([
      JOURNAL_ARTICLE.id,
      'okafor2021retrieval',
      'arxiv:2402.01234',
      THESIS.id,
    ]);
    expect(problems).toEqual([
      {
        file: 'damaged.rdf',
        line: 192,
        record: null,
        field: null,
        message:
          "is not well-formed XML: Expected closing tag 'dc:title' (opened in line 192, col 9) instead of closing tag 'dc:titel'. (column 38); this <bib:BookSection> (from line 149) was passed over, the other nodes were read",
      },
    ]);
  });

  it('reads the items after a stray "&" in the first one, which alone is passed over', () => {
    const damaged = library().replace('<dc:title>Tidal modulation', '<dc:title>Tides & modulation');
    expect(damaged).not.toBe(library());
    const { papers, problems } = readWith(readZoteroRdf, damaged, 'amp.rdf');
    expect(papers.map(({ paper }) => paper.id)).toEqual([
      'okafor2021retrieval',
      'arxiv:2402.01234',
      BOOK_SECTION.id,
      THESIS.id,
    ]);
    expect(problems.map(({ line, message }) => [line, message.replace(/ \(column \d+\)/, '')])).toEqual([
      [
        38,
        "is not well-formed XML: char '&' is not expected.; this <bib:Article> (from line 11) was passed over, the other nodes were read",
      ],
    ]);
  });

  it('says a node left without its closing tag was read as holding the nodes after it, which were passed over with it', () => {
    const unclosed = library().replace(
      '<bib:pages>45-78</bib:pages>\n    </bib:BookSection>',
      '<bib:pages>45-78</bib:pages>',
    );
    expect(unclosed).not.toBe(library());
    const { papers, problems } = readWith(readZoteroRdf, unclosed, 'unclosed.rdf');
    expect(papers).toHaveLength(3);
    expect(problems).toEqual([
      {
        file: 'unclosed.rdf',
        line: 149,
        record: null,
        field: null,
        message:
          '<bib:BookSection> has no </bib:BookSection> before </rdf:RDF> (line 244): it and the nodes after it were passed over',
      },
    ]);
  });

  it('reads no volume, issue or DOI from a journal node several items point to, so neither takes the other’s', () => {
    const article = (about: string, surname: string, title: string) =>
      `<bib:Article rdf:about="${about}"><z:itemType>journalArticle</z:itemType>
<dcterms:isPartOf rdf:resource="urn:issn:1994-0416"/>
<bib:authors><rdf:Seq>${person(surname, 'Ida')}</rdf:Seq></bib:authors>
<dc:title>${title}</dc:title><dc:date>2021</dc:date></bib:Article>`;
    const text = rdf(
      [
        article('#item_1', 'Berg', 'Firn aquifers in Greenland'),
        `<bib:Journal rdf:about="urn:issn:1994-0416"><dc:title>The Cryosphere</dc:title>
<prism:volume>15</prism:volume><prism:number>3</prism:number>
<dc:identifier>DOI 10.5194/tc-15-1-2021</dc:identifier><dc:identifier>ISSN 1994-0416</dc:identifier>
<prism:volume>16</prism:volume><dc:identifier>DOI 10.5194/tc-16-2-2022</dc:identifier></bib:Journal>`,
        article('#item_2', 'Lund', 'Meltwater ponds on ice shelves'),
      ].join('\n'),
      `${ZOTERO_NAMESPACES}\n xmlns:prism="http://prismstandard.org/namespaces/1.2/basic/"`,
    );
    const { papers, problems, repairs } = readWith(readZoteroRdf, text, 'merged.rdf', { repair: true });
    expect([problems, repairs]).toEqual([[], []]);
    expect(papers.map(({ paper }) => [paper.id, paper.venue, paper.doi, paper.metadata])).toEqual([
      ['berg2021firn', 'The Cryosphere', null, { entryType: 'journalArticle', ISSN: '1994-0416' }],
      ['lund2021meltwater', 'The Cryosphere', null, { entryType: 'journalArticle', ISSN: '1994-0416' }],
    ]);
  });

  it('reads the journal of an item with a section, which Zotero writes as part of the section', () => {
    const text = rdf(
      `<bib:Article rdf:about="#item_1"><z:itemType>newspaperArticle</z:itemType>
<dcterms:isPartOf><bib:Part><dc:title>Science</dc:title>
<dcterms:isPartOf><bib:Newspaper><dc:title>The Glacier Gazette</dc:title></bib:Newspaper></dcterms:isPartOf>
</bib:Part></dcterms:isPartOf>
<bib:authors><rdf:Seq>${person('Hale', 'Mira')}</rdf:Seq></bib:authors>
<dc:title>Glaciers in retreat</dc:title><dc:date>2022-03-01</dc:date></bib:Article>`,
    );
    const { papers, problems } = readWith(readZoteroRdf, text, 'section.rdf');
    expect(problems).toEqual([]);
    expect(papers[0]?.paper).toMatchObject({ venue: 'The Glacier Gazette', metadata: { section: 'Science' } });
  });

  it('reports an entity the XML parser refuses at the line of the DOCTYPE declaring it', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY big "${'x'.repeat(20000)}">]>\n${rdf('<bib:Article rdf:about="#a"><dc:title>&big;</dc:title></bib:Article>')}`;
    const { problems } = readWith(readZoteroRdf, text, 'entity.rdf');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^could not be read as XML: Entity "big"/),
    });
  });

  it('refuses a document whose root is not <rdf:RDF>, at its first line', () => {
    const { records, problems } = readZoteroRdf('<?xml version="1.0"?>\n<feed><entry/></feed>', 'feed.rdf');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'feed.rdf',
        line: 1,
        record: null,
        field: null,
        message: 'expected a Zotero RDF export (<rdf:RDF>), found <feed>',
      },
    ]);
  });
});

describe('citelens index on a Zotero RDF export', () => {
  it('indexes the export, its papers found by search, and a later broken export fails naming its line and changes nothing', async () => {
    const index = tempDir();
    const file = path.join(tempDir(), 'My Library.rdf');
    fs.copyFileSync(fixture(LIBRARY), file);
    const indexed = await runCli(['index', file, '--index', index, '--embedder', 'builtin']);
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stdout).toMatch(/Indexed 5 papers/);
    expect(indexed.stderr).toContain('2 Zotero items holding no paper of their own were passed over');

    const found = await runCli(['search', 'calving fronts ocean forcing', '--index', index, '--json']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain('doi:10.3929/ethz-b-000123456');

    const broken = path.join(tempDir(), 'broken.rdf');
    fs.writeFileSync(
      broken,
      rdf('<bib:Article rdf:about="#item_1"><z:itemType>journalArticle</dc:title></bib:Article>'),
    );
    const failed = await runCli(['index', broken, '--index', index, '--embedder', 'builtin']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${broken}:8`);
    const still = await runCli(['search', 'retrieval heads small encoders', '--index', index, '--json']);
    expect(still.stdout).toContain('okafor2021retrieval');
  });
});
