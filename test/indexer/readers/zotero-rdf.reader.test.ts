import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZoteroRdf } from '../../../indexer/readers/zotero-rdf.reader.ts';
import { runCli } from '../../support/run-cli.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { fixture, paperById, readFixture, readWith } from './read-fixture.ts';

// The fixture is shaped as Zotero's "Zotero RDF" export writes a library (namespaces declared on the root, items named
// by their URL, ISBN or "#item_N", the journal named by its ISSN as a node of its own, the DOI written on the journal,
// attachments and notes as nodes the items link to, collections last), with papers and values written here.
const LIBRARY = 'wild/zotero-library.rdf';
const library = () => fs.readFileSync(fixture(LIBRARY), 'utf8');

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
    const { papers, problems } = readFixture(readZoteroRdf, LIBRARY);
    expect(problems).toEqual([]);
    expect(papers.map(({ location }) => [location.line, location.record])).toEqual([
      [11, 1],
      [76, 2],
      [119, 3],
      [149, 4],
      [197, 5],
    ]);
    expect(paperById(papers, 'doi:10.1029/2019GL085123').paper).toMatchObject({
      title: 'Tidal modulation of basal melt at the Pine Island grounding line',
      abstract: expect.stringContaining('doubles near the line & halves further out'),
      authors: ['Ana Silva', 'Jonas Weber'],
      year: 2019,
      venue: 'Geophysical Research Letters',
      doi: '10.1029/2019GL085123',
      url: 'https://agupubs.onlinelibrary.wiley.com/doi/abs/10.1029/2019GL085123',
      tags: ['grounding line', 'Glaciology', 'Ice dynamics'],
      metadata: {
        entryType: 'journalArticle',
        volume: '46',
        issue: '22',
        pages: '13012-13020',
        journalAbbreviation: 'Geophys. Res. Lett.',
        ISSN: '0094-8276',
        citationKey: 'silva2019tidal',
      },
    });
  });

  it('reads a conference paper: its proceedings as venue, the conference and the publisher kept as metadata, keyed by its content', () => {
    const { papers } = readFixture(readZoteroRdf, LIBRARY);
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
    const { papers } = readFixture(readZoteroRdf, LIBRARY);
    expect(paperById(papers, 'arxiv:2402.01234').paper).toMatchObject({
      title: 'Sparse probes for attention sinks',
      authors: ['Ren Nakamura'],
      venue: 'arXiv',
      arxivId: '2402.01234',
      year: 2024,
    });
  });

  it('reads a book section: its book as venue, its editors apart from its authors, the book’s ISBN and series as metadata', () => {
    const { papers } = readFixture(readZoteroRdf, LIBRARY);
    const { paper } = paperById(papers, 'moreau2020basal');
    expect(paper).toMatchObject({
      authors: ['Claire Moreau'],
      venue: 'Handbook of Ice Sheet Modelling',
      tags: ['Ice dynamics'],
      metadata: {
        editors: ['Kenji Ito'],
        ISBN: '978-3-030-12345-6',
        series: 'Springer Glaciology Series',
        publisher: 'Springer',
      },
    });
  });

  it('reads a thesis: its university as venue, the DOI its doi.org link names as id, its call number apart from its tags', () => {
    const { papers } = readFixture(readZoteroRdf, LIBRARY);
    expect(paperById(papers, 'doi:10.3929/ethz-b-000123456').paper).toMatchObject({
      title: 'Calving fronts under ocean forcing',
      venue: 'ETH Zürich',
      year: 2018,
      tags: ['ice shelves', 'Theses'],
      metadata: { entryType: 'thesis', thesisType: 'PhD Thesis', callNumber: 'GB2401 .K45 2018' },
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

  it('reports a damaged element at its line and reads the items complete before it', () => {
    const damaged = library().replace(
      '<dc:title>Basal friction laws</dc:title>',
      '<dc:title>Basal friction laws</dc:titel>',
    );
    const { papers, problems } = readWith(readZoteroRdf, damaged, 'damaged.rdf');
    expect(papers).toHaveLength(3);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'damaged.rdf', line: 192 });
    expect(problems[0]?.message).toMatch(
      /^is not well-formed XML: Expected closing tag 'dc:title' .*; the nodes complete before it were read, the rest of the file was not$/,
    );
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
