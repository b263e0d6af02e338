import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { detectFormat } from '../../../indexer/readers/detect-format.ts';
import { fixture } from './read-fixture.ts';

describe('detect-format', () => {
  it.each([
    ['papers.jsonl', 'jsonl'],
    ['papers.NDJSON', 'jsonl'],
    ['papers.csv', 'csv'],
    ['papers.tsv', 'tsv'],
    ['refs.bib', 'bibtex'],
    ['refs.bibtex', 'bibtex'],
    ['query.xml', 'arxiv-atom'],
    ['query.atom', 'arxiv-atom'],
  ])('tells %s is %s by its extension', (file, format) => {
    expect(detectFormat(file, 'anything')).toBe(format);
  });

  it('tells CSL-JSON from a plain JSON array by its fields', () => {
    expect(detectFormat('lib.json', '[{"id": "a", "issued": {"date-parts": [[2020]]}}]')).toBe('csl-json');
    expect(detectFormat('lib.json', '[{"id": "a", "author": [{"family": "Doe"}]}]')).toBe('csl-json');
    expect(detectFormat('lib.json', '[{"id": "a", "container-title": "ACL"}]')).toBe('csl-json');
    expect(detectFormat('lib.json', '[{"id": "a", "title": "T", "authors": ["Doe"]}]')).toBe('json');
  });

  it('tells a .json file holding JSON Lines from one holding a single document', () => {
    expect(detectFormat('corpus.json', '{"_id": "1", "title": "A"}\n{"_id": "2", "title": "B"}\n')).toBe('jsonl');
    expect(detectFormat('wrapped.json', '{"papers": [{"id": "a", "title": "A"}]}')).toBe('json');
    expect(detectFormat('pretty.json', '{\n  "papers": []\n}')).toBe('json');
    // A Semantic Scholar recommendations answer as the API sends it, on one line.
    const recommended = `{"recommendedPapers": [{"paperId": "${'a'.repeat(40)}", "title": "Tidal melt"}]}`;
    expect(detectFormat('recommended.json', recommended)).toBe('json');
    expect(detectFormat('broken.json', 'not json at all')).toBe('json');
  });

  it('tells the format by content when the extension says nothing', () => {
    expect(detectFormat('data', '  [{"id": "a"}]')).toBe('json');
    expect(detectFormat('data', '{"id": "a", "title": "A"}\n{"id": "b", "title": "B"}')).toBe('jsonl');
    expect(detectFormat('data.txt', '% my refs\n\n@article{key, title = {T}}')).toBe('bibtex');
    expect(detectFormat('data', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toBe(
      'arxiv-atom',
    );
    expect(detectFormat('export', 'id\ttitle\tabstract\n1\tT\tA\n')).toBe('tsv');
    expect(detectFormat('export', '"Title",Year\nT,2020\n')).toBe('csv');
  });

  it('refuses text it cannot place with UNKNOWN_FORMAT, naming the file', () => {
    const attempt = () => detectFormat('notes.txt', 'Dear reader, this is prose, with commas.\nNothing else.');
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/^notes\.txt: could not tell the format \(expected JSON, JSON Lines, CSV or TSV/);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe('UNKNOWN_FORMAT');
    }
  });

  it('tells RIS, MEDLINE and Web of Science exports by extension or, in a .txt, by content', () => {
    expect(detectFormat('refs.ris', 'anything')).toBe('ris');
    expect(detectFormat('pubmed.nbib', 'anything')).toBe('medline');
    expect(detectFormat('export.txt', '\nTY  - JOUR\nTI  - T\nER  - \n')).toBe('ris');
    expect(detectFormat('pubmed-set.txt', 'PMID- 31452104\nOWN - NLM\n')).toBe('medline');
    expect(detectFormat('savedrecs.txt', 'PT\tAU\tTI\tSO\n')).toBe('wos');
    expect(detectFormat('savedrecs.tsv', 'PT\tAU\tTI\tSO\n')).toBe('wos');
    expect(
      detectFormat('savedrecs.txt', '\uFEFFFN Clarivate Analytics Web of Science\r\nVR 1.0\r\nPT J\r\nAU Lee, K\r\n'),
    ).toBe('wos');
    expect(detectFormat('records.txt', 'PT J\nTI Protein folding\nER\n')).toBe('wos');
    expect(detectFormat('plain.tsv', 'id\ttitle\n')).toBe('tsv');
    expect(detectFormat('zotero.sqlite', '')).toBe('zotero');
  });

  it('tells the XML exports apart by their root element: PubMed, EndNote or an arXiv Atom feed', () => {
    const pubmed =
      '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet><PubmedArticle/></PubmedArticleSet>';
    expect(detectFormat('pubmed.xml', pubmed)).toBe('pubmed-xml');
    expect(
      detectFormat('library.xml', '<?xml version="1.0" encoding="UTF-8" ?><xml><records><record/></records></xml>'),
    ).toBe('endnote-xml');
    expect(detectFormat('query.xml', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toBe(
      'arxiv-atom',
    );
    expect(detectFormat('saved', pubmed)).toBe('pubmed-xml');
  });

  it('tells a Zotero RDF export by its .rdf extension, or by its <rdf:RDF> root and Zotero namespaces in any other file', () => {
    const head =
      '<rdf:RDF\n xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n xmlns:z="http://www.zotero.org/namespaces/export#">';
    expect(detectFormat('My Library.rdf', 'anything')).toBe('zotero-rdf');
    expect(detectFormat('My Library.RDF', head)).toBe('zotero-rdf');
    expect(detectFormat('library.xml', `<?xml version="1.0"?>\n<!-- exported -->\n${head}`)).toBe('zotero-rdf');
    expect(detectFormat('saved', head)).toBe('zotero-rdf');
    // RDF of no reference manager (an RSS 1.0 feed) in a .xml file is not Zotero's.
    const rss = '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">';
    expect(detectFormat('news.xml', rss)).toBe('arxiv-atom');
  });

  it('tells a MODS export by its <modsCollection> or <mods> root, in the default namespace or under a prefix', () => {
    const collection =
      '<?xml version="1.0"?>\n<modsCollection xmlns="http://www.loc.gov/mods/v3"><mods><titleInfo><title>T</title></titleInfo></mods></modsCollection>';
    expect(detectFormat('export.xml', collection)).toBe('mods');
    expect(detectFormat('record.xml', '<mods xmlns="http://www.loc.gov/mods/v3" version="3.7">')).toBe('mods');
    expect(
      detectFormat(
        'catalogue.xml',
        '<?xml version="1.0"?>\n<!-- from the catalogue -->\n<mods:modsCollection xmlns:mods="http://www.loc.gov/mods/v3">',
      ),
    ).toBe('mods');
    expect(detectFormat('saved', collection)).toBe('mods');
  });
  // Forty comments make 2^40 ways to split them for a pattern that repeats a lazy comment group: were the root found
  // by such a pattern again, these would not return at all, so the results alone tell the scan is linear.
  it('tells an export whose root follows forty comments, and refuses prose after them, reading past each comment once', () => {
    const comments = '<!-- exported from the catalogue -->\n'.repeat(40);
    const declared = `<?xml version="1.0"?>\n${comments}`;
    expect(detectFormat('query.xml', `${declared}<feed xmlns="http://www.w3.org/2005/Atom"></feed>`)).toBe(
      'arxiv-atom',
    );
    expect(detectFormat('export.xml', `${declared}<mods:modsCollection xmlns:mods="http://www.loc.gov/mods/v3">`)).toBe(
      'mods',
    );
    const rdf =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:z="http://www.zotero.org/namespaces/export#">';
    expect(detectFormat('library.xml', `${declared}${rdf}`)).toBe('zotero-rdf');
    expect(detectFormat('page.xml', `${comments}<html><body>A page</body></html>`)).toBe('arxiv-atom');
    expect(() => detectFormat('references', `${comments}<p>[1] Smith J. (2020) A title. Nature.</p>`)).toThrow(
      AppError,
    );
  });

  it('tells a PubMed or EndNote export whose root follows more comments than the head it sniffs holds', () => {
    const comments = '<!-- exported by the library tool, one line of its notes -->\n'.repeat(2000);
    expect(detectFormat('batch.xml', `<?xml version="1.0"?>\n${comments}<PubmedArticleSet>`)).toBe('pubmed-xml');
    expect(detectFormat('library.xml', `<?xml version="1.0"?>\n${comments}<xml>\n  <records>`)).toBe('endnote-xml');
    expect(detectFormat('library.xml', '<?xml version="1.0"?>\n<xml>\n  <!-- written by hand -->\n  <records>')).toBe(
      'endnote-xml',
    );
  });

  it('tells the root after a DOCTYPE whose internal subset holds ">" and after processing instructions', () => {
    const doctype = '<!DOCTYPE modsCollection [\n  <!ENTITY ndash "&#8211;">\n]>\n<?xml-stylesheet href="mods.xsl"?>\n';
    expect(detectFormat('export.xml', `<?xml version="1.0"?>\n${doctype}<modsCollection>`)).toBe('mods');
    expect(detectFormat('feed.xml', '<?xml version="1.0"?>\n<!-- unterminated comment <feed>')).toBe('arxiv-atom');
    expect(() => detectFormat('notes', '<!-- unterminated comment <feed>')).toThrow(AppError);
  });

  it('refuses CRLF text opening with a %-tag line and no second one in forty lines, reading each line one way', () => {
    const text = `%T My reading notes\r\n${'a line of prose about glaciers\r\n'.repeat(45)}`;
    expect(() => detectFormat('notes.txt', text)).toThrow(AppError);
    expect(detectFormat('export.txt', '%0 Journal Article\r\n%T Deep residual learning\r\n')).toBe('endnote-tagged');
  });

  it('tells EndNote tagged text by its .enw extension or, in a .txt, by its %-tag lines', () => {
    expect(detectFormat('scholar.enw', 'anything')).toBe('endnote-tagged');
    expect(detectFormat('export.txt', '%0 Journal Article\n%T Deep residual learning\n%A He, Kaiming\n')).toBe(
      'endnote-tagged',
    );
    expect(detectFormat('export.txt', '\uFEFF%T Deep residual learning\r\n%A He, Kaiming\r\n')).toBe('endnote-tagged');
    // A BibTeX file opening with "%" comments is still BibTeX.
    expect(detectFormat('refs.txt', '% refs\n%%%%\n@article{k, title = {T}}')).toBe('bibtex');
  });

  it('tells RefWorks tagged text by its RT line followed by a RefWorks tag, never by a .txt extension alone', () => {
    expect(detectFormat('export.txt', 'RT Journal Article\nSR Electronic(1)\nA1 He, Kaiming\n')).toBe('refworks');
    expect(detectFormat('export', '\uFEFFRT Book, Whole\r\nT1 Deep learning\r\n')).toBe('refworks');
    // A line starting "RT" that is not followed by a RefWorks tag is not enough.
    expect(() => detectFormat('notes.txt', 'RT this please\nsee below\n')).toThrow(AppError);
    // RIS and Web of Science plain text have their own markers and stay theirs.
    expect(detectFormat('export.txt', 'TY  - JOUR\nT1  - T\nA1  - Doe, J\nER  - \n')).toBe('ris');
    expect(detectFormat('export.txt', 'PT J\nAU Doe, J\nTI T\nER\n')).toBe('wos');
  });

  it('tells a Dimensions export by its header row on line 2, under the "About the data" line', () => {
    const text = fs.readFileSync(fixture('wild/dimensions.csv'), 'utf8');
    expect(detectFormat('dimensions-export', text)).toBe('csv');
    expect(() => detectFormat('notes.txt', 'About this, and that\nmore prose, with commas\n')).toThrow(AppError);
  });

  it('still tells the RIS, MEDLINE and Web of Science fixtures as before', () => {
    for (const [name, format] of [
      ['zotero-export.ris', 'ris'],
      ['pubmed.nbib', 'medline'],
      ['savedrecs.txt', 'wos'],
      ['savedrecs-plain.txt', 'wos'],
      ['endnote-export.enw', 'endnote-tagged'],
      ['refworks-export.txt', 'refworks'],
    ] as const) {
      const text = fs.readFileSync(fixture(`wild/${name}`), 'utf8');
      expect(detectFormat(name, text)).toBe(format);
      expect(detectFormat('export.txt', text)).toBe(format);
    }
  });
});
