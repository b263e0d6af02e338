import { describe, expect, it } from 'vitest';
import { readArxivAtom } from '../../../indexer/readers/arxiv-atom.reader.ts';
import { paperById, readFixture, readWith } from './read-fixture.ts';

const feed = (entries: string) =>
  `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n${entries}\n</feed>`;

describe('arxiv-atom.reader', () => {
  it('reads each <entry> as a paper with id "arxiv:<number>" and the line of the entry', () => {
    const { papers, problems } = readFixture(readArxivAtom, 'arxiv-feed.xml');
    expect(problems).toEqual([]);
    expect(papers.map((entry) => [entry.paper.id, entry.location.line, entry.location.record])).toEqual([
      ['arxiv:2310.11511', 7, 1],
      ['arxiv:2005.11401', 25, 2],
      ['arxiv:hep-th/9901001', 40, 3],
    ]);
  });

  it('collapses whitespace, decodes entities, and maps authors, affiliations, year, categories and links', () => {
    const { papers } = readFixture(readArxivAtom, 'arxiv-feed.xml');
    expect(paperById(papers, 'arxiv:2310.11511').paper).toEqual({
      id: 'arxiv:2310.11511',
      title: 'Self-RAG: Learning to Retrieve, Generate, and Critique through Self-Reflection',
      abstract:
        'Trains a language model to decide when to retrieve and to grade its own generations & passages with reflection tokens.',
      authors: ['Akari Asai', 'Zeqiu Wu'],
      affiliations: ['University of Washington'],
      year: 2023,
      venue: null,
      url: 'http://arxiv.org/abs/2310.11511v1',
      doi: null,
      arxivId: '2310.11511',
      tags: ['cs.CL', 'cs.AI'],
      metadata: {
        version: 'v1',
        updated: '2023-10-17T17:59:59Z',
        comment: '30 pages, 2 figures',
        pdfUrl: 'http://arxiv.org/pdf/2310.11511v1',
      },
    });
    expect(paperById(papers, 'arxiv:2005.11401').paper).toMatchObject({
      doi: '10.48550/arXiv.2005.11401',
      venue: 'NeurIPS 2020',
      tags: ['cs.CL', 'cs.LG'],
      metadata: { version: 'v4' },
    });
    expect(paperById(papers, 'arxiv:hep-th/9901001').paper).toMatchObject({ arxivId: 'hep-th/9901001', year: 1999 });
  });

  it('reads a feed with no entries as no papers and no problems', () => {
    expect(readWith(readArxivAtom, feed(''))).toEqual({ papers: [], problems: [], repairs: [] });
  });

  it('reports XML that is not well-formed with its line', () => {
    const { problems } = readWith(readArxivAtom, feed('<entry><id>x</id>\n<title>T</entry>'), 'bad.xml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'bad.xml', line: 4, record: null, field: null });
    expect(problems[0]?.message).toMatch(/^is not well-formed XML: .*title.* \(column \d+\)$/);
  });

  it('reports XML that is none of the exports read, naming each of them and its root element as written', () => {
    const { problems } = readWith(readArxivAtom, '<?xml version="1.0"?>\n<rss><channel/></rss>', 'news.xml');
    const expected =
      "expected an Atom <feed> (an arXiv API response), a PubMed <PubmedArticleSet>, an EndNote <xml><records>, a MODS <modsCollection> or a Zotero RDF export (an <rdf:RDF> declaring Zotero's namespaces)";
    expect(problems).toEqual([
      { file: 'news.xml', line: 1, record: null, field: null, message: `${expected}, found <rss>` },
    ]);
    // An RSS 1.0 feed is RDF, but of no reference manager.
    const rss = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://news.example.org/"><title>Glacier news</title></channel>
</rdf:RDF>`;
    expect(readWith(readArxivAtom, rss, 'feed.xml').problems[0]?.message).toBe(`${expected}, found <rdf:RDF>`);
  });

  it('reports the error entry the arXiv API returns for a bad query', () => {
    const entry =
      '<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title>' +
      '<summary>incorrect id format for 1234</summary></entry>';
    const { papers, problems } = readWith(readArxivAtom, feed(entry), 'api.xml');
    expect(papers).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'api.xml',
        line: 3,
        record: 1,
        field: null,
        message: 'the arXiv API returned an error: incorrect id format for 1234',
      },
    ]);
  });

  it('reports a DOCTYPE the XML parser refuses, such as an external entity', () => {
    const text =
      '<!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<feed><entry><title>&secret;</title></entry></feed>';
    expect(readWith(readArxivAtom, text, 'evil.xml')).toEqual({
      papers: [],
      problems: [
        {
          file: 'evil.xml',
          line: 1,
          record: null,
          field: null,
          message: 'could not be read as XML: External entities are not supported',
        },
      ],
      repairs: [],
    });
  });

  it('reads an old-style and a versioned entry id by the arXiv grammar every reader uses, keeping the version', () => {
    const entry = (id: string) => `<entry><id>${id}</id><title>T</title><summary>S</summary></entry>`;
    const { papers } = readWith(
      readArxivAtom,
      feed([entry('http://arxiv.org/abs/hep-th/9901001v2'), entry('https://arxiv.org/abs/2301.01234v12')].join('\n')),
    );
    expect(papers.map((entry) => [entry.paper.id, entry.paper.arxivId, entry.paper.metadata.version])).toEqual([
      ['arxiv:hep-th/9901001', 'hep-th/9901001', 'v2'],
      ['arxiv:2301.01234', '2301.01234', 'v12'],
    ]);
  });
});
